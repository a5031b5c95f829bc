import OTLintCore
import SwiftSyntax

/// Resource attributes written as literal keys in code. Shapes: opentelemetry-swift
/// `Resource(attributes: ["environment": .string("prod")])`; swift-otel 1.x `config.resourceAttributes = ["env": "prod"]`
/// and `config.resourceAttributes["version"] = "1.2"`; swift-otel 0.9–0.12 `OTelResource(attributes: [...])`.
enum ResourceLiterals {
    static func find(in model: SwiftSourceModel) -> [ResourceAttributeSettings] {
        var groups: [ResourceAttributeSettings] = []
        func group(_ pairs: [(key: StringLiteralExprSyntax, value: ExprSyntax?)], _ usage: String, _ sdk: SwiftSDK) {
            let origin = SettingOrigin.code(api: usage, sdk: sdk)
            let attributes = pairs.compactMap { pair -> ResourceAttributeSettings.Attribute? in
                guard let key = pair.key.representedLiteralValue else { return nil }
                let value = pair.value.flatMap(stringValue).flatMap { literal in
                    literal.representedLiteralValue.map { Setting(literal: literal, value: $0, origin: origin, in: model) }
                }
                return ResourceAttributeSettings.Attribute(key: key, keySetting: Setting(literal: pair.key, value: key, origin: origin, in: model),
                                                          isWrittenVerbatim: true, value: value)
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
                group([(key, assignment.value)], "`\(path.joined(separator: "."))`", .swiftOTel)
            }
        }
        return groups
    }

    /// swift-otel's `config.serviceName = "checkout"`: the name that wins over `service.name` in the attributes.
    static func serviceName(in model: SwiftSourceModel) -> Setting? {
        guard model.ecosystems.contains(.swiftOTel) else { return nil }
        return model.assignments.last { $0.target.memberPath?.last == "serviceName" && $0.target.memberPath!.count >= 2 }.flatMap { assignment in
            guard let literal = assignment.value.as(StringLiteralExprSyntax.self), let name = literal.representedLiteralValue,
                  let path = assignment.target.memberPath else { return nil }
            return Setting(literal: literal, value: name, origin: .code(api: "`\(path.joined(separator: "."))`", sdk: .swiftOTel), in: model)
        }
    }

    private static func literalKeys(of dictionary: DictionaryExprSyntax) -> [(key: StringLiteralExprSyntax, value: ExprSyntax?)] {
        guard case .elements(let elements) = dictionary.content else { return [] }
        return elements.compactMap { element in element.key.as(StringLiteralExprSyntax.self).map { ($0, element.value) } }
    }

    /// `"x"` (swift-otel) or `.string("x")` (opentelemetry-swift's `AttributeValue`).
    private static func stringValue(_ expression: ExprSyntax) -> StringLiteralExprSyntax? {
        if let literal = expression.as(StringLiteralExprSyntax.self) { return literal }
        guard let call = expression.as(FunctionCallExprSyntax.self), call.calledExpression.memberPath?.last == "string",
              call.arguments.count == 1 else { return nil }
        return call.arguments.first?.expression.as(StringLiteralExprSyntax.self)
    }
}
