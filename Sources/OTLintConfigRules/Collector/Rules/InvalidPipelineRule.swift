import OTLintCore

/// OTL703: pipelines the collector refuses: none at all, one without receivers or exporters, a processor listed
/// twice, an unknown signal, a connector wired on one side only, a component that does not support the pipeline's
/// signal.
struct InvalidPipelineRule: CollectorRule {
    static let id = "OTL703"

    static let signals: Set<String> = ["traces", "metrics", "logs", "profiles"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard !collector.isPartial, let serviceKey = collector.config.serviceKey else { return [] }
        let config = collector.config
        guard !config.pipelines.isEmpty else {
            return [diagnostic(serviceKey, in: collector,
                               message: "`service` has no pipelines: the collector refuses to start (service must have at least one pipeline)",
                               help: "add `pipelines:` under `service:`, e.g. `traces: {receivers: [otlp], exporters: [debug]}`")]
        }
        var found: [Diagnostic] = []
        for pipeline in config.pipelines {
            guard InvalidPipelineRule.signals.contains(pipeline.signal) else {
                let near = CollectorEdits.nearest(pipeline.signal, among: InvalidPipelineRule.signals.sorted())
                found.append(diagnostic(pipeline.key, in: collector,
                                        message: "pipeline `\(pipeline.id)` has the unknown signal `\(pipeline.signal)`: the collector refuses to start",
                                        help: (near.map { "did you mean `\($0)`? " } ?? "") + "a pipeline ID is `traces`, `metrics`, `logs` or `profiles`, optionally followed by `/name`"))
                continue
            }
            for (role, list) in [("receiver", pipeline.receivers), ("exporter", pipeline.exporters)] where list.isEmpty {
                found.append(diagnostic(pipeline.key, in: collector,
                                        message: "pipeline `\(pipeline.id)` has no \(role)s: the collector refuses to start (must have at least one \(role))",
                                        help: "list at least one \(role) under `\(role)s:`, or remove the pipeline"))
            }
            var seen = Set<String>()
            for reference in pipeline.processors where !seen.insert(reference.id).inserted {
                found.append(diagnostic(reference.node, in: collector,
                                        message: "pipeline `\(pipeline.id)` lists processor `\(reference.id)` twice: the collector refuses to start (references processor \"\(reference.id)\" multiple times)",
                                        help: "remove the second `\(reference.id)`; to run the same processor type twice, define a second one (`\(CollectorComponent.type(ofID: reference.id))/2`)"))
            }
            found += unsupportedSignals(in: pipeline, collector: collector)
        }
        found += oneSidedConnectors(collector)
        return found
    }

    /// Components whose type, as the catalogue knows it, does not handle the pipeline's signal.
    private func unsupportedSignals(in pipeline: CollectorPipeline, collector: CollectorInstance) -> [Diagnostic] {
        let config = collector.config
        var found: [Diagnostic] = []
        for role in [CollectorComponentKind.receiver, .processor, .exporter] {
            for reference in pipeline.references(role) {
                guard let component = config.component(reference.id, as: role) else { continue }
                let supported = CollectorCatalogue.shared.signals(component.kind, component.type)
                guard !supported.isEmpty else { continue }
                let handles: Bool
                if component.kind == .connector {
                    // `traces>metrics`: exporter in a traces pipeline, receiver in a metrics pipeline.
                    handles = supported.contains { pair in
                        let sides = pair.split(separator: ">").map(String.init)
                        return sides.count == 2 && (role == .exporter ? sides[0] : sides[1]) == pipeline.signal
                    }
                } else {
                    handles = supported.contains(pipeline.signal)
                }
                guard !handles else { continue }
                let list = component.kind == .connector
                    ? supported.sorted().map { "`\($0.replacingEvery(">", with: "` → `"))`" }.joined(separator: ", ")
                    : supported.sorted().map { "`\($0)`" }.joined(separator: ", ")
                found.append(diagnostic(reference.node, in: collector,
                                        message: "\(component.kind.rawValue) `\(component.id)` does not handle \(pipeline.signal) (it supports \(list)): the collector refuses to start pipeline `\(pipeline.id)`",
                                        help: "move `\(component.id)` to a pipeline of a signal it supports, or use a component made for \(pipeline.signal)"))
            }
        }
        return found
    }

    /// A connector must be an exporter in one pipeline and a receiver in another.
    private func oneSidedConnectors(_ collector: CollectorInstance) -> [Diagnostic] {
        let config = collector.config
        return config.components(.connector).compactMap { connector in
            let asExporter = config.pipelines.filter { $0.exporters.contains { $0.id == connector.id } }
            let asReceiver = config.pipelines.filter { $0.receivers.contains { $0.id == connector.id } }
            guard asExporter.isEmpty != asReceiver.isEmpty else { return nil }
            let (used, missing) = asExporter.isEmpty ? ("receiver", "exporter") : ("exporter", "receiver")
            let pipelines = (asExporter + asReceiver).map { "`\($0.id)`" }.joined(separator: ", ")
            return diagnostic(connector.key, in: collector,
                              message: "connector `\(connector.id)` is used only as \(used == "exporter" ? "an exporter" : "a receiver") (in \(pipelines)): a connector joins two pipelines, so the collector refuses to start",
                              help: "list `\(connector.id)` under `\(missing)s:` of the pipeline that should take its output")
        }
    }
}
