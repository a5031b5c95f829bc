import OTLintCore

/// The exporter chosen for one signal: `OTEL_TRACES_EXPORTER`, `OTEL_METRICS_EXPORTER`, `OTEL_LOGS_EXPORTER`.
public struct ExporterChoice: Sendable {
    /// `traces`, `metrics` or `logs`.
    public var signal: String
    public var setting: Setting

    public init(signal: String, setting: Setting) {
        self.signal = signal
        self.setting = setting
    }

    /// The exporter names in lower case (`otlp,console` → [otlp, console]); nil when the value cannot be known.
    public var names: [String]? {
        setting.value.map { $0.lowercased().split(separator: ",").map { $0.blankTrimmed }.filter { !$0.isEmpty } }
    }

    /// `none`: the signal is not exported.
    public var isNone: Bool { names.map { !$0.isEmpty && $0.allSatisfy { $0 == "none" } } ?? false }
}
