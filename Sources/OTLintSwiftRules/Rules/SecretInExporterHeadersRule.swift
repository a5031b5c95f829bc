import OTLintCore
import SwiftSyntax

/// OTL210 (Swift): a credential written as a literal into OTLP exporter headers.
struct SecretInExporterHeadersRule: SwiftRule {
    var ruleIDs: [String] { ["OTL210"] }

    static let credentialHeaderWords: Set<String> = [
        "authorization", "key", "apikey", "token", "secret", "password", "team", "license", "auth",
    ]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.openTelemetrySwift) || model.ecosystems.contains(.swiftOTel), !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for array in headerArrays(model) {
            for element in array.elements {
                guard let tuple = element.expression.as(TupleExprSyntax.self), tuple.elements.count == 2 else { continue }
                let parts = Array(tuple.elements)
                guard let name = parts[0].expression.stringLiteralValue, let value = parts[1].expression.as(StringLiteralExprSyntax.self),
                      let text = value.representedLiteralValue, !text.isEmpty
                else { continue }
                let words = identifierWords(name)
                let looksLikeCredential = text.hasPrefix("Bearer ") || text.hasPrefix("Basic ") || text.hasPrefix("ApiKey ")
                guard words.contains(where: Self.credentialHeaderWords.contains) || looksLikeCredential,
                      !text.hasPrefix("$"), !text.contains("REPLACE"), !text.contains("<")
                else { continue }
                diagnostics.append(model.diagnostic(
                    "OTL210", at: value,
                    message: "the exporter header `\(name)` has a credential written into the source code",
                    why: "whoever can read the repository, its history or the built binary gets the key, and rotating it needs a new release",
                    help: "read it at startup from the environment or a secret store (e.g. `ProcessInfo.processInfo.environment[\"OTLP_API_KEY\"]`); swift-otel and opentelemetry-swift's gRPC exporter also read `OTEL_EXPORTER_OTLP_HEADERS`"
                ))
            }
        }
        return diagnostics
    }

    /// `OtlpConfiguration(headers: [...])` and `config.….otlpExporter.headers = [...]`.
    private func headerArrays(_ model: SwiftSourceModel) -> [ArrayExprSyntax] {
        var arrays: [ArrayExprSyntax] = []
        for call in model.tree.descendants(FunctionCallExprSyntax.self) {
            guard let name = call.calleeName, name.hasSuffix("Configuration") || name.hasPrefix("Otlp") || name.hasPrefix("OTLP"),
                  let array = call.argument("headers")?.expression.as(ArrayExprSyntax.self) else { continue }
            arrays.append(array)
        }
        for sequence in model.tree.descendants(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            guard elements.count == 3, elements[1].is(AssignmentExprSyntax.self), let path = elements[0].memberPath,
                  path.last == "headers", path.dropLast().last == "otlpExporter", let array = elements[2].as(ArrayExprSyntax.self)
            else { continue }
            arrays.append(array)
        }
        return arrays
    }
}
