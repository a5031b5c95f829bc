import OTLintCore

/// OTL701: a pipeline or `service.extensions` names a component that is not defined.
struct UndefinedComponentRule: CollectorRule {
    static let id = "OTL701"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard !collector.isPartial else { return [] }
        let config = collector.config
        // One finding per missing component, at its first reference; the other references are notes.
        var references: [(role: CollectorComponentKind, id: String, place: String, reference: CollectorReference)] = []
        for pipeline in config.pipelines {
            for role in [CollectorComponentKind.receiver, .processor, .exporter] {
                for reference in pipeline.references(role) where config.component(reference.id, as: role) == nil {
                    references.append((role, reference.id, "pipeline `\(pipeline.id)`", reference))
                }
            }
        }
        for reference in config.serviceExtensions where config.component(reference.id, as: .extension) == nil {
            references.append((.extension, reference.id, "`service.extensions`", reference))
        }
        var reported = Set<String>()
        return references.compactMap { missing in
            let key = missing.role.rawValue + "\u{0}" + missing.id
            guard reported.insert(key).inserted else { return nil }
            let others = references.filter { $0.role == missing.role && $0.id == missing.id && $0.reference.node !== missing.reference.node }
            let candidates = config.components.filter { $0.kind == missing.role || ($0.kind == .connector && missing.role != .processor && missing.role != .extension) }.map(\.id)
            let section = missing.role.section
            var help = "define `\(missing.id)` under `\(section):`, or remove it from the pipeline"
            if let near = CollectorEdits.nearest(missing.id, among: candidates) {
                help = "did you mean `\(near)`? It is defined under `\(section):`; otherwise define `\(missing.id)` there"
            } else if let elsewhere = config.components.first(where: { $0.id == missing.id }) {
                help = "`\(missing.id)` is defined under `\(elsewhere.kind.section):`, not `\(section):`: move it, or name the right component"
            }
            return diagnostic(missing.reference.node, in: collector,
                              message: "\(missing.place) names \(missing.role.rawValue) `\(missing.id)`, which is not defined under `\(section):`: the collector refuses to start (references \(missing.role.rawValue) \"\(missing.id)\" which is not configured)",
                              help: help,
                              related: others.map { RelatedLocation(location: config.location($0.reference.node), message: "\($0.place) names it too") })
        }
    }
}
