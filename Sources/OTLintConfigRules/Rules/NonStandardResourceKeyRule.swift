import OTLintCore

/// OTL303: home-made or deprecated keys in `OTEL_RESOURCE_ATTRIBUTES` for facts the semantic conventions name:
/// the deployment environment and the service version.
struct NonStandardResourceKeyRule: ScopeRule {
    let id = "OTL303"

    /// Non-standard key → the semantic-convention key.
    static let standardKeys: [String: String] = [
        "deployment.environment": "deployment.environment.name",
        "environment": "deployment.environment.name", "env": "deployment.environment.name",
        "deployment_environment": "deployment.environment.name",
        "version": "service.version", "service_version": "service.version", "app.version": "service.version",
    ]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let definition = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = definition.value else { return [] }
        let items = ResourceAttributeItem.parse(value)
        let keys = Set(items.compactMap(\.key))
        // Two keys renamed to the same standard key in one pass would collide: then only the deprecated
        // `deployment.environment` (or, without it, none) is renamed.
        var candidates: [String: Int] = [:]
        for key in items.compactMap(\.key) { if let standard = Self.standardKeys[key] { candidates[standard, default: 0] += 1 } }
        return items.compactMap { item in
            guard let key = item.key, let range = item.keyRange, let standard = Self.standardKeys[key] else { return nil }
            let deprecated = key == "deployment.environment"
            var fix: Fix?
            if !keys.contains(standard), item.rawKey == key, candidates[standard] == 1 || deprecated {
                fix = definition.edit(inValue: range, replacement: standard).map {
                    Fix(title: "rename `\(key)` to `\(standard)`", edits: [$0], applicability: deprecated ? .safe : .unsafe)
                }
            }
            let reason = deprecated
                ? "`deployment.environment` was deprecated in semantic conventions 1.27.0 in favour of `deployment.environment.name`"
                : "`\(key)` is not a semantic-convention key: backends and dashboards look for `\(standard)` and ignore `\(key)`"
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "use `\(standard)` instead of `\(key)` in `OTEL_RESOURCE_ATTRIBUTES`",
                location: definition.location(inValue: range),
                why: reason + (keys.contains(standard) ? "; `\(standard)` is also set, so `\(key)` is redundant" : ""),
                help: keys.contains(standard) ? "remove `\(key)=…`" : "rename the key to `\(standard)`",
                related: definition.valueRelated, fix: fix)
        }
    }
}
