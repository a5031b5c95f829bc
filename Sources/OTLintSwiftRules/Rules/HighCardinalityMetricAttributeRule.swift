import OTLintCore
import SwiftSyntax

/// OTL406: unbounded values (user, request, session IDs, raw paths) as metric dimensions or attributes.
struct HighCardinalityMetricAttributeRule: SwiftRule {
    static let id = "OTL406"
    // Tests and benchmarks export nothing real; their data never reaches a backend.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    static let swiftMetricsTypes: Set<String> = ["Counter", "FloatingPointCounter", "Timer", "Recorder", "Gauge", "Meter"]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // swift-metrics: `Counter(label: "...", dimensions: [("user.id", id)])`.
        if model.ecosystems.contains(.swiftMetrics) || model.ecosystems.contains(.swiftOTel) {
            for call in model.nodes.calls {
                guard let name = call.calleeName, Self.swiftMetricsTypes.contains(name), call.argument("label") != nil else { continue }
                if let dimensions = call.argument("dimensions")?.expression.as(ArrayExprSyntax.self) {
                    for element in dimensions.elements {
                        guard let tuple = element.expression.as(TupleExprSyntax.self), tuple.elements.count == 2 else { continue }
                        let parts = Array(tuple.elements)
                        if let diagnostic = judge(key: parts[0].expression, value: parts[1].expression, instrument: name, model) {
                            diagnostics.append(diagnostic)
                        }
                    }
                }
                if let label = call.argument("label")?.expression.as(StringLiteralExprSyntax.self) {
                    for expression in Cardinality.interpolations(label) {
                        guard let word = Cardinality.unboundedWord(in: expression) else { continue }
                        diagnostics.append(model.diagnostic(
                            Self.id, at: expression,
                            message: "the metric label of this `\(name)` includes `\(expression.trimmedDescription)` (\(word)): every distinct value creates a new metric",
                            why: "each label is its own metric with its own time series; the metrics backend's memory and cost grow with every value",
                            help: "use a fixed label and put bounded values (a route template, a status class) in `dimensions`"
                        ))
                    }
                }
            }
        }
        // opentelemetry-swift instruments: `counter.add(value: 1, attributes: ["user.id": .string(id)])`.
        for use in model.attributeUses where use.target == .metric {
            guard let value = use.value else { continue }
            if let diagnostic = judge(key: use.keyNode.as(ExprSyntax.self) ?? value, value: value, instrument: "instrument", model) {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    private func judge(key: ExprSyntax, value: ExprSyntax, instrument: String, _ model: SwiftSourceModel) -> Diagnostic? {
        let keyName = resolveAttributeKey(key)
        var word = Cardinality.unboundedWord(keyName.words)
        if word == nil && keyName.words.isEmpty == false && !keyName.words.contains(where: Cardinality.boundedWords.contains) {
            var inner = value.unwrappingEffects
            if let call = inner.as(FunctionCallExprSyntax.self), call.arguments.count == 1, ["string", "String"].contains(call.calleeName ?? "") {
                inner = call.firstArgument!.expression
            }
            word = Cardinality.unboundedWord(in: inner)
        }
        guard let word else { return nil }
        let keyText = keyName.name ?? key.trimmedDescription
        return model.diagnostic(
            Self.id, at: key,
            message: "metric dimension `\(keyText)` takes unbounded values (\(word)): every distinct value creates a new time series",
            why: "metrics backends keep one series per distinct set of dimension values; user, request or session IDs and raw paths make that count grow without limit",
            help: "drop the dimension or replace it with a bounded one (a route template such as `http.route`, a status class, a tier); keep per-request detail on spans"
        )
    }
}
