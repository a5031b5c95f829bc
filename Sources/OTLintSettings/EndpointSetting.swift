/// Where one exporter sends, and what the reader knows about how its SDK reads the value.
public struct EndpointSetting: Sendable {
    public enum Transport: Sendable { case grpc, http }

    /// What the value is meant to be.
    public enum Shape: Sendable {
        /// A URL: scheme, host, optional port and path.
        case url
        /// A host name alone; the port is given separately (grpc-swift's `connect(host:port:)`).
        case host
        /// `host:port` or a URL; the library parses it leniently.
        case lenient
    }

    /// The paths OTLP/HTTP receivers serve, one per signal.
    public static let signalPaths = ["/v1/traces", "/v1/metrics", "/v1/logs"]

    /// An endpoint written as a name to replace (`SUMOLOGIC_TRACES_URL`, `<your-endpoint>`,
    /// `<Vendor_OTLP_Endpoint>/v1/traces`): the file is a template there, and the value says nothing about where
    /// telemetry will go. (`<` and `>` never stand unencoded in a URL.)
    public static func isPlaceholder(_ value: String) -> Bool {
        let isConstantName = value.contains("_") && value.first?.isUppercase == true
            && value.allSatisfy { ($0.isASCII && $0.isUppercase) || $0.isNumber || $0 == "_" }
        guard let open = value.firstIndex(of: "<") else { return isConstantName }
        return isConstantName || value[open...].contains(">")
    }

    public var setting: Setting
    /// `traces`, `metrics` or `logs` for one signal's exporter; nil for the base endpoint every signal uses.
    public var signal: String?
    public var shape: Shape
    /// The protocol the exporter speaks; nil when unknown (an unset `OTEL_EXPORTER_OTLP_PROTOCOL` whose default
    /// depends on the SDK).
    public var transport: Transport?
    /// Where the protocol is chosen, when that is a setting of its own (`OTEL_EXPORTER_OTLP_PROTOCOL`).
    public var protocolSetting: Setting?
    /// Whether the SDK appends `/v1/<signal>` to the value (the base `OTEL_EXPORTER_OTLP_ENDPOINT`), or sends to
    /// it as written (per-signal variables, endpoints set in code).
    public var appendsSignalPath: Bool
    /// The code makes the connection plaintext explicitly (an insecure gRPC channel) or not; nil when the URL's
    /// scheme decides.
    public var explicitlyPlaintext: Bool?
    /// Whether the SDK must be given a full URL and rejects anything without `http://` or `https://`: OTLP/HTTP
    /// exporters, and every URL endpoint set in Swift code. gRPC exporters of other SDKs also take `host:port`.
    public var requiresURL: Bool
    /// Which SDK requires the URL when the protocol alone does not ("the Java SDK"), for messages.
    public var urlRequiredBy: String?
    /// Whether the SDK rejects a gRPC endpoint without a port (swift-otel throws `invalidEndpoint` at bootstrap).
    public var grpcRequiresPort: Bool
    /// A Zipkin exporter's endpoint (HTTP, with its own path).
    public var isZipkin: Bool
    /// The signals that export to it over OTLP, each with its exporter's own protocol, headers and TLS: none for an
    /// endpoint whose signals all use another exporter (`OTEL_TRACES_EXPORTER=zipkin`).
    public var uses: [EndpointUse] = []
    /// TLS settings that weaken or switch off encryption, written next to the endpoint (a collector exporter's
    /// `tls:` block); SDK endpoints express plaintext through the scheme or `explicitlyPlaintext`.
    public var tlsWeaknesses: [TLSWeakness] = []

    public init(setting: Setting, signal: String?, shape: Shape = .url, transport: Transport?, protocolSetting: Setting? = nil,
                appendsSignalPath: Bool, explicitlyPlaintext: Bool? = nil, requiresURL: Bool, grpcRequiresPort: Bool = false,
                isZipkin: Bool = false) {
        self.setting = setting
        self.signal = signal
        self.shape = shape
        self.transport = transport
        self.protocolSetting = protocolSetting
        self.appendsSignalPath = appendsSignalPath
        self.explicitlyPlaintext = explicitlyPlaintext
        self.requiresURL = requiresURL
        self.grpcRequiresPort = grpcRequiresPort
        self.isZipkin = isZipkin
    }

    /// The value parsed as a URL (a bare host for `.host` endpoints is read as `host`).
    public var url: EndpointURL? { setting.value.flatMap(EndpointURL.init) }
}

/// A TLS setting of an exporter that weakens or switches off encryption.
public struct TLSWeakness: Sendable {
    public enum Kind: Sendable {
        /// `tls.insecure: true` on a gRPC exporter without `https://`: no TLS at all.
        case plaintext
        /// `tls.insecure_skip_verify: true`: TLS without checking the server's certificate.
        case unverifiedCertificate
        /// `tls.min_version` below 1.2.
        case outdatedVersion
    }

    public var kind: Kind
    public var setting: Setting

    public init(kind: Kind, setting: Setting) {
        self.kind = kind
        self.setting = setting
    }
}
