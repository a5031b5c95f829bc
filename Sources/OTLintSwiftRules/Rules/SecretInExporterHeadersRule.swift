import Foundation
import OTLintCore
import SwiftSyntax

/// OTL210 (Swift part): a literal credential in exporter headers written in code.
///
/// Shapes: opentelemetry-swift `OtlpConfiguration(headers: [("authorization", "Bearer …")])`,
/// `ZipkinTraceExporterOptions(additionalHeaders: ["x-api-key": "…"])`; swift-otel 1.x
/// `config.traces.otlpExporter.headers = [("x-api-key", "…")]`; swift-otel 0.9–0.12
/// `OTLPGRPCSpanExporterConfiguration(environment:headers:)`. The secret is masked in every output.
struct SecretInExporterHeadersRule: SwiftRule {
    static let id = "OTL210"
    var findsSecrets: Bool { true }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode, model.ecosystems.contains(.openTelemetrySwift) || model.ecosystems.contains(.swiftOTel)
        else { return [] }
        var headerLists: [(ExprSyntax, String)] = []
        for call in model.nodes.calls {
            guard let name = call.calleeName, Self.isExporterConfiguration(name) else { continue }
            for argument in call.arguments where ["headers", "additionalHeaders"].contains(argument.label?.text ?? "") {
                headerLists.append((argument.expression, "`\(name)(\(argument.label!.text):)`"))
            }
        }
        for assignment in model.assignments {
            guard let path = assignment.target.memberPath, path.count >= 2, path.last == "headers",
                  path.contains(where: { $0.lowercased().contains("exporter") })
            else { continue }
            headerLists.append((assignment.value, "`\(path.joined(separator: "."))`"))
        }

        var diagnostics: [Diagnostic] = []
        let constants = model.stringConstants
        var reported: Set<SyntaxIdentifier> = []
        for (list, usage) in headerLists {
            for (nameLiteral, valueLiteral) in Self.headerPairs(in: list, constants: constants) where reported.insert(valueLiteral.id).inserted {
                guard let name = nameLiteral.representedLiteralValue, let value = valueLiteral.representedLiteralValue,
                      Self.isCredentialHeader(name), Self.looksLikeRealSecret(value)
                else { continue }
                let content = ByteRange(
                    valueLiteral.openingQuote.endPositionBeforeTrailingTrivia.utf8Offset,
                    valueLiteral.closingQuote.positionAfterSkippingLeadingTrivia.utf8Offset
                )
                diagnostics.append(model.diagnostic(
                    "OTL210", at: valueLiteral,
                    message: "the exporter header `\(name)` holds a literal credential in source code",
                    why: "the value is written into \(usage): everyone with access to the repository, its history and the built binary can read it",
                    help: "read it at run time instead: `ProcessInfo.processInfo.environment[\"OTLP_API_KEY\"]`, or leave the headers out of the code and set `OTEL_EXPORTER_OTLP_HEADERS` in the deployment (both opentelemetry-swift and swift-otel read it); then rotate the leaked credential",
                    related: valueLiteral.isDescendant(of: list) ? [] : [model.related(list, "the constant is sent as the `\(name)` header here")],
                    maskedRanges: [content]
                ))
            }
        }
        return diagnostics
    }

    static func isExporterConfiguration(_ name: String) -> Bool {
        let words = identifierWords(name)
        return name == "OtlpConfiguration" || name.hasPrefix("Otlp") || name.hasPrefix("OTLP")
            || name.hasPrefix("ZipkinTraceExporter") || (words.contains("exporter") && (words.contains("configuration") || words.contains("options")))
    }

    /// `[("name", "value"), ...]` tuples and `["name": "value"]` dictionaries, literal parts only.
    static func headerPairs(in expression: ExprSyntax, constants: [String: StringLiteralExprSyntax]) -> [(StringLiteralExprSyntax, StringLiteralExprSyntax)] {
        let expression = expression.unwrappingEffects
        var pairs: [(StringLiteralExprSyntax, StringLiteralExprSyntax)] = []
        if let array = expression.as(ArrayExprSyntax.self) {
            for element in array.elements {
                guard let tuple = element.expression.as(TupleExprSyntax.self), tuple.elements.count == 2 else { continue }
                let parts = Array(tuple.elements)
                if let name = parts[0].expression.as(StringLiteralExprSyntax.self),
                   let value = resolvedStringLiteral(parts[1].expression, constants: constants) {
                    pairs.append((name, value))
                }
            }
        } else if let dictionary = expression.as(DictionaryExprSyntax.self), case .elements(let elements) = dictionary.content {
            for element in elements {
                if let name = element.key.as(StringLiteralExprSyntax.self), let value = resolvedStringLiteral(element.value, constants: constants) {
                    pairs.append((name, value))
                }
            }
        }
        return pairs
    }

    /// Header names that carry credentials: `authorization`, `x-api-key`, `api-key`, `dd-api-key`,
    /// `x-honeycomb-team`, `signoz-access-token`, `lightstep-access-token`, `x-sf-token`, ….
    static func isCredentialHeader(_ name: String) -> Bool {
        let words = Set(identifierWords(name))
        let credentialWords: Set<String> = [
            "authorization", "auth", "token", "secret", "password", "passwd", "apikey", "key", "team", "license", "dsn", "credential",
            "credentials", "signature",
        ]
        return !words.isDisjoint(with: credentialWords)
    }

    /// A value that is neither empty nor an obvious placeholder (`<token>`, `YOUR_API_KEY`, `${KEY}`, `xxx`, `000000`);
    /// the same judgement as the configuration side of OTL210.
    static func looksLikeRealSecret(_ rawValue: String) -> Bool {
        var value = rawValue.blankTrimmed
        for scheme in ["Bearer ", "Basic ", "Api-Key ", "ApiKey ", "Token ", "Splunk "] where value.lowercased().hasPrefix(scheme.lowercased()) {
            value = String(value.dropFirst(scheme.count)).blankTrimmed
        }
        guard value.count >= 6, !value.contains("$") else { return false }
        let lowered = value.lowercased()
        let placeholders = [
            "<", ">", "{{", "your", "xxx", "***", "...", "…", "placeholder", "changeme", "change-me", "change_me", "replace", "example",
            "todo", "fixme", "redacted", "dummy", "insert",
        ]
        if placeholders.contains(where: { lowered.contains($0) }) { return false }
        // `000000`, `aaaaaa`: dummy values.
        return Set(lowered).count > 2
    }
}
