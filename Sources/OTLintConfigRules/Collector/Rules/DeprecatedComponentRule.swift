import OTLintCore

/// OTL705: a deprecated name or alias on an image where its replacement exists (`otlp` → `otlp_grpc` from v0.144.0,
/// `logging` → `debug` on v0.86–v0.110, the contrib snake_case renames). An alias with no announced removal on an
/// image pinned to a release is a note: that release keeps accepting it.
struct DeprecatedComponentRule: CollectorRule {
    static let id = "OTL705"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let (distribution, version) = collector.release, let image = collector.image else { return [] }
        let catalogue = CollectorCatalogue.shared
        return collector.config.components.compactMap { component in
            // A type the image does not contain is OTL704's.
            guard catalogue.contains(component.kind, component.type, in: distribution, at: version) else { return nil }
            let kind = component.kind.rawValue
            if let rename = catalogue.rename(from: component.type, component.kind, in: distribution), rename.since <= version,
               catalogue.contains(component.kind, rename.new, in: distribution, at: version) {
                let removal = rename.oldRemoved.map { "; the old name goes away in v\($0)" } ?? "; the old name is kept as a deprecated alias and will be removed"
                // An alias keeps working on the release a tag pins (a note); a floating `latest` may drop it at any pull.
                return diagnostic(component.key, in: collector,
                                  message: "\(kind) `\(component.type)` is the deprecated name of `\(rename.new)` since v\(rename.since)\(removal)",
                                  severity: rename.oldRemoved == nil && !image.isAssumedNewest ? .info : nil,
                                  why: "\(image.description) has the new name\(image.isAssumedNewest ? "; an untagged or `latest` image moves to the release that removes the alias without notice" : "")",
                                  help: "rename it to `\(rename.new)` here and in every pipeline",
                                  related: image.related,
                                  fix: CollectorEdits.rename(component, to: rename.new, in: collector.config).map {
                                      Fix(title: "rename `\(component.type)` to `\(rename.new)`", edits: $0, applicability: .safe)
                                  })
            }
            guard let deprecation = CollectorReplacements.deprecations.first(where: { $0.kind == component.kind && $0.type == component.type }),
                  deprecation.since <= version else { return nil }
            let replacement = CollectorReplacements.byType[component.type]?[component.kind]
            let fix = replacement.flatMap { CollectorReplacements.acceptsSettings($0, of: component) ? $0 : nil }
                .flatMap { _ in CollectorEdits.rename(component, to: deprecation.replacement, in: collector.config) }
                .map { Fix(title: "rename `\(component.type)` to `\(deprecation.replacement)`", edits: $0, applicability: .safe) }
            return diagnostic(component.key, in: collector,
                              message: "\(kind) `\(component.type)` is deprecated since v\(deprecation.since) in favour of `\(deprecation.replacement)`, and later releases refuse it",
                              why: "\(image.description) has `\(deprecation.replacement)`",
                              help: replacement.map { "use \($0.advice)" } ?? "use `\(deprecation.replacement)`",
                              related: image.related, fix: fix)
        }
    }
}
