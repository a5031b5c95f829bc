import OTLintCore
import SwiftSyntax

/// Resource attributes written as literal keys in code. Shapes: opentelemetry-swift
/// `Resource(attributes: ["environment": .string("prod")])`; swift-otel 1.x `config.resourceAttributes = ["env": "prod"]`
/// and `config.resourceAttributes["version"] = "1.2"`; swift-otel 0.9–0.12 `OTelResource(attributes: [...])`.
enum ResourceLiterals {
    static func find(in model: SwiftSourceModel) -> [ResourceAttributeSettings] {
        var groups: [ResourceAttributeSettings] = []
        func group(_ keys: [StringLiteralExprSyntax], _ usage: String, _ sdk: SwiftSDK) {
            let attributes = keys.compactMap { literal -> ResourceAttributeSettings.Attribute? in
                guard let key = literal.representedLiteralValue else { return nil }
                let setting = Setting(literal: literal, value: key, origin: .code(api: usage, sdk: sdk), in: model)
                return ResourceAttributeSettings.Attribute(key: key, keySetting: setting, isWrittenVerbatim: true)
            }
            if !attributes.isEmpty { groups.append(ResourceAttributeSettings(origin: .code(api: usage, sdk: sdk), attributes: attributes)) }
        }
        for call in model.nodes.calls {
            let path = call.calledExpression.memberPath ?? []
            let sdk: SwiftSDK
            if path == ["Resource"] && model.ecosystems.contains(.openTelemetrySwift) { sdk = .opentelemetrySwift }
            else if path == ["OTelResource"] && model.ecosystems.contains(.swiftOTel) { sdk = .swiftOTel }
            else { continue }
            guard let argument = call.argument("attributes"), let dictionary = argument.expression.as(DictionaryExprSyntax.self) else { continue }
            group(literalKeys(of: dictionary), "`\(path.joined(separator: "."))(attributes:)`", sdk)
        }
        guard model.ecosystems.contains(.swiftOTel) else { return groups }
        for assignment in model.assignments {
            if let path = assignment.target.memberPath, path.last == "resourceAttributes",
               let dictionary = assignment.value.as(DictionaryExprSyntax.self) {
                group(literalKeys(of: dictionary), "`\(path.joined(separator: "."))`", .swiftOTel)
            } else if let subscriptCall = assignment.target.as(SubscriptCallExprSyntax.self),
                      let path = subscriptCall.calledExpression.memberPath, path.last == "resourceAttributes",
                      subscriptCall.arguments.count == 1, let key = subscriptCall.arguments.first?.expression.as(StringLiteralExprSyntax.self) {
                group([key], "`\(path.joined(separator: "."))`", .swiftOTel)
            }
        }
        return groups
    }

    private static func literalKeys(of dictionary: DictionaryExprSyntax) -> [StringLiteralExprSyntax] {
        guard case .elements(let elements) = dictionary.content else { return [] }
        return elements.compactMap { $0.key.as(StringLiteralExprSyntax.self) }
    }
}
