/// OTL007: an inline suppression that silences nothing. Like ruff's unused-`noqa` check, it keeps stale
/// suppressions from hiding the next real problem on that line.
public enum UnusedSuppressionRule {
    public static let id = "OTL007"

    static func check(
        _ suppression: Suppression, usedIDs: Set<String>, in file: SourceFile,
        knownRuleIDs: Set<String>, isEnabled: (String) -> Bool
    ) -> Diagnostic? {
        // A suppression of a rule that did not run (not selected) cannot be judged.
        let judged = suppression.ruleIDs.filter { id in id == "ALL" || !knownRuleIDs.contains(id) || isEnabled(id) }
        let unknown = judged.filter { $0 != "ALL" && !knownRuleIDs.contains($0) }
        let unused = judged.filter { !usedIDs.contains($0) && !unknown.contains($0) }
        guard !unused.isEmpty || !unknown.isEmpty else { return nil }
        var parts: [String] = []
        if !unused.isEmpty { parts.append("suppresses \(list(unused)) but no such finding is reported here") }
        if !unknown.isEmpty { parts.append("names unknown rule \(list(unknown))") }
        let wholeCommentIsDead = usedIDs.isEmpty
        let fix = wholeCommentIsDead
            ? Fix(title: "remove the unused suppression",
                  edits: [TextEdit(path: file.path, range: suppression.removalRange, replacement: "")],
                  applicability: .safe)
            : nil
        return Diagnostic(
            ruleID: id,
            severity: RuleCatalog.defaultSeverity(id),
            message: "suppression comment " + parts.joined(separator: " and "),
            location: file.location(suppression.commentRange),
            help: wholeCommentIsDead
                ? "remove the comment; it would silently hide a future finding"
                : "remove \(list(unused + unknown)) from the comment",
            fix: fix
        )
    }

    private static func list(_ ids: [String]) -> String {
        ids.map { "`\($0)`" }.joined(separator: ", ")
    }
}
