import OTLintCore
import OTLintYAML

/// OTL715: `tail_sampling` in a collector service that runs several replicas, with no collector of the project that
/// routes spans by trace ID (`loadbalancing`) in front of it: the spans of one trace reach different replicas,
/// and each decides on a part of the trace.
struct TailSamplingAffinityRule: CollectorRule {
    static let id = "OTL715"
    static let loadBalancingTypes: Set<String> = ["loadbalancing", "load_balancing"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment, let replicas = TailSamplingAffinityRule.replicas(of: deployment.service),
              replicas.count > 1 else { return [] }
        let config = collector.config
        guard let sampler = config.components(.processor).first(where: { $0.type == "tail_sampling" && !config.pipelines(using: $0).isEmpty }) else { return [] }
        // A collector of the same project variant that balances by trace ID (the load-balancing exporter's default).
        let balanced = project.collectors.contains { other in
            guard let otherDeployment = other.deployment, otherDeployment.variant.directory == deployment.variant.directory else { return false }
            return other.config.components(.exporter).contains { exporter in
                TailSamplingAffinityRule.loadBalancingTypes.contains(exporter.type)
                    && (exporter.settings["routing_key"]?.scalar ?? "traceID") == "traceID"
            }
        }
        guard !balanced else { return [] }
        return [diagnostic(sampler.key, in: collector,
                           message: "`\(sampler.id)` runs in service `\(deployment.service.name)` with \(replicas.count) replicas and nothing routes a trace's spans to one of them: each replica decides on part of a trace, so traces are kept incomplete or dropped at random",
                           help: "put a collector in front with the `loadbalancing` exporter (routing by `traceID`, resolving the replicas by DNS), or run one replica",
                           related: [RelatedLocation(location: replicas.location, message: "the replicas")])]
    }

    /// `deploy.replicas` or `scale` of a compose service.
    static func replicas(of service: MergedComposeService) -> (count: Int, location: SourceLocation)? {
        if let deploy = service.field("deploy"), let node = deploy.node["replicas"], let count = node.scalar.flatMap(Int.init) {
            return (count, deploy.file.source.location(node.range))
        }
        if let scale = service.field("scale"), let count = scale.node.scalar.flatMap(Int.init) {
            return (count, scale.file.source.location(scale.node.range))
        }
        return nil
    }
}
