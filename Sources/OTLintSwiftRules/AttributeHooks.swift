import SwiftSyntax

/// Parameters through which code writes a span's attributes without naming the span: an `inout SpanAttributes`
/// handed to a closure or function. Writes to them (`attributes["k"] = v`, `attributes.set("k", value:)`,
/// `attributes.http.request.method = v`, `attributes.merge([...])`) are attribute uses like `span.attributes[...]`.
///
/// The hooks, as the frameworks declare them:
/// - swift-distributed-tracing: `Span.updateAttributes(_ update: (inout SpanAttributes) -> Void)`;
/// - Vapor: `TracingMiddleware(setCustomAttributes: @Sendable (inout SpanAttributes, Request) -> Void)`, also written
///   `TracingMiddleware { attributes, request in ... }`; Vapor calls it for every request while it creates the server
///   span, so what it writes lands on every server span.
/// - any closure or function that declares its parameter `inout SpanAttributes` (a helper Vapor's hook calls, a
///   function passed as `setCustomAttributes:`).
///
/// Hummingbird's `TracingMiddleware` hands user code no attributes: its `attributes:` dictionary and
/// `recordingHeaders:` are read where the call is (`findAttributeUses`, `RecordedAttributes`).
///
/// swift-syntax gives no types, so a name counts only when it resolves to one of these parameters: a local
/// dictionary that happens to be called `attributes` is not a span's.
enum AttributeHooks {
    /// Whether `expression` is a bare reference (`attributes`, `$0`) to a span-attributes parameter.
    static func isAttributesParameter(_ expression: ExprSyntax) -> Bool {
        guard let reference = expression.as(DeclReferenceExprSyntax.self), reference.argumentNames == nil else { return false }
        let name = reference.baseName.text
        var child = Syntax(reference)
        var current = reference.parent
        while let node = current {
            if let closure = node.as(ClosureExprSyntax.self), let index = parameterIndex(of: name, in: closure) {
                return isAttributesParameter(at: index, of: closure)
            }
            if let list = node.as(CodeBlockItemListSyntax.self), declaresLocal(name, in: list, before: child) {
                return false  // `var attributes = [String: String]()` inside the hook shadows the parameter
            }
            if let parameters = functionParameters(of: node) {
                // A function or initializer ends the search: the name is its parameter, or something outside the hook.
                return parameters.contains { ($0.secondName ?? $0.firstName).text == name && isSpanAttributesInout($0.type) }
            }
            if node.isTypeOrFunctionDeclaration { return false }
            child = node
            current = node.parent
        }
        return false
    }

    /// The position of `name` among the closure's parameters, when this closure declares it: a named parameter, or
    /// `$n` in the innermost closure without a parameter list (closures with one cannot use `$n`).
    private static func parameterIndex(of name: String, in closure: ClosureExprSyntax) -> Int? {
        if name.hasPrefix("$") {
            guard closure.signature?.parameterClause == nil else { return nil }
            return Int(name.dropFirst())
        }
        return closure.parameterNames.firstIndex(of: name)
    }

    private static func isAttributesParameter(at index: Int, of closure: ClosureExprSyntax) -> Bool {
        if case .parameterClause(let clause) = closure.signature?.parameterClause {
            let parameters = Array(clause.parameters)
            if index < parameters.count, let type = parameters[index].type, isSpanAttributesInout(type) { return true }
        }
        guard index == 0, let (call, label) = owningCall(of: closure) else { return false }
        switch (call.calleeName, label) {
        case ("updateAttributes", nil):
            return true
        case ("TracingMiddleware", nil), ("TracingMiddleware", "setCustomAttributes"):
            // Vapor's hook takes (attributes, request); a closure of another shape is some other middleware's.
            return closure.signature?.parameterClause == nil || closure.parameterNames.count == 2
        default:
            return false
        }
    }

    /// The call a closure is passed to and its argument label (nil: trailing or unlabelled).
    private static func owningCall(of closure: ClosureExprSyntax) -> (FunctionCallExprSyntax, String?)? {
        if let call = closure.parent?.as(FunctionCallExprSyntax.self), call.trailingClosure?.id == closure.id {
            return (call, nil)
        }
        if let argument = closure.parent?.as(LabeledExprSyntax.self),
           let call = argument.parent?.parent?.as(FunctionCallExprSyntax.self) {
            return (call, argument.label?.text)
        }
        if let element = closure.parent?.as(MultipleTrailingClosureElementSyntax.self),
           let call = element.parent?.parent?.as(FunctionCallExprSyntax.self) {
            return (call, element.label.text)
        }
        return nil
    }

    private static func functionParameters(of node: Syntax) -> FunctionParameterListSyntax? {
        if let function = node.as(FunctionDeclSyntax.self) { return function.signature.parameterClause.parameters }
        if let initializer = node.as(InitializerDeclSyntax.self) { return initializer.signature.parameterClause.parameters }
        return nil
    }

    private static func isSpanAttributesInout(_ type: TypeSyntax) -> Bool {
        let text = type.trimmedDescription.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text == "inout SpanAttributes" || text == "inout Tracing.SpanAttributes"
    }

    /// Whether a statement of `list` before `child` declares a local variable `name`.
    private static func declaresLocal(_ name: String, in list: CodeBlockItemListSyntax, before child: Syntax) -> Bool {
        for item in list {
            if item.id == child.id { return false }
            guard let variable = item.item.as(VariableDeclSyntax.self) else { continue }
            if variable.bindings.contains(where: { $0.pattern.as(IdentifierPatternSyntax.self)?.identifier.text == name }) {
                return true
            }
        }
        return false
    }
}

extension ExprSyntax {
    /// `attributes` in `attributes.http.request.method`: the name a member chain starts from.
    var memberChainRoot: ExprSyntax? {
        var current = self
        while true {
            if current.is(DeclReferenceExprSyntax.self) { return current }
            if let member = current.as(MemberAccessExprSyntax.self), let base = member.base { current = base; continue }
            if let forced = current.as(ForceUnwrapExprSyntax.self) { current = forced.expression; continue }
            if let optional = current.as(OptionalChainingExprSyntax.self) { current = optional.expression; continue }
            return nil
        }
    }
}
