import OTLintCore

/// OTL717: in production, the `pprof` or `zpages` extension listening on every interface with its port published to
/// the host: heap dumps, goroutine traces and live spans open to whoever reaches the host. The collector's internal
/// metrics published the same way are reported as information.
struct ExposedDebugEndpointRule: CollectorRule {
    static let id = "OTL717"
    static let debugExtensions: Set<String> = ["pprof", "zpages"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard collector.tier.isProduction, collector.deployment != nil else { return [] }
        let config = collector.config
        let started = Set(config.serviceExtensions.map(\.id))
        let published = collector.publishedPorts
        let extensions = config.components(.extension).filter { ExposedDebugEndpointRule.debugExtensions.contains($0.type) && started.contains($0.id) }
            .flatMap { ListeningEndpoint.of($0, release: collector.release?.version) }
        let metrics = ListeningEndpoint.internalMetrics(of: config, release: collector.release?.version).map { [$0] } ?? []
        return (extensions + metrics).compactMap { endpoint in
            guard !endpoint.isLoopback, let publishing = published.first(where: { $0.port == endpoint.port }) else { return nil }
            // The collector's own metrics reveal less than heap dumps and live spans: said quietly.
            let exposed = endpoint.isInternalMetrics
                ? "its metrics (components, throughput, queue sizes, failures) are open to anyone who reaches the host"
                : "its debugging pages (heap and goroutine dumps, live spans) are open to anyone who reaches the host"
            return diagnostic(endpoint.written ?? endpoint.key, in: collector,
                              message: "\(endpoint.owner) \(endpoint.activity) on \(endpoint.host):\(endpoint.port) and the port is published in production: \(exposed)",
                              severity: endpoint.isInternalMetrics ? .info : nil, why: collector.tier.explanation,
                              help: "stop publishing the port (reach it with `docker exec` or a port-forward when needed, or let a Prometheus inside the project scrape it), or bind it to `localhost`",
                              related: [RelatedLocation(location: publishing.location, message: "published here")] + collector.tier.related)
        }
    }
}
