import OTLintRuleDocs

/// The documents of every implemented rule, parsed once from the copies embedded in the binary.
public enum RuleCatalog {
    /// Rule ID → document.
    public static let documents: [String: RuleDocument] = {
        var result: [String: RuleDocument] = [:]
        for (name, text) in EmbeddedRuleDocuments.all {
            // A malformed document is caught by the test suite; the binary skips it rather than crash.
            if let document = try? RuleDocument(fileName: name, markdown: text) { result[document.id] = document }
        }
        return result
    }()

    /// Parse errors of embedded documents (for the test suite).
    public static var documentErrors: [String] {
        EmbeddedRuleDocuments.all.compactMap { name, text in
            do {
                _ = try RuleDocument(fileName: name, markdown: text)
                return nil
            } catch {
                return "\(error)"
            }
        }
    }

    public static func document(_ id: String) -> RuleDocument? { documents[id] }

    /// Default severity of a rule, from its document.
    public static func defaultSeverity(_ id: String) -> Severity {
        documents[id]?.severity ?? .warning
    }

    public static var sortedIDs: [String] { documents.keys.sorted() }
}
