import OTLintCore

/// What a process says about the removed Jaeger exporter: where it chooses it, the settings only that exporter
/// read, and the settings of the retired Jaeger client libraries.
public struct JaegerExportSettings: Sendable {
    /// One place that chooses the Jaeger exporter: an item of `OTEL_TRACES_EXPORTER`, or a `JaegerSpanExporter`
    /// constructed in code.
    public struct Choice: Sendable {
        /// Points at the `jaeger` item or at the exporter's type name.
        public var setting: Setting
        /// The edit that makes the source export OTLP instead, in its own syntax (`otlp` in place of `jaeger`, or
        /// `jaeger` removed when `otlp` is already listed), with its title; nil when none is safe to offer.
        public var switchToOTLP: (title: String, edit: TextEdit)?

        public init(setting: Setting, switchToOTLP: (title: String, edit: TextEdit)? = nil) {
            self.setting = setting
            self.switchToOTLP = switchToOTLP
        }
    }

    public var choices: [Choice] = []
    /// `OTEL_EXPORTER_JAEGER_*` variables that are set: only the removed exporter read them.
    public var exporterSettings: [Setting] = []
    /// Variables of the retired Jaeger client libraries (`JAEGER_SERVICE_NAME`, …) with the OpenTelemetry setting
    /// that replaces each, set in a process known to be an application.
    public var clientSettings: [(setting: Setting, replacement: String)] = []
    /// The Jaeger host the old settings point at, to write the OTLP endpoint for it.
    public var host: String?

    public init() {}

    public var isEmpty: Bool { choices.isEmpty && exporterSettings.isEmpty && clientSettings.isEmpty }
}
