import OTLintCore
import SwiftSyntax

/// OTL401 (Swift): credentials or personal data written into span, event or resource attributes, and
/// Hummingbird `TracingMiddleware(recordingHeaders:)` capturing `authorization` / `cookie`.
struct SensitiveAttributeRule: SwiftRule {
    static let id = "OTL401"
    var findsSecrets: Bool { true }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for use in model.attributeUses where use.target != .metric {
            if isHarmlessValue(use.value) { continue }
            let keyText = use.name ?? use.keyNode.trimmedDescription
            if let (kind, word) = SensitiveNames.classify(use.words) {
                diagnostics.append(model.diagnostic(
                    Self.id, at: use.keyNode,
                    message: "attribute `\(keyText)` records \(kind.rawValue) (\(word)): it is exported to the tracing backend and readable by everyone with access to traces",
                    why: "trace data is stored and shared far more widely than the systems that handle \(kind == .credential ? "credentials" : "personal data")",
                    help: help(for: kind),
                    maskedRanges: kind == .credential ? literalContent(use.value).map { [$0] } ?? [] : []
                ))
            } else if let value = use.value, let (kind, word) = valueSensitivity(value) {
                diagnostics.append(model.diagnostic(
                    Self.id, at: value,
                    message: "attribute `\(keyText)` is set from `\(value.trimmedDescription)`, which holds \(kind.rawValue) (\(word))",
                    why: "trace data is stored and shared far more widely than the systems that handle \(kind == .credential ? "credentials" : "personal data")",
                    help: help(for: kind)
                ))
            }
        }
        diagnostics += recordedSecretHeaders(model)
        return diagnostics
    }

    /// The text between the quotes of a string literal value without interpolation: a credential written in
    /// the code, masked in every excerpt.
    private func literalContent(_ value: ExprSyntax?) -> ByteRange? {
        var expression = value?.unwrappingEffects
        if let call = expression?.as(FunctionCallExprSyntax.self), call.arguments.count == 1, let only = call.firstArgument,
           ["string", "AttributeValue", "String"].contains(call.calleeName ?? "") {
            expression = only.expression.unwrappingEffects
        }
        guard let literal = expression?.as(StringLiteralExprSyntax.self), literal.representedLiteralValue != nil else { return nil }
        return ByteRange(literal.openingQuote.endPositionBeforeTrailingTrivia.utf8Offset,
                         literal.closingQuote.positionAfterSkippingLeadingTrivia.utf8Offset)
    }

    private func help(for kind: SensitiveNames.Kind) -> String {
        switch kind {
        case .credential: "remove the attribute; if the fact matters, record something harmless instead (whether it was present, its type)"
        case .personalData: "record a pseudonymous identifier instead (`user.id` from your own key space, or `user.hash`)"
        }
    }

    /// Booleans, numbers, `.count`s and redaction placeholders carry no secret.
    private func isHarmlessValue(_ value: ExprSyntax?) -> Bool {
        guard let value = value?.unwrappingEffects else { return false }
        if value.is(BooleanLiteralExprSyntax.self) || value.is(IntegerLiteralExprSyntax.self) || value.is(FloatLiteralExprSyntax.self)
            || value.is(NilLiteralExprSyntax.self) {
            return true
        }
        if let text = value.stringLiteralValue?.lowercased() {
            return text.isEmpty || text.allSatisfy({ $0 == "*" || $0 == "x" }) || text.contains("redacted") || text.contains("hidden")
        }
        if let call = value.as(FunctionCallExprSyntax.self), let name = call.calleeName, [".bool", "bool", "int", "double"].contains(name) {
            return true
        }
        if let last = value.memberPath?.last, ["count", "isEmpty", "length"].contains(last) { return true }
        return false
    }

    /// `password`, `user.email`, `request.headers["Authorization"]` as the value.
    private func valueSensitivity(_ expression: ExprSyntax) -> (SensitiveNames.Kind, String)? {
        var value = expression.unwrappingEffects
        // `.string(password)`, `AttributeValue(password)`, `"\(token)"`.
        if let call = value.as(FunctionCallExprSyntax.self), call.arguments.count == 1, let only = call.firstArgument,
           ["string", "AttributeValue", "String"].contains(call.calleeName ?? "") {
            value = only.expression.unwrappingEffects
        }
        if let inner = value.as(StringLiteralExprSyntax.self)?.soleInterpolation {
            value = inner.unwrappingEffects
        }
        if let subscriptCall = value.as(SubscriptCallExprSyntax.self), let key = subscriptCall.arguments.first?.expression,
           subscriptCall.calledExpression.memberPath?.last?.lowercased().contains("header") == true {
            let headerName = (key.stringLiteralValue ?? key.memberPath?.last ?? "").lowercased()
            if SensitiveNames.secretHeaders.contains(headerName) { return (.credential, headerName + " header") }
            return nil
        }
        guard let last = value.memberPath?.last else { return nil }
        guard let (kind, word) = SensitiveNames.classify(identifierWords(last)) else { return nil }
        return (kind, word)
    }

    /// `TracingMiddleware(recordingHeaders: [.authorization, .cookie])` (Hummingbird).
    private func recordedSecretHeaders(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.imports.contains("Hummingbird") else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls where call.calleeName == "TracingMiddleware" {
            guard let headers = call.argument("recordingHeaders")?.expression.as(ArrayExprSyntax.self) else { continue }
            for element in headers.elements {
                let expression = element.expression
                let name = (expression.memberPath?.last ?? expression.stringLiteralValue
                    ?? expression.as(ForceUnwrapExprSyntax.self)?.expression.as(FunctionCallExprSyntax.self)?.firstArgument?.expression.stringLiteralValue
                    ?? "").lowercased()
                guard SensitiveNames.secretHeaders.contains(name) else { continue }
                diagnostics.append(model.diagnostic(
                    Self.id, at: expression,
                    message: "`TracingMiddleware` copies the `\(name)` request header into every server span as `http.request.header.\(name)`",
                    why: "the header carries credentials or session identifiers; trace data is stored and shared far more widely than the systems that handle them",
                    help: "remove `\(expression.trimmedDescription)` from `recordingHeaders`; record only headers that carry no secrets"
                ))
            }
        }
        return diagnostics
    }
}
