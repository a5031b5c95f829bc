import OTLintCore
import SwiftSyntax

/// The exporter headers a file's code writes with literal values, for the settings model
/// (`TelemetryProcess.exporterHeaders`).
///
/// Shapes: opentelemetry-swift `OtlpConfiguration(headers: [("authorization", "Bearer …")])`,
/// `ZipkinTraceExporterOptions(additionalHeaders: ["x-api-key": "…"])`; swift-otel 1.x
/// `config.traces.otlpExporter.headers = [("x-api-key", "…")]`; swift-otel 0.9–0.12
/// `OTLPGRPCSpanExporterConfiguration(environment:headers:)`. A value may be a `let` constant of the file.
enum ExporterHeaders {
    static func find(in model: SwiftSourceModel) -> [ExporterHeader] {
        guard let sdk: SwiftSDK = model.ecosystems.contains(.openTelemetrySwift) ? .opentelemetrySwift
            : model.ecosystems.contains(.swiftOTel) ? .swiftOTel : nil else { return [] }
        var headerLists: [(list: ExprSyntax, api: String)] = []
        for call in model.nodes.calls {
            guard let name = call.calleeName, isExporterConfiguration(name) else { continue }
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
        let constants = model.stringConstants
        // A constant sent by several exporters is one header value, at its literal.
        var seen: Set<SyntaxIdentifier> = []
        var headers: [ExporterHeader] = []
        for (list, api) in headerLists {
            for (nameLiteral, valueLiteral) in headerPairs(in: list, constants: constants) where seen.insert(valueLiteral.id).inserted {
                guard let name = nameLiteral.representedLiteralValue, let value = valueLiteral.representedLiteralValue else { continue }
                let content = ByteRange(valueLiteral.openingQuote.endPositionBeforeTrailingTrivia.utf8Offset,
                                        valueLiteral.closingQuote.positionAfterSkippingLeadingTrivia.utf8Offset)
                headers.append(ExporterHeader(
                    name: name, value: value, origin: .code(api: api, sdk: sdk), location: model.location(of: valueLiteral), maskedRange: content,
                    exposure: "the value is written into \(api): everyone with access to the repository, its history and the built binary can read it",
                    related: valueLiteral.isDescendant(of: list) ? [] : [model.related(list, "the constant is sent as the `\(name)` header here")]))
            }
        }
        return headers
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
}
