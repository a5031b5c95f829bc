import OTLintCore

/// OTL405 (configuration part): a key of `OTEL_RESOURCE_ATTRIBUTES` that the semantic conventions renamed.
/// `deployment.environment` is left to OTL303, which treats it with the other environment keys.
struct DeprecatedResourceKeyRule: ScopeRule {
    static let id = "OTL405"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let definition = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = definition.value else { return [] }
        let items = ResourceAttributeItem.parse(value)
        let keys = Set(items.compactMap(\.key))
        // Two old keys with the same replacement (`http.user_agent`, `browser.user_agent`) must not both be renamed.
        var targets: [String: Int] = [:]
        for key in items.compactMap(\.key) { if let rename = SemconvRenames.byOldName[key] { targets[rename.replacement, default: 0] += 1 } }
        return items.compactMap { item in
            guard let key = item.key, let range = item.keyRange, key != "deployment.environment",
                  StandardResourceKeys.replacements[key] == nil, let rename = SemconvRenames.byOldName[key] else { return nil }
            let choices = rename.replacement.split(separator: "|").map { "`\($0)`" }
            let replacement = choices.joined(separator: rename.note.lowercased().contains("split") ? " and " : " or ")
            var fix: Fix?
            if Self.renamesKeyOnly(rename), !keys.contains(rename.replacement), targets[rename.replacement] == 1, item.rawKey == key {
                fix = definition.edit(inValue: range, replacement: rename.replacement).map {
                    Fix(title: "rename `\(key)` to `\(rename.replacement)`", edits: [$0], applicability: .safe)
                }
            }
            let note = rename.note.isEmpty ? "" : " (\(rename.note))"
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(key)` in `OTEL_RESOURCE_ATTRIBUTES` is deprecated: use \(replacement)",
                location: definition.location(inValue: range),
                why: "semantic conventions \(rename.since) renamed `\(key)`\(note); backends and dashboards query the new name, so data under the old one is missed",
                help: keys.contains(rename.replacement) ? "`\(rename.replacement)` is already set: remove `\(key)`" : "rename the key to \(replacement)",
                related: definition.valueRelated, fix: fix)
        }
    }

    /// Whether renaming the key is the whole fix. Looser than the table's `isMechanical`, which also holds back
    /// renames whose note is only a caveat about the value (`deployment.environment`, `db.statement`): in an
    /// environment variable the key text is all a fix changes. Splits, merges, value changes and templated
    /// keys still need a person.
    private static func renamesKeyOnly(_ rename: SemconvRename) -> Bool {
        !rename.replacement.contains("|") && !rename.note.contains("merge:") && !rename.note.contains("value becomes")
            && !rename.note.contains("<key>")
    }
}
