import SwiftSyntax

/// `let name = "literal"` constants of a file (global, static or local), by name; names declared more than once
/// (or with `var`) are left out, because which declaration a use refers to is then unclear.
func findStringConstants(in model: SwiftSourceModel) -> [String: StringLiteralExprSyntax] {
    var constants: [String: StringLiteralExprSyntax] = [:]
    var ambiguous: Set<String> = []
    for declaration in model.nodes.variableDeclarations {
        for binding in declaration.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { continue }
            let literal = binding.initializer?.value.as(StringLiteralExprSyntax.self)
            if constants[name] != nil || ambiguous.contains(name) || declaration.bindingSpecifier.tokenKind != .keyword(.let) || literal == nil {
                ambiguous.insert(name)
                constants[name] = nil
            } else {
                constants[name] = literal
            }
        }
    }
    // A parameter of the same name may shadow the constant where it is used.
    for parameter in model.nodes.functionParameters {
        constants[(parameter.secondName ?? parameter.firstName).text] = nil
    }
    for parameter in model.nodes.closureShorthandParameters { constants[parameter.name.text] = nil }
    for parameter in model.nodes.closureParameters { constants[(parameter.secondName ?? parameter.firstName).text] = nil }
    return constants
}

/// The string literal an expression is or names: `"x"`, or `token` / `Self.token` / `Config.token` for a constant
/// of `stringConstants`.
func resolvedStringLiteral(_ expression: ExprSyntax, constants: [String: StringLiteralExprSyntax]) -> StringLiteralExprSyntax? {
    let expression = expression.unwrappingEffects
    if let literal = expression.as(StringLiteralExprSyntax.self) { return literal }
    guard let path = expression.memberPath, (1...2).contains(path.count), let name = path.last else { return nil }
    return constants[name]
}
