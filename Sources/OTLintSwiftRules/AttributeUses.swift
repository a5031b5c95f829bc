import OTLintCore
import SwiftSyntax

/// One attribute written in code: where its key is, what the key resolves to, and the value expression.
struct AttributeUse {
    enum Target { case span, event, resource, metric, middleware }

    /// The key expression (a string literal, a semantic-convention constant, a DSL member chain).
    let keyNode: Syntax
    /// The dotted attribute name (`http.request.method`), when the spelling fixes it exactly.
    let name: String?
    /// Lowercase words of the key, for spellings whose exact dotted name is unknown
    /// (`SemanticConventions.Http.requestMethod` → [http, request, method]).
    let words: [String]
    /// The key as a plain string literal (so a fix may rewrite its text).
    let literal: StringLiteralExprSyntax?
    let value: ExprSyntax?
    let target: Target
}

/// Finds every attribute a file sets, in every spelling of both ecosystems:
/// - swift-distributed-tracing: `span.attributes["k"] = v`, `attributes.set("k", value:)`,
///   `span.updateAttributes { $0["k"] = v }`, `span.attributes = ["k": v]`, the semantic-convention DSL
///   `span.attributes.http.request.method = v`, `span.attributes[OTelAttribute.http.route] = v`,
///   `SpanEvent(name:attributes:)`, `recordError(_:attributes:)`, `TracingMiddleware(attributes:)`, and the same
///   writes to the `inout SpanAttributes` of a hook: `updateAttributes { attributes in ... }`, Vapor's
///   `TracingMiddleware { attributes, request in ... }` (see `AttributeHooks`);
/// - opentelemetry-swift: `setAttribute(key:value:)` (span and builder), `setAttributes([...])`,
///   `addEvent(name:attributes:)`, `recordException(_:attributes:)`, `Resource(attributes:)`, instrument
///   `add(value:attributes:)` / `record(value:attributes:)`.
func findAttributeUses(in model: SwiftSourceModel) -> [AttributeUse] {
    guard model.ecosystems.contains(.distributedTracing) || model.ecosystems.contains(.openTelemetrySwift) else { return [] }
    var uses: [AttributeUse] = []

    for call in model.nodes.calls {
        guard let name = call.calleeName else { continue }
        switch name {
        case "setAttribute" where model.ecosystems.contains(.openTelemetrySwift):
            if let key = call.argument("key")?.expression {
                uses.append(makeUse(key, value: call.argument("value")?.expression, target: .span))
            }
        case "set" where call.receiver?.memberPath?.last == "attributes" || call.receiver.map(AttributeHooks.isAttributesParameter) == true:
            if let key = call.firstArgument, key.label == nil {
                uses.append(makeUse(key.expression, value: call.argument("value")?.expression, target: .span))
            }
        case "merge" where call.arguments.count == 1 && call.firstArgument?.label == nil:
            // `SpanAttributes.merge(_:)` with a literal; `Dictionary.merge` always takes `uniquingKeysWith:`.
            if let receiver = call.receiver, isAttributeContainer(receiver),
               let dictionary = call.firstArgument?.expression.as(DictionaryExprSyntax.self) {
                uses += dictionaryUses(dictionary, target: .span)
            }
        case "setAttributes", "SpanAttributes":
            if let dictionary = call.firstArgument?.expression.as(DictionaryExprSyntax.self) {
                uses += dictionaryUses(dictionary, target: .span)
            }
        default:
            break
        }
        if let attributes = call.argument("attributes")?.expression.as(DictionaryExprSyntax.self) {
            let target: AttributeUse.Target
            switch name {
            case "Resource": target = .resource
            case "add", "record", "increment": target = .metric
            case "TracingMiddleware": target = .middleware
            case "SpanEvent", "addEvent", "recordError", "recordException": target = .event
            default: target = .span
            }
            uses += dictionaryUses(attributes, target: target)
        }
    }

    // Assignments: `x.attributes["k"] = v`, `attrs["k"] = v` in a hook, `x.attributes = [...]`,
    // `x.attributes.http.request.method = v`, `attrs.http.request.method = v` in a hook.
    for assignment in model.assignments {
        let target = assignment.target
        let value = assignment.writtenValue
        if let subscriptCall = target.as(SubscriptCallExprSyntax.self), let key = subscriptCall.arguments.first?.expression,
           isAttributeContainer(subscriptCall.calledExpression) {
            uses.append(makeUse(key, value: value, target: .span))
            continue
        }
        guard let path = target.memberPath else { continue }
        // Where the attribute DSL starts: after `x.attributes`, or after a hook's parameter.
        let dslStart: Int?
        if let index = path.lastIndex(of: "attributes"), index > 0 {
            dslStart = index + 1
        } else if path.count >= 2, let root = target.memberChainRoot, AttributeHooks.isAttributesParameter(root) {
            dslStart = 1
        } else {
            dslStart = nil
        }
        if isAttributeContainer(target), let dictionary = value.as(DictionaryExprSyntax.self) {
            uses += dictionaryUses(dictionary, target: .span)
        } else if let start = dslStart, start < path.count, model.ecosystems.contains(.distributedTracing) {
            let components = path[start...].map(snakeCase)
            uses.append(AttributeUse(
                keyNode: Syntax(target), name: components.joined(separator: "."), words: components.flatMap(identifierWords),
                literal: nil, value: value, target: .span
            ))
        }
    }
    return uses
}

/// `span.attributes`, or a hook's `inout SpanAttributes` parameter (`updateAttributes { attributes in ... }`).
private func isAttributeContainer(_ expression: ExprSyntax) -> Bool {
    if let path = expression.memberPath, path.count >= 2 && path.last == "attributes" { return true }
    return AttributeHooks.isAttributesParameter(expression)
}

private func dictionaryUses(_ dictionary: DictionaryExprSyntax, target: AttributeUse.Target) -> [AttributeUse] {
    guard case .elements(let elements) = dictionary.content else { return [] }
    return elements.map { makeUse($0.key, value: $0.value, target: target) }
}

private func makeUse(_ key: ExprSyntax, value: ExprSyntax?, target: AttributeUse.Target) -> AttributeUse {
    let resolved = resolveAttributeKey(key)
    return AttributeUse(
        keyNode: Syntax(key), name: resolved.name, words: resolved.words,
        literal: key.as(StringLiteralExprSyntax.self), value: value, target: target
    )
}

/// Resolves a key expression to its dotted name where the spelling fixes it, and to words otherwise.
func resolveAttributeKey(_ key: ExprSyntax) -> (name: String?, words: [String]) {
    if let literal = key.as(StringLiteralExprSyntax.self) {
        if let value = literal.representedLiteralValue { return (value, identifierWords(value)) }
        // An interpolated key: judge its literal segments only.
        let text = literal.segments.compactMap { $0.as(StringSegmentSyntax.self)?.content.text }.joined(separator: " ")
        return (nil, identifierWords(text))
    }
    guard var path = key.memberPath else { return (nil, []) }
    if path.last == "rawValue" { path.removeLast() }
    guard let root = path.first else { return (nil, []) }
    switch root {
    case "OTelAttribute":
        let components = path.dropFirst().map(snakeCase)
        return (components.joined(separator: "."), components.flatMap(identifierWords))
    case "SemanticAttributes", "ResourceAttributes":
        // Deprecated opentelemetry-swift enum: case names are the dotted names in camel case (`httpMethod`).
        if let caseName = path.dropFirst().last, let name = SemanticAttributeCases.name(forCase: caseName) {
            return (name, identifierWords(name))
        }
        return (nil, path.dropFirst().flatMap(identifierWords))
    case "SemanticConventions":
        return (nil, path.dropFirst().flatMap(identifierWords))
    default:
        return (nil, identifierWords(path.last ?? ""))
    }
}

/// `statusCode` → `status_code`.
func snakeCase(_ name: String) -> String {
    identifierWords(name).joined(separator: "_")
}

/// Case names of opentelemetry-swift's deprecated `SemanticAttributes` / `ResourceAttributes` enums for the
/// renamed attributes: the dotted name with dots and underscores removed, in camel case.
enum SemanticAttributeCases {
    static let byCaseName: [String: String] = {
        var table: [String: String] = [:]
        for name in SemconvRenames.byOldName.keys { table[camelCase(name)] = name }
        return table
    }()

    static func name(forCase caseName: String) -> String? { byCaseName[caseName] }

    static func camelCase(_ dotted: String) -> String {
        let words = dotted.split(whereSeparator: { $0 == "." || $0 == "_" }).map(String.init)
        guard let first = words.first else { return dotted }
        return first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
