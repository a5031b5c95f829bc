import OTLintCore
import OTLintYAML

/// The network endpoints a collector's receivers and extensions listen on, with the defaults of each release.
struct ListeningEndpoint {
    /// The receiver or extension that listens.
    var component: CollectorComponent
    /// `grpc`, `http`, or nil for a receiver with a single `endpoint`.
    var protocolName: String?
    /// The protocol's key (or the receiver's key), where a default endpoint's finding points.
    var key: YAMLNode
    /// The protocol's settings (the node under `key`).
    var settings: YAMLNode
    /// The `endpoint:` value when written.
    var written: YAMLNode?
    var host: String
    var port: Int
    /// For messages: "gRPC", "HTTP", "Zipkin".
    var label: String

    /// Whether only the collector's own container can connect.
    var isLoopback: Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare == "localhost" || bare.hasPrefix("127.") || bare == "::1"
    }

    /// Receivers and extensions whose listening address otlint knows: type → protocols (nil: a single endpoint) and
    /// default ports.
    static let known: [CollectorComponentKind: [String: [(protocolName: String?, port: Int, label: String)]]] = [
        .receiver: [
            "otlp": [("grpc", 4317, "OTLP/gRPC"), ("http", 4318, "OTLP/HTTP")],
            "zipkin": [(nil, 9411, "Zipkin")],
            "jaeger": [("grpc", 14250, "Jaeger gRPC"), ("thrift_http", 14268, "Jaeger Thrift HTTP")],
        ],
        .extension: [
            "health_check": [(nil, 13133, "health checks")],
            "zpages": [(nil, 55679, "zPages")],
            "pprof": [(nil, 1777, "pprof")],
        ],
    ]

    /// Since v0.104.0 an endpoint left out listens on `localhost`; before, on every interface.
    static let localhostDefault = SemanticVersion([0, 104, 0])

    /// The endpoints of a receiver; a left-out endpoint counts only when the release, and so the default, is known.
    static func of(_ component: CollectorComponent, release: SemanticVersion?) -> [ListeningEndpoint] {
        guard let protocols = known[component.kind]?[component.type] else { return [] }
        return protocols.compactMap { entry in
            let key: YAMLNode, settings: YAMLNode
            if let name = entry.protocolName {
                guard let pair = component.settings["protocols"]?.pair(name) else { return nil }
                (key, settings) = (pair.key, pair.value)
            } else {
                (key, settings) = (component.key, component.settings)
            }
            if let written = settings["endpoint"], let text = written.scalar, !written.isNull {
                guard !text.containsText("$"), let (host, port) = hostAndPort(text) else { return nil }
                return ListeningEndpoint(component: component, protocolName: entry.protocolName, key: key, settings: settings, written: written,
                                        host: host, port: port, label: entry.label)
            }
            guard let release else { return nil }
            return ListeningEndpoint(component: component, protocolName: entry.protocolName, key: key, settings: settings, written: nil,
                                    host: release >= localhostDefault ? "localhost" : "0.0.0.0", port: entry.port, label: entry.label)
        }
    }

    /// The ports a receiver listens on, written or by default, whatever the release (only the host changed).
    static func ports(of component: CollectorComponent) -> [Int] {
        (known[component.kind]?[component.type] ?? []).compactMap { entry in
            let settings: YAMLNode
            if let name = entry.protocolName {
                guard let protocolSettings = component.settings["protocols"]?.pair(name)?.value else { return nil }
                settings = protocolSettings
            } else {
                settings = component.settings
            }
            guard let written = settings["endpoint"]?.scalar, !written.isEmpty else { return entry.port }
            return written.containsText("$") ? nil : hostAndPort(written)?.1
        }
    }

    /// `host:port`, `:port`, `[::1]:port`.
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else { return nil }
        return (String(text[..<colon]), port)
    }
}
