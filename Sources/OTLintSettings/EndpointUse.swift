import OTLintCore

/// One signal that exports over OTLP to an endpoint, with the settings of that signal's exporter: a base
/// `OTEL_EXPORTER_OTLP_ENDPOINT` serves every signal without an endpoint of its own, and each of them may choose its
/// own protocol, headers and TLS.
public struct EndpointUse: Sendable {
    /// `traces`, `metrics` or `logs`; nil for an exporter in code that is not tied to one signal.
    public var signal: String?
    /// The protocol this signal's exporter speaks; nil when no protocol is set (the default depends on the SDK).
    public var transport: EndpointSetting.Transport?
    /// Where the protocol is chosen, when that is a setting of its own (per-signal over base variable).
    public var protocolSetting: Setting?
    /// The exporter headers sent with this signal (usually an API key); nil when none are set.
    public var headers: Setting?
    /// `OTEL_EXPORTER_OTLP_INSECURE` (per-signal over base): plaintext for a gRPC endpoint without scheme.
    public var insecure: Setting?
    /// The exporter's name chooses the transport itself (Python's `OTEL_TRACES_EXPORTER=otlp_proto_http`).
    public var exporterChoosesTransport: Bool
    /// How to add a protocol setting for this signal where none is written; nil when the source cannot take one.
    public var protocolInsertion: SettingInsertion?

    public init(signal: String?, transport: EndpointSetting.Transport?, protocolSetting: Setting? = nil, headers: Setting? = nil,
                insecure: Setting? = nil, exporterChoosesTransport: Bool = false, protocolInsertion: SettingInsertion? = nil) {
        self.signal = signal
        self.transport = transport
        self.protocolSetting = protocolSetting
        self.headers = headers
        self.insecure = insecure
        self.exporterChoosesTransport = exporterChoosesTransport
        self.protocolInsertion = protocolInsertion
    }
}
