import OTLintCore

/// Where a compose service sends telemetry: every endpoint variable it sets, with the host and where the host
/// is written.
struct EndpointTarget {
    var definition: VariableDefinition
    var url: EndpointURL
    /// The host as written (without IPv6 brackets), lower case.
    var host: String
    /// Byte offsets of the host within the value (brackets excluded).
    var hostBytes: Range<Int>

    /// The host's location in the file when the value is written verbatim there, else the value's location.
    var hostLocation: SourceLocation {
        definition.valueSite?.location(ofValueBytes: hostBytes) ?? definition.valueLocation
    }

    /// Endpoint variables that name a host telemetry is sent to.
    static let endpointVariables = [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "OTEL_EXPORTER_ZIPKIN_ENDPOINT",
    ]

    /// The endpoints a scope sets (winning, known values only).
    static func all(in scope: EnvironmentScope) -> [EndpointTarget] {
        endpointVariables.compactMap { name in
            guard let definition = scope.setting(name), let value = definition.value?.blankTrimmed,
                  !value.isEmpty, let url = EndpointURL(value) else { return nil }
            // EndpointURL reads the value from its start; a leading space shifts offsets.
            guard definition.value?.first != " " else { return nil }
            return EndpointTarget(definition: definition, url: url, host: url.hostName, hostBytes: url.hostRange)
        }
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
