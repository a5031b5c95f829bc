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
