import OTLintCore

/// OTL704: a component type the collector image does not contain: contrib-only types on the core image, types
/// removed before the image's release, new names on a release older than the rename.
struct UnavailableComponentRule: CollectorRule {
    static let id = "OTL704"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let (distribution, version) = collector.release, let image = collector.image else { return [] }
        let catalogue = CollectorCatalogue.shared
        return collector.config.components.compactMap { component in
            guard !catalogue.contains(component.kind, component.type, in: distribution, at: version) else { return nil }
            let kind = component.kind.rawValue
            let entries = catalogue.entries(component.kind, component.type)
            let here = entries.filter { $0.distribution == distribution }
            let replacement = CollectorReplacements.byType[component.type]?[component.kind]
            var message: String
            var help: String
            var fix: Fix?
            if let introduced = catalogue.rename(to: component.type, component.kind, in: distribution), version < introduced.since {
                message = "\(kind) `\(component.type)` is the name from v\(introduced.since) on; \(image.description) knows it as `\(introduced.old)`: the collector refuses to start (unknown type)"
                help = "write `\(introduced.old)` (or move to an image of v\(introduced.since) or later)"
                fix = renameFix(component, to: introduced.old, in: collector, title: "rename `\(component.type)` to `\(introduced.old)`")
            } else if let last = here.compactMap(\.last).max(), last < version, !here.contains(where: { $0.last == nil }) {
                message = "\(kind) `\(component.type)` was removed after v\(last); \(image.description) no longer contains it: the collector refuses to start (unknown type)"
                help = replacement.map { "use \($0.advice)" } ?? "remove it, or pin an image of v\(last) or earlier"
            } else if let first = here.map(\.first).min(), version < first {
                message = "\(kind) `\(component.type)` exists from v\(first) on; \(image.description) does not contain it yet: the collector refuses to start (unknown type)"
                help = "use an image of v\(first) or later"
            } else if here.isEmpty, let other = entries.first(where: { $0.distribution == .contrib }) ?? entries.first {
                message = "\(kind) `\(component.type)` is not part of \(distribution.displayName) (\(image.description)); it is in the \(other.distribution.rawValue) distribution: the collector refuses to start (unknown type)"
                help = "run `otel/opentelemetry-collector-\(other.distribution == .core ? "" : other.distribution.rawValue)` instead (or a custom build with this component), or remove `\(component.id)`"
                    .replacingEvery("collector-`", with: "collector`")
            } else if !catalogue.knows(component.kind, component.type) {
                let known = catalogue.typeNames(component.kind, in: distribution, at: version)
                let near = CollectorEdits.nearest(component.type, among: known)
                message = "\(kind) `\(component.type)` is no component of \(distribution.displayName) (\(image.description)): the collector refuses to start (unknown type)"
                help = near.map { "did you mean `\($0)`?" } ?? "check the component's name, or run a collector build that contains it"
                if let near { fix = renameFix(component, to: near, in: collector, title: "rename `\(component.type)` to `\(near)`", safe: false) }
            } else {
                return nil
            }
            if fix == nil, let replacement, CollectorReplacements.acceptsSettings(replacement, of: component), let target = replacement.renameTo,
               catalogue.contains(component.kind, target, in: distribution, at: version) {
                fix = renameFix(component, to: target, in: collector, title: "rename `\(component.type)` to `\(target)`")
            }
            let uses = collector.config.uses(of: component).map {
                RelatedLocation(location: collector.config.location($0.reference.node), message: "pipeline `\($0.pipeline.id)` uses it")
            }
            return diagnostic(component.key, in: collector, message: message,
                              why: "the collector runs \(image.description)", help: help,
                              related: image.related + uses, fix: fix)
        }
    }

    private func renameFix(_ component: CollectorComponent, to type: String, in collector: CollectorInstance, title: String, safe: Bool = true) -> Fix? {
        CollectorEdits.rename(component, to: type, in: collector.config).map { Fix(title: title, edits: $0, applicability: safe ? .safe : .unsafe) }
    }
}
