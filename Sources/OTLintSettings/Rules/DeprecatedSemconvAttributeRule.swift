import OTLintCore

/// OTL405: attribute keys that the semantic conventions renamed (`http.method` → `http.request.method`), in
/// `OTEL_RESOURCE_ATTRIBUTES` or set in code. Resource keys OTL303 renames (`deployment.environment`, `env`, …) are
/// its finding and its fix: reported once, there.
struct DeprecatedSemconvAttributeRule: SettingsRule {
    static let id = "OTL405"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        // Benchmarks measure what a library emits today; the rename belongs in the library.
        guard process.purpose != .benchmarkCode else { return [] }
        // Two old keys with the same replacement (`http.user_agent`, `browser.user_agent`) must not both be renamed.
        var targets: [String: Int] = [:]
        for key in process.attributeKeys where key.setting.origin.variableName != nil {
            if let rename = SemconvRenames.byOldName[key.name] { targets[rename.replacement, default: 0] += 1 }
        }
        return process.attributeKeys.compactMap { key in
            let name = key.name, setting = key.setting
            guard let rename = SemconvRenames.byOldName[name],
                  key.target != .resource || StandardResourceKeys.replacements[name] == nil else { return nil }
            let choices = rename.replacement.split(separator: "|").map { "`\($0)`" }
            let replacement = choices.joined(separator: rename.note.lowercased().contains("split") ? " and " : " or ")
            // In an environment variable the key text is all a fix changes; in code the value may have to change
            // with it, so only the table's purely mechanical renames are fixed there.
            let renamesKeyOnly = setting.origin.isCode ? rename.isMechanical : Self.renamesKeyOnly(rename)
            var fix: Fix?
            if renamesKeyOnly, key.isWrittenVerbatim, !key.siblings.contains(rename.replacement), targets[rename.replacement, default: 1] == 1 {
                fix = setting.replacement(rename.replacement).map {
                    Fix(title: "rename `\(name)` to `\(rename.replacement)`", edits: [$0], applicability: .safe)
                }
            }
            let note = rename.note.isEmpty ? "" : " (\(rename.note))"
            var help = key.siblings.contains(rename.replacement) ? "`\(rename.replacement)` is already set: remove `\(name)`" : "rename the key to \(replacement)\(note)"
            if setting.origin.sdk == .opentelemetrySwift && !key.isWrittenVerbatim { help += "; `SemanticConventions` has the current names" }
            let place = setting.origin.isCode ? "" : " in \(setting.name)"
            return setting.diagnostic(
                Self.id, message: "attribute `\(name)`\(place) is deprecated since semantic conventions \(rename.since): use \(replacement)",
                why: "semantic conventions \(rename.since) renamed `\(name)`\(note); backends, dashboards and the instrumentation of other services use the current name, so data under the old one is missed or split",
                help: help, fix: fix)
        }
    }

    /// Whether renaming the key is the whole fix. Looser than the table's `isMechanical`, which also holds back
    /// renames whose note is only a caveat about the value (`deployment.environment`, `db.statement`). Splits,
    /// merges, value changes and templated keys still need a person.
    private static func renamesKeyOnly(_ rename: SemconvRename) -> Bool {
        !rename.replacement.contains("|") && !rename.note.contains("merge:") && !rename.note.contains("value becomes")
            && !rename.note.contains("<key>")
    }
}
