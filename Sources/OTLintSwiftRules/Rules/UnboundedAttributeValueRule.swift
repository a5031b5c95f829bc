import OTLintCore
import SwiftSyntax

/// OTL403: request/response bodies, encoded payloads and whole header maps as attribute values.
struct UnboundedAttributeValueRule: SwiftRule {
    static let id = "OTL403"
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    static let payloadNames: Set<String> = ["body", "payload", "httpBody", "rawBody", "headers", "allHTTPHeaderFields", "buffer"]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in model.attributeUses where use.target != .metric {
            guard let value = use.value, let what = payload(in: value) else { continue }
            let key = use.name ?? use.keyNode.trimmedDescription
            diagnostics.append(model.diagnostic(
                Self.id, at: value,
                message: "attribute `\(key)` records \(what), whose size has no bound",
                why: "attribute values are kept in memory until export and sent with every span; bodies and header maps can be megabytes, carry personal data and secrets, and are truncated or dropped by backends",
                help: "record the size (`http.request.body.size`) or a few chosen fields instead; capture specific headers as `http.request.header.<name>`"
            ))
        }
        return diagnostics
    }

    /// Names of values of bounded size: a token, an identifier, a key, a hash.
    static let smallValueWords: Set<String> = ["token", "id", "key", "name", "hash", "digest", "nonce", "etag", "uuid", "checksum", "signature"]

    /// What unbounded thing the value is, or nil.
    private func payload(in expression: ExprSyntax) -> String? {
        var value = expression.unwrappingEffects
        // Unwrap `.string(x)`, `String(describing: x)`, `"\(x)"`, `x.description`.
        if let call = value.as(FunctionCallExprSyntax.self), call.arguments.count == 1, let only = call.firstArgument,
           ["string", "String", "AttributeValue"].contains(call.calleeName ?? "") {
            if only.label == nil || only.label?.text == "describing" { value = only.expression.unwrappingEffects }
        }
        if let inner = value.as(StringLiteralExprSyntax.self)?.soleInterpolation {
            value = inner.unwrappingEffects
        }
        // `String(decoding: body, as: UTF8.self)`, `String(data: data, encoding: .utf8)`, `String(buffer: body)`.
        // What is decoded may be small and of fixed shape (`taskToken.bytes`, `digest`): not a body.
        if let call = value.as(FunctionCallExprSyntax.self), call.calleeName == "String",
           let first = call.firstArgument, ["decoding", "data", "buffer", "bytes"].contains(first.label?.text ?? ""),
           !(first.expression.memberPath ?? []).flatMap(identifierWords).contains(where: Self.smallValueWords.contains) {
            return "a decoded body (`\(call.trimmedDescription)`)"
        }
        if let call = value.as(FunctionCallExprSyntax.self), call.calleeName == "encode",
           call.receiver?.trimmedDescription.contains("JSONEncoder") == true {
            return "an encoded payload"
        }
        guard var path = value.memberPath else { return nil }
        if ["description", "debugDescription"].contains(path.last ?? "") { path.removeLast() }
        guard let last = path.last, path.count >= 2, Self.payloadNames.contains(last) else { return nil }
        return last == "headers" || last == "allHTTPHeaderFields" ? "the whole header map (`\(path.joined(separator: "."))`)"
            : "a whole body (`\(path.joined(separator: "."))`)"
    }
}
