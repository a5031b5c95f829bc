import OTLintCore
import SwiftSyntax

/// Default severities of the Swift parts of rules whose documents live in Rules/swift/ (merged with the
/// configuration rules' documents by the integrator) or are not embedded yet. The embedded document wins.
enum SharedRuleSeverity {
    static let fallback: [String: Severity] = [
        "OTL202": .warning, "OTL205": .error, "OTL207": .warning, "OTL209": .warning, "OTL210": .error,
        "OTL211": .error, "OTL301": .warning, "OTL303": .warning, "OTL602": .warning, "OTL605": .warning,
    ]

    static func severity(_ ruleID: String) -> Severity {
        RuleCatalog.document(ruleID)?.severity ?? fallback[ruleID] ?? SwiftRuleSeverity.defaultSeverity(ruleID)
    }
}

extension SwiftSourceModel {
    /// A diagnostic with the severity of `SharedRuleSeverity` (see there).
    func sharedDiagnostic(
        _ ruleID: String,
        at node: some SyntaxProtocol,
        message: String,
        why: String? = nil,
        help: String? = nil,
        related: [RelatedLocation] = [],
        fix: Fix? = nil,
        maskedRanges: [ByteRange] = []
    ) -> Diagnostic {
        var diagnostic = diagnostic(ruleID, at: node, message: message, why: why, help: help, related: related, fix: fix)
        diagnostic.severity = SharedRuleSeverity.severity(ruleID)
        diagnostic.maskedRanges = maskedRanges
        return diagnostic
    }
}
