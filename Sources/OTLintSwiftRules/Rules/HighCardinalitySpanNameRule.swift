import OTLintCore
import SwiftSyntax

/// OTL402: span names built from runtime values such as IDs, raw paths or URLs.
struct HighCardinalitySpanNameRule: SwiftRule {
    static let id = "OTL402"
    // Tests and benchmarks export nothing real; their data never reaches a backend.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for start in model.spanStarts {
            guard let name = start.operationName?.unwrappingEffects else { continue }
            var offending: (ExprSyntax, String)?
            if let literal = name.as(StringLiteralExprSyntax.self) {
                for expression in Cardinality.interpolations(literal) {
                    if let word = Cardinality.unboundedWord(in: expression) { offending = (expression, word); break }
                }
            } else if let sequence = name.as(SequenceExprSyntax.self) {
                // "GET " + path
                for element in sequence.elements where !element.is(BinaryOperatorExprSyntax.self) {
                    if let word = Cardinality.unboundedWord(in: element) { offending = (element, word); break }
                }
            }
            guard let (expression, word) = offending else { continue }
            diagnostics.append(model.diagnostic(
                Self.id, at: expression,
                message: "span name includes `\(expression.trimmedDescription)` (\(word)): every distinct value creates a new span name",
                why: "span names are meant to identify a kind of operation; backends group, index and aggregate by name, so names with IDs or raw paths explode their cardinality",
                help: "use a fixed name or a template (`GET /users/:id`) and record the value as an attribute instead, e.g. `span.attributes[\"...\"] = \(expression.trimmedDescription)`"
            ))
        }
        return diagnostics
    }
}
