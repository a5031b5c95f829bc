import OTLintCore

/// OTL303: home-made or deprecated resource attribute keys for facts the semantic conventions name: the deployment
/// environment and the service version. Wherever the attributes are written: `OTEL_RESOURCE_ATTRIBUTES`, or a
/// resource built in code.
struct NonStandardResourceKeyRule: SettingsRule {
    static let id = "OTL303"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        process.resourceAttributes.flatMap(check)
    }

    private func check(_ group: ResourceAttributeSettings) -> [Diagnostic] {
        let keys = group.keys
        // Two keys renamed to the same standard key in one pass would collide: then only the deprecated
        // `deployment.environment` (or, without it, none) is renamed.
        var candidates: [String: Int] = [:]
        for attribute in group.attributes { if let standard = StandardResourceKeys.replacements[attribute.key] { candidates[standard, default: 0] += 1 } }
        return group.attributes.compactMap { attribute in
            let key = attribute.key, setting = attribute.keySetting
            guard let standard = StandardResourceKeys.replacements[key] else { return nil }
            // The semantic conventions renamed `deployment.environment`: renaming it is what they ask, so it is safe.
            let deprecated = key == "deployment.environment"
            var fix: Fix?
            if !keys.contains(standard), attribute.isWrittenVerbatim, candidates[standard] == 1 || deprecated {
                fix = setting.replacement(standard).map {
                    Fix(title: "rename `\(key)` to `\(standard)`", edits: [$0], applicability: deprecated ? .safe : .unsafe)
                }
            }
            let reason = deprecated
                ? "`deployment.environment` was deprecated in semantic conventions 1.27.0 in favour of `deployment.environment.name`"
                : "`\(key)` is not a semantic-convention key: backends and dashboards look for `\(standard)` and ignore `\(key)`"
            return setting.diagnostic(
                Self.id, message: "use `\(standard)` instead of `\(key)` in \(group.origin.displayName)",
                why: reason + (keys.contains(standard) ? "; `\(standard)` is also set, so `\(key)` is redundant" : ""),
                help: keys.contains(standard) ? "remove `\(key)`: `\(standard)` is already set" : "rename the key to `\(standard)`",
                fix: fix)
        }
    }
}
