import OTLintCore

/// OTL714: `batch` before a processor that drops data (sampling, filtering) or one that needs the request's context
/// (`k8sattributes`): batching should come after every drop, and it discards the context.
struct ProcessorOrderRule: CollectorRule {
    static let id = "OTL714"

    static let dropping: Set<String> = ["tail_sampling", "probabilistic_sampler", "filter"]
    static let needingContext: Set<String> = ["k8sattributes", "k8s_attributes"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        let config = collector.config
        return config.pipelines.compactMap { pipeline in
            let types = pipeline.processors.map { config.component($0.id, as: .processor)?.type ?? CollectorComponent.type(ofID: $0.id) }
            guard let batchIndex = types.firstIndex(of: "batch") else { return nil }
            guard let laterIndex = types.indices.first(where: { $0 > batchIndex && (ProcessorOrderRule.dropping.contains(types[$0]) || ProcessorOrderRule.needingContext.contains(types[$0])) })
            else { return nil }
            let later = pipeline.processors[laterIndex]
            let why = ProcessorOrderRule.needingContext.contains(types[laterIndex])
                ? "`\(later.id)` looks pods up by the connection the data came in on, and `batch` has dropped that context, so the attributes are missing"
                : "`batch` then groups data that `\(later.id)` drops afterwards: wasted memory and CPU, and sampling sees batches instead of the data as it arrived"
            return diagnostic(pipeline.processors[batchIndex].node, in: collector,
                              message: "pipeline `\(pipeline.id)` runs `\(pipeline.processors[batchIndex].id)` before `\(later.id)`: \(why)",
                              help: "move `\(pipeline.processors[batchIndex].id)` after `\(later.id)` (batching comes last among the processors)",
                              related: [RelatedLocation(location: config.location(later.node), message: "`\(later.id)` should come before the batch")])
        }
    }
}
