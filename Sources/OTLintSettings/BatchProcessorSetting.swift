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
