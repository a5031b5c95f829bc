import SwiftSyntax

/// Recognises values with unbounded cardinality (IDs, raw paths, URLs, user data) by the names of the
/// expressions that produce them. Names that describe bounded sets (a route template, a method, a status)
/// win over unbounded words.
enum Cardinality {
    static let unboundedWords: Set<String> = [
        "id", "ids", "uuid", "guid", "identifier", "url", "uri", "path", "query", "email", "username", "token",
        "sql", "statement", "filename", "ip", "session", "key", "timestamp", "date",
    ]
    static let boundedWords: Set<String> = [
        "route", "template", "endpoint", "method", "status", "code", "kind", "type", "operation", "function",
        "self", "name", "version", "count", "level", "category", "scheme", "protocol", "region", "environment",
    ]

    /// The unbounded word an expression's name reveals, judging its last member (`request.uri.path` → path,
    /// `context.endpointPath` → bounded, `user.id` → id).
    static func unboundedWord(in expression: ExprSyntax) -> String? {
        let expression = expression.unwrappingEffects
        let words: [String]
        if let path = expression.memberPath, let last = path.last {
            words = identifierWords(last) + (path.count > 1 ? identifierWords(path[path.count - 2]).filter { $0 == "user" } : [])
        } else if let call = expression.as(FunctionCallExprSyntax.self), call.calleeName == "UUID" {
            return "UUID"
        } else {
            return nil
        }
        return unboundedWord(words)
    }

    static func unboundedWord(_ words: [String]) -> String? {
        // `user.name`, `customer`: one value per person, whatever the last word says.
        let personWords: Set<String> = ["user", "customer", "account", "enduser", "username"]
        let personQualifiers: Set<String> = ["type", "kind", "category", "count", "level", "status", "role", "roles", "tier", "agent"]
        if let person = words.first(where: personWords.contains), !words.contains(where: personQualifiers.contains) {
            return person
        }
        if words.contains(where: boundedWords.contains) { return nil }
        return words.first(where: unboundedWords.contains)
    }

    /// The interpolated expressions of a string literal.
    static func interpolations(_ literal: StringLiteralExprSyntax) -> [ExprSyntax] {
        literal.segments.compactMap { $0.as(ExpressionSegmentSyntax.self)?.expressions.first?.expression }
    }
}
