import OTLintCore

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
