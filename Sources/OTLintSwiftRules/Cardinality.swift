import SwiftSyntax

/// Recognises values with unbounded cardinality (IDs, raw paths, URLs, user data) by the names of the
/// expressions that produce them. Names that describe bounded sets (a route template, a method, a status)
/// win over unbounded words.
enum Cardinality {
    static let unboundedWords: Set<String> = [
        "id", "ids", "uuid", "guid", "identifier", "url", "uri", "path", "query", "email", "username", "token",
        "sql", "statement", "filename", "ip", "session", "key", "timestamp", "date", "sku", "isbn", "barcode",
    ]
    static let boundedWords: Set<String> = [
        "route", "template", "endpoint", "method", "status", "code", "kind", "type", "operation", "function",
        "self", "name", "version", "count", "level", "category", "scheme", "protocol", "region", "environment",
    ]

    /// Words that make a number a record's identifier: `order.number`, `invoiceNo`, `ticketNum`. A number alone
    /// (`attempt.number`, `lineNumber`, `page.number`) counts something bounded or says too little to judge.
    static let numberedRecords: Set<String> = [
        "order", "transaction", "invoice", "ticket", "account", "phone", "tracking", "reference", "confirmation",
        "receipt", "booking", "reservation", "shipment", "policy", "claim", "contract", "card", "member", "employee",
        "patient", "customer", "case", "serial",
    ]
    static let numberWords: Set<String> = ["number", "num", "no", "nr"]

    /// The unbounded word an expression's name reveals, judging its last member (`request.uri.path` → path,
    /// `context.endpointPath` → bounded, `user.id` → id, `transaction.number` → transaction number).
    static func unboundedWord(in expression: ExprSyntax) -> String? {
        let expression = expression.unwrappingEffects
        let words: [String]
        if let path = expression.memberPath, let last = path.last {
            let owner = path.count > 1 ? identifierWords(path[path.count - 2]) : []
            words = identifierWords(last) + owner.filter { $0 == "user" }
            if let record = numberedRecord(identifierWords(last), owner: owner) { return record }
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

    /// "order number" for `orderNumber`, or for `number` on an `order`; nil when no record word names the number.
    private static func numberedRecord(_ words: [String], owner: [String]) -> String? {
        guard let number = words.last, numberWords.contains(number) else { return nil }
        let qualifiers = words.count > 1 ? Array(words.dropLast()) : owner
        guard let record = qualifiers.last(where: numberedRecords.contains) else { return nil }
        return "\(record) \(number)"
    }

    /// The interpolated expressions of a string literal.
    static func interpolations(_ literal: StringLiteralExprSyntax) -> [ExprSyntax] {
        literal.segments.compactMap { $0.as(ExpressionSegmentSyntax.self)?.expressions.first?.expression }
    }
}
