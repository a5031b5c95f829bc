import OTLintCore
import SwiftSyntax

/// What code tells the tracer to record: the attributes it sets on spans, events and resources (with what their
/// values are read from), and Hummingbird's `TracingMiddleware(recordingHeaders:)`.
enum RecordedAttributes {
    static func settings(in model: SwiftSourceModel) -> RecordedDataSettings {
        var recorded = RecordedDataSettings()
        recorded.attributes = model.attributeUses.filter { $0.target != .metric }.map { use in
            let value = use.value
            let source = value.map(valueSource)
            return RecordedDataSettings.Attribute(
                key: use.name ?? use.keyNode.trimmedDescription, keyWords: use.words, keyLocation: model.location(of: use.keyNode),
                valueText: value?.trimmedDescription, valueLocation: value.map { model.location(of: $0) },
                valueIsHarmless: isHarmlessValue(value), valueWords: source?.words ?? [], valueHeader: source?.header,
                literalValueRange: literalContent(value))
        }
        recorded.headerCaptures = recordingHeaders(model)
        return recorded
    }

    /// The text between the quotes of a string literal value without interpolation: a credential written in
    /// the code, masked in every excerpt.
    private static func literalContent(_ value: ExprSyntax?) -> ByteRange? {
        var expression = value?.unwrappingEffects
        if let call = expression?.as(FunctionCallExprSyntax.self), call.arguments.count == 1, let only = call.firstArgument,
           ["string", "AttributeValue", "String"].contains(call.calleeName ?? "") {
            expression = only.expression.unwrappingEffects
        }
        guard let literal = expression?.as(StringLiteralExprSyntax.self), literal.representedLiteralValue != nil else { return nil }
        return ByteRange(literal.openingQuote.endPositionBeforeTrailingTrivia.utf8Offset,
                         literal.closingQuote.positionAfterSkippingLeadingTrivia.utf8Offset)
    }

    /// Booleans, numbers, `.count`s and redaction placeholders carry no secret.
    private static func isHarmlessValue(_ value: ExprSyntax?) -> Bool {
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

    /// What a value is read from: the header of `request.headers["Authorization"]`, or the words of the name
    /// `user.email`, `password` (through `.string(…)`, `AttributeValue(…)` and `"\(token)"`).
    private static func valueSource(_ expression: ExprSyntax) -> (words: [String], header: String?) {
        var value = expression.unwrappingEffects
        if let call = value.as(FunctionCallExprSyntax.self), call.arguments.count == 1, let only = call.firstArgument,
           ["string", "AttributeValue", "String"].contains(call.calleeName ?? "") {
            value = only.expression.unwrappingEffects
        }
        if let inner = value.as(StringLiteralExprSyntax.self)?.soleInterpolation {
            value = inner.unwrappingEffects
        }
        if let subscriptCall = value.as(SubscriptCallExprSyntax.self), let key = subscriptCall.arguments.first?.expression,
           subscriptCall.calledExpression.memberPath?.last?.lowercased().contains("header") == true {
            return ([], (key.stringLiteralValue ?? key.memberPath?.last ?? "").lowercased())
        }
        return (value.memberPath?.last.map(identifierWords) ?? [], nil)
    }

    /// `TracingMiddleware(recordingHeaders: [.authorization, .cookie])` (Hummingbird): each header is copied into
    /// every server span as `http.request.header.<name>`.
    private static func recordingHeaders(_ model: SwiftSourceModel) -> [RecordedDataSettings.HeaderCapture] {
        guard model.imports.contains("Hummingbird") else { return [] }
        var captures: [RecordedDataSettings.HeaderCapture] = []
        for call in model.nodes.calls where call.calleeName == "TracingMiddleware" {
            guard let headers = call.argument("recordingHeaders")?.expression.as(ArrayExprSyntax.self) else { continue }
            for element in headers.elements {
                let expression = element.expression
                let name = expression.memberPath?.last ?? expression.stringLiteralValue
                    ?? expression.as(ForceUnwrapExprSyntax.self)?.expression.as(FunctionCallExprSyntax.self)?.firstArgument?.expression.stringLiteralValue
                    ?? ""
                guard let header = SensitiveNames.secretHeader(name) else { continue }
                let setting = Setting(value: header, origin: .code(api: "`TracingMiddleware`", sdk: .swiftOTel), site: nil,
                                      fallbackLocation: model.location(of: expression), isEditable: false)
                captures.append(RecordedDataSettings.HeaderCapture(
                    setting: setting, secretHeaders: [header],
                    help: "remove `\(expression.trimmedDescription)` from `recordingHeaders`; record only headers that carry no secrets",
                    serverSpanAttribute: "http.request.header.\(header)"))
            }
        }
        return captures
    }
}
