import OTLintCore

/// OTL717: in production, the `pprof` or `zpages` extension listening on every interface with its port published to
/// the host: heap dumps, goroutine traces and live spans open to whoever reaches the host.
struct ExposedDebugEndpointRule: CollectorRule {
    static let id = "OTL717"
    static let debugExtensions: Set<String> = ["pprof", "zpages"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard collector.tier.isProduction, collector.deployment != nil else { return [] }
        let config = collector.config
        let started = Set(config.serviceExtensions.map(\.id))
        let published = collector.publishedPorts
        return config.components(.extension).filter { ExposedDebugEndpointRule.debugExtensions.contains($0.type) && started.contains($0.id) }
            .flatMap { ListeningEndpoint.of($0, release: collector.release?.version) }
            .compactMap { endpoint in
                guard !endpoint.isLoopback, let publishing = published.first(where: { $0.port == endpoint.port }) else { return nil }
                return diagnostic(endpoint.written ?? endpoint.key, in: collector,
                                  message: "\(endpoint.owner) serves \(endpoint.label) on \(endpoint.host):\(endpoint.port) and the port is published in production: its debugging pages (heap and goroutine dumps, live spans) are open to anyone who reaches the host",
                                  why: collector.tier.explanation,
                                  help: "stop publishing the port (reach it with `docker exec` or a port-forward when needed), or bind it to `localhost`",
                                  related: [RelatedLocation(location: publishing.location, message: "published here")] + collector.tier.related)
            }
    }
}
