import OTLintCore
import SwiftSyntax

/// OTL404: the current time recorded as an attribute.
struct TimestampAttributeRule: SwiftRule {
    static let id = "OTL404"
    // Tests and benchmarks export nothing real; their data never reaches a backend.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in model.attributeUses where use.target == .span || use.target == .event {
            guard let value = use.value, let now = currentTimeExpression(in: value) else { continue }
            let key = use.name ?? use.keyNode.trimmedDescription
            diagnostics.append(model.diagnostic(
                Self.id, at: value,
                message: "attribute `\(key)` records the current time (`\(now.trimmedDescription)`), which the \(use.target == .event ? "event" : "span") already carries",
                why: "spans have start and end timestamps and events have their own; a time attribute duplicates them and adds a unique value to every span",
                help: "remove the attribute; to mark a moment inside the span, add an event (`span.addEvent(\"...\")`), which is timestamped"
            ))
        }
        return diagnostics
    }

    /// `Date()`, `Date.now`, `Date().timeIntervalSince1970`, `formatter.string(from: Date())`, `DispatchTime.now()` —
    /// but not a duration such as `Date().timeIntervalSince(start)` or `clock.now - start`.
    private func currentTimeExpression(in value: ExprSyntax) -> Syntax? {
        let text = value.trimmedDescription
        if text.contains("timeIntervalSince(") || text.contains("duration") || value.unwrappingEffects.is(SequenceExprSyntax.self) {
            return nil
        }
        for call in value.descendants(FunctionCallExprSyntax.self) + (value.as(FunctionCallExprSyntax.self).map { [$0] } ?? []) {
            if call.calleeName == "Date" && call.arguments.isEmpty { return Syntax(call) }
            if call.calledExpression.memberPath == ["DispatchTime", "now"] || call.calledExpression.memberPath == ["DispatchWallTime", "now"] {
                return Syntax(call)
            }
        }
        for member in value.descendants(MemberAccessExprSyntax.self) + (value.as(MemberAccessExprSyntax.self).map { [$0] } ?? []) {
            if let path = ExprSyntax(member).memberPath, path == ["Date", "now"] || path == ["ContinuousClock", "now"] { return Syntax(member) }
        }
        return nil
    }
}
