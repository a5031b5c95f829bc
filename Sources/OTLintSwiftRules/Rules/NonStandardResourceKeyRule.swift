import OTLintCore
import SwiftSyntax

/// OTL303 (Swift): resource attribute keys that are not the semantic-convention names (`environment`, `env`,
/// `version`, `app`), in opentelemetry-swift `Resource(attributes:)` and swift-otel `config.resourceAttributes`.
struct NonStandardResourceKeyRule: SwiftRule {
    var ruleIDs: [String] { ["OTL303"] }

    static let replacements: [String: String] = [
        "environment": "deployment.environment.name", "env": "deployment.environment.name",
        "deployment_environment": "deployment.environment.name", "stage": "deployment.environment.name",
        "version": "service.version", "app_version": "service.version", "app.version": "service.version",
        "app": "service.name", "application": "service.name", "service": "service.name", "service_name": "service.name",
        "servicename": "service.name", "app.name": "service.name",
    ]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var literals: [StringLiteralExprSyntax] = []
        for use in attributeUses(in: model) where use.target == .resource {
            if let literal = use.literal { literals.append(literal) }
        }
        if model.ecosystems.contains(.swiftOTel) {
            for sequence in model.tree.descendants(SequenceExprSyntax.self) {
                let elements = Array(sequence.elements)
                guard elements.count == 3, elements[1].is(AssignmentExprSyntax.self), elements[0].memberPath?.last == "resourceAttributes",
                      let dictionary = elements[2].as(DictionaryExprSyntax.self), case .elements(let pairs) = dictionary.content else { continue }
                literals += pairs.compactMap { $0.key.as(StringLiteralExprSyntax.self) }
            }
        }
        return literals.compactMap { literal in
            guard let key = literal.representedLiteralValue, let replacement = Self.replacements[key.lowercased()],
                  let segment = literal.segments.first?.as(StringSegmentSyntax.self), literal.segments.count == 1 else { return nil }
            return model.diagnostic(
                "OTL303", at: literal,
                message: "resource attribute `\(key)` is not a semantic-convention key: use `\(replacement)`",
                why: "backends, service maps and otlint's own production checks look for `\(replacement)`; a custom key is invisible to them",
                help: "rename the key to `\(replacement)`",
                fix: Fix(title: "rename `\(key)` to `\(replacement)`", edits: [model.edit(replacing: segment, with: replacement)], applicability: .unsafe)
            )
        }
    }
}
