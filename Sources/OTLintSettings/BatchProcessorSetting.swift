import OTLintCore

/// A number as its source reads it: `OTEL_BSP_SCHEDULE_DELAY=5000` is milliseconds, opentelemetry-swift's
/// `scheduleDelay: 5` is `TimeInterval` seconds, a queue size is a count.
public struct Quantity: Sendable {
    public enum Unit: Sendable { case milliseconds, seconds, count }

    public var value: Double
    public var unit: Unit
    /// The unit is spelled where the value is written (swift-otel's `.seconds(5)`): it cannot be mistaken.
    public var isUnitWritten: Bool

    public init(_ value: Double, _ unit: Unit, isUnitWritten: Bool = false) {
        self.value = value
        self.unit = unit
        self.isUnitWritten = isUnitWritten
    }

    /// Whether a duration looks written in the other unit: a handful of milliseconds (`OTEL_BSP_EXPORT_TIMEOUT=30`,
    /// meant as seconds), or thousands of seconds (`exportTimeout: 30000`, meant as milliseconds).
    /// `largestPlausibleSeconds` is where a number of seconds stops being a plausible value for this setting.
    public func looksWrittenInTheOtherUnit(largestPlausibleSeconds: Double) -> Bool {
        guard !isUnitWritten else { return false }
        switch unit {
        case .milliseconds: return value > 0 && value <= 60
        case .seconds: return value >= largestPlausibleSeconds
        case .count: return false
        }
    }
}

/// A setting whose value is a number, with the unit its source reads.
public struct QuantitySetting: Sendable {
    public var setting: Setting
    /// Nil when the value is not a number otlint can read (a shell variable, an expression).
    public var quantity: Quantity?
    /// The name as written, for messages: `OTEL_BSP_SCHEDULE_DELAY`, `scheduleDelay`.
    public var label: String

    public init(setting: Setting, quantity: Quantity?, label: String) {
        self.setting = setting
        self.quantity = quantity
        self.label = label
    }

    public var value: Double? { quantity?.value }
}

/// One batching processor, modelled as the declarative configuration's `BatchSpanProcessor` /
/// `BatchLogRecordProcessor` (`schedule_delay`, `export_timeout`, `max_queue_size`, `max_export_batch_size`):
/// `OTEL_BSP_*` / `OTEL_BLRP_*`, or a processor configured in code.
public struct BatchProcessorSetting: Sendable {
    public enum Signal: Sendable {
        case spans, logRecords

        /// What the processor holds, for messages.
        public var items: String { self == .spans ? "spans" : "log records" }
    }

    public var signal: Signal
    /// How messages name a processor configured in code (`` `BatchSpanProcessor` ``,
    /// `` `config.traces.batchSpanProcessor` ``); nil for the environment, whose variables name themselves.
    public var api: String?
    public var scheduleDelay: QuantitySetting?
    public var exportTimeout: QuantitySetting?
    public var maxQueueSize: QuantitySetting?
    public var maxExportBatchSize: QuantitySetting?
    /// What advice calls the queue size when it is not set: `OTEL_BSP_MAX_QUEUE_SIZE`, `maxQueueSize`, `maximumQueueSize`.
    public var queueSizeLabel: String
    /// The delay the processor waits between exports when none is set, in the unit its source reads.
    public var defaultScheduleDelay: Quantity
    /// The library replaces a size of zero or less and a negative delay with its default and only prints a notice
    /// (opentelemetry-swift).
    public var replacesInvalidValuesWithDefaults: Bool

    public init(signal: Signal, api: String?, scheduleDelay: QuantitySetting? = nil, exportTimeout: QuantitySetting? = nil,
                maxQueueSize: QuantitySetting? = nil, maxExportBatchSize: QuantitySetting? = nil, queueSizeLabel: String,
                defaultScheduleDelay: Quantity, replacesInvalidValuesWithDefaults: Bool = false) {
        self.signal = signal
        self.api = api
        self.scheduleDelay = scheduleDelay
        self.exportTimeout = exportTimeout
        self.maxQueueSize = maxQueueSize
        self.maxExportBatchSize = maxExportBatchSize
        self.queueSizeLabel = queueSizeLabel
        self.defaultScheduleDelay = defaultScheduleDelay
        self.replacesInvalidValuesWithDefaults = replacesInvalidValuesWithDefaults
    }

    /// The queue size every SDK defaults to (specification, "Batching processor").
    public static let defaultQueueSize = 2048.0
}

/// An OTLP exporter's timeout (`OTEL_EXPORTER_OTLP[_SIGNAL]_TIMEOUT`) in the unit the process's SDK reads it:
/// milliseconds by the specification, seconds for opentelemetry-python.
public struct ExporterTimeoutSetting: Sendable {
    public var timeout: QuantitySetting
    /// The SDK that reads it in seconds ("python"), with where its language was found; nil for milliseconds.
    public var secondsReader: (sdk: String, evidence: RelatedLocation)?

    public init(timeout: QuantitySetting, secondsReader: (sdk: String, evidence: RelatedLocation)?) {
        self.timeout = timeout
        self.secondsReader = secondsReader
    }
}
