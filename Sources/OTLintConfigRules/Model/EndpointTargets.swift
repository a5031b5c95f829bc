import OTLintCore

/// Where a compose service sends telemetry: every endpoint variable it sets (or, for a collector, every exporter
/// endpoint of its configuration), with the host and where the host is written.
struct EndpointTarget {
    var setting: Setting
    var url: EndpointURL
    /// The host as written (without IPv6 brackets), lower case.
    var host: String
    /// Byte offsets of the host within the value (brackets excluded).
    var hostBytes: Range<Int>

    /// The host's location in the file when the value is written verbatim there, else the value's location.
    var hostLocation: SourceLocation { setting.location(ofValueBytes: hostBytes) }

    /// An edit of the host where it is written; nil when the value may not be edited there.
    func hostEdit(_ replacement: String) -> TextEdit? { setting.edit(inValue: url.writtenHostRange, replacement) }

    /// Endpoint variables that name a host telemetry is sent to.
    static let endpointVariables = [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "OTEL_EXPORTER_ZIPKIN_ENDPOINT",
    ]

    /// The endpoints a scope sets (winning, known values only).
    static func all(in scope: EnvironmentScope) -> [EndpointTarget] {
        endpointVariables.compactMap { name in scope.setting(name).flatMap { EndpointTarget(Setting($0)) } }
    }


    /// Whether the host is the container itself (loopback, or the unspecified address that connects locally).
    var isLoopback: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1" || host == "0.0.0.0"
            || host == "0:0:0:0:0:0:0:1" || host == "ip6-localhost"
    }

    /// Whether the host is an IP address literal.
    var isIPAddress: Bool {
        host.containsText(":") || (host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." })
    }
}

extension EndpointTarget {
    /// The host an endpoint setting names, when its value is a known URL or `host:port`.
    init?(_ setting: Setting) {
        // EndpointURL reads the value from its start; a leading space shifts offsets.
        guard let value = setting.value?.blankTrimmed, setting.value?.first != " ", !value.isEmpty, let url = EndpointURL(value) else { return nil }
        self.init(setting: setting, url: url, host: url.hostName, hostBytes: url.hostRange)
    }
}
