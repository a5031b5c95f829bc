import OTLintCore
import OTLintYAML

/// The network endpoints a collector's receivers, extensions and Prometheus exporters listen on, and its internal
/// metrics, with the defaults of each release.
struct ListeningEndpoint {
    /// For messages: "receiver `otlp`", "extension `pprof`", "the collector's internal metrics".
    var owner: String
    /// Whether applications send telemetry there (a receiver), rather than being scraped or browsed.
    var receivesTelemetry: Bool
    /// `grpc`, `http`, or nil for a receiver with a single `endpoint`.
    var protocolName: String?
    /// The protocol's key (or the receiver's key), where a default endpoint's finding points.
    var key: YAMLNode
    /// The protocol's settings (the node under `key`).
    var settings: YAMLNode
    /// The `endpoint:` value (`host:port`) when written.
    var written: YAMLNode?
    /// The written value is the host alone (`host:` of a Prometheus reader), not `host:port`.
    var writtenIsHost = false
    /// The collector's own metrics endpoint (`service.telemetry.metrics`), not a component's.
    var isInternalMetrics = false
    /// Why the written address does not count, when it does not (`address` ignored since v0.123.0).
    var ignoredSetting: String?
    var host: String
    var port: Int
    /// For messages: "gRPC", "HTTP", "Zipkin".
    var label: String

    /// For messages, after the owner: "listens for OTLP/gRPC", "serves Prometheus scrapes".
    var activity: String {
        isInternalMetrics ? "are served for Prometheus scrapes" : receivesTelemetry ? "listens for \(label)" : "serves \(label)"
    }

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
        // The `prometheus` exporter has no default endpoint: only a written one counts.
        .exporter: ["prometheus": [(nil, 8889, "Prometheus scrapes")]],
    ]

    /// Since v0.104.0 an endpoint left out listens on `localhost`; before, on every interface.
    static let localhostDefault = SemanticVersion([0, 104, 0])

    /// The endpoints of a receiver; a left-out endpoint counts only when the release, and so the default, is known.
    static func of(_ component: CollectorComponent, release: SemanticVersion?) -> [ListeningEndpoint] {
        guard let protocols = known[component.kind]?[component.type] else { return [] }
        let owner = "\(component.kind.rawValue) `\(component.id)`", receives = component.kind == .receiver
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
                return ListeningEndpoint(owner: owner, receivesTelemetry: receives, protocolName: entry.protocolName, key: key, settings: settings,
                                         written: written, host: host, port: port, label: entry.label)
            }
            guard let release, component.kind != .exporter else { return nil }
            return ListeningEndpoint(owner: owner, receivesTelemetry: receives, protocolName: entry.protocolName, key: key, settings: settings,
                                     written: nil, host: release >= localhostDefault ? "localhost" : "0.0.0.0", port: entry.port, label: entry.label)
        }
    }

    /// Since v0.111.0 the internal metrics listen on `localhost:8888` by default (before, on every interface), and
    /// `service.telemetry.metrics.address` is deprecated; from v0.123.0 on it is ignored.
    static let internalMetricsOnLocalhost = SemanticVersion([0, 111, 0])
    static let metricsAddressIgnored = SemanticVersion([0, 123, 0])

    /// Where the collector serves its own metrics for Prometheus to scrape: the first `pull` Prometheus reader of
    /// `service.telemetry.metrics.readers`, the older `address`, or the release's default; nil when metrics are off
    /// (`level: none`), only pushed, or the default cannot be known.
    static func internalMetrics(of config: CollectorConfig, release: SemanticVersion?) -> ListeningEndpoint? {
        guard let serviceKey = config.serviceKey else { return nil }
        let metrics = config.telemetry?["metrics"]
        if metrics?["level"]?.scalar?.lowercased() == "none" { return nil }
        let owner = "the collector's internal metrics", label = "Prometheus scrapes"
        func endpoint(key: YAMLNode, settings: YAMLNode, written: YAMLNode?, host: String, port: Int) -> ListeningEndpoint {
            var endpoint = ListeningEndpoint(owner: owner, receivesTelemetry: false, protocolName: nil, key: key, settings: settings, written: written,
                                             host: host, port: port, label: label)
            endpoint.isInternalMetrics = true
            return endpoint
        }
        if let readers = metrics?["readers"]?.sequence {
            for reader in readers {
                guard let prometheus = reader["pull"]?["exporter"]?["prometheus"], let hostNode = prometheus["host"],
                      let host = hostNode.scalar, !host.containsText("$"),
                      let port = prometheus["port"]?.scalar.flatMap(Int.init) else { continue }
                var found = endpoint(key: hostNode, settings: prometheus, written: hostNode, host: host, port: port)
                found.writtenIsHost = true
                return found
            }
            return nil
        }
        let defaultHost: String
        guard let release else { return nil }
        defaultHost = release >= internalMetricsOnLocalhost ? "localhost" : "0.0.0.0"
        if let address = metrics?.pair("address"), let text = address.value.scalar, !text.containsText("$"), let (host, port) = hostAndPort(text) {
            guard release >= metricsAddressIgnored else {
                return endpoint(key: address.key, settings: address.value, written: address.value, host: host.isEmpty ? "0.0.0.0" : host, port: port)
            }
            var ignored = endpoint(key: address.key, settings: address.value, written: nil, host: defaultHost, port: 8888)
            ignored.ignoredSetting = "`address` is ignored since v0.123.0"
            return ignored
        }
        let key = config.root.pair("service")?.value.pair("telemetry")?.key ?? serviceKey
        return endpoint(key: key, settings: metrics ?? key, written: nil, host: defaultHost, port: 8888)
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
