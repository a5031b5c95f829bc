import OTLintCore
import SwiftSyntax

/// OTL303 (Swift part): resource attribute keys in code that no backend or semantic convention recognises.
///
/// Shapes: opentelemetry-swift `Resource(attributes: ["environment": .string("prod")])`; swift-otel 1.x
/// `config.resourceAttributes = ["env": "prod"]` and `config.resourceAttributes["version"] = "1.2"`; swift-otel
/// 0.9–0.12 `OTelResource(attributes: [...])`.
struct NonStandardResourceKeyRule: SwiftRule {
    var ruleIDs: [String] { ["OTL303"] }

    /// Non-standard key → the semantic-convention key, and why.
    static let replacements: [String: (key: String, reason: String)] = [
        "deployment.environment": ("deployment.environment.name", "`deployment.environment` is deprecated in the semantic conventions (renamed to `deployment.environment.name`)"),
        "environment": ("deployment.environment.name", "`environment` is not a semantic-convention key"),
        "env": ("deployment.environment.name", "`env` is not a semantic-convention key"),
        "version": ("service.version", "`version` is not a semantic-convention key"),
    ]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode else { return [] }
        var dictionaries: [(DictionaryExprSyntax, String)] = []
        var singleKeys: [(StringLiteralExprSyntax, String)] = []
        for call in model.nodes.calls {
            let path = call.calledExpression.memberPath ?? []
            let isResource = (path == ["Resource"] && model.ecosystems.contains(.openTelemetrySwift))
                || (path == ["OTelResource"] && model.ecosystems.contains(.swiftOTel))
            guard isResource, let argument = call.argument("attributes"),
                  let dictionary = argument.expression.as(DictionaryExprSyntax.self)
            else { continue }
            dictionaries.append((dictionary, "`\(path.joined(separator: "."))(attributes:)`"))
        }
        if model.ecosystems.contains(.swiftOTel) {
            for assignment in model.assignments {
                if let path = assignment.target.memberPath, path.last == "resourceAttributes",
                   let dictionary = assignment.value.as(DictionaryExprSyntax.self) {
                    dictionaries.append((dictionary, "`\(path.joined(separator: "."))`"))
                } else if let subscriptCall = assignment.target.as(SubscriptCallExprSyntax.self),
                          let path = subscriptCall.calledExpression.memberPath, path.last == "resourceAttributes",
                          subscriptCall.arguments.count == 1, let key = subscriptCall.arguments.first?.expression.as(StringLiteralExprSyntax.self) {
                    singleKeys.append((key, "`\(path.joined(separator: "."))`"))
                }
            }
        }

        var diagnostics: [Diagnostic] = []
        for (dictionary, usage) in dictionaries {
            guard case .elements(let elements) = dictionary.content else { continue }
            let presentKeys = Set(elements.compactMap { $0.key.as(StringLiteralExprSyntax.self)?.representedLiteralValue })
            for element in elements {
                guard let key = element.key.as(StringLiteralExprSyntax.self) else { continue }
                if let diagnostic = finding(key, usage: usage, presentKeys: presentKeys, model) { diagnostics.append(diagnostic) }
            }
        }
        for (key, usage) in singleKeys {
            if let diagnostic = finding(key, usage: usage, presentKeys: [], model) { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    private func finding(_ literal: StringLiteralExprSyntax, usage: String, presentKeys: Set<String>, _ model: SwiftSourceModel) -> Diagnostic? {
        guard let key = literal.representedLiteralValue, let replacement = Self.replacements[key] else { return nil }
        var fix: Fix?
        if !presentKeys.contains(replacement.key), let content = contentRange(literal), model.file.slice(content) == key {
            fix = Fix(
                title: "rename `\(key)` to `\(replacement.key)`",
                edits: [TextEdit(path: model.file.path, range: content, replacement: replacement.key)],
                applicability: .unsafe
            )
        }
        let help = presentKeys.contains(replacement.key)
            ? "remove `\(key)`: `\(replacement.key)` is already set"
            : "use `\(replacement.key)`, which backends use to filter by \(replacement.key == "service.version" ? "version" : "environment")"
        return model.diagnostic(
            "OTL303", at: literal,
            message: "the resource attribute `\(key)` is not the standard key: use `\(replacement.key)`",
            why: "\(replacement.reason); set in \(usage), it is ignored by backends' \(replacement.key == "service.version" ? "version" : "environment") views and by otlint's production detection",
            help: help, fix: fix
        )
    }
}
