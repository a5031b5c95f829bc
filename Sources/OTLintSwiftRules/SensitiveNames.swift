/// Words that mark credentials or personal data in attribute keys and value names, following the
/// semantic conventions' sensitive-data guidance (otel-facts/semconv-sensitive.md).
enum SensitiveNames {
    enum Kind: String {
        case credential = "a credential"
        case personalData = "personal data"
    }

    /// Words that, next to a sensitive word, mean the value is about the secret, not the secret itself
    /// (`password.length`, `token.expires_at`, `auth.token.present`, `gen_ai.usage.input_tokens`).
    static let harmlessQualifiers: Set<String> = [
        "count", "length", "len", "size", "type", "kind", "expires", "expiry", "expiration", "ttl", "present",
        "valid", "exists", "hash", "hashed", "sha", "sha256", "redacted", "masked", "usage", "limit", "scheme",
        "policy", "strength", "reset", "changed", "required", "enabled", "domain", "provided", "missing", "status",
        "verified", "age", "format", "algorithm", "issuer", "audience", "names", "header", "headers", "stripped",
        "without", "sanitized", "scrubbed", "removed", "omitted",
    ]

    /// What the words of a key or name reveal, or nil.
    static func classify(_ words: [String]) -> (kind: Kind, word: String)? {
        guard !words.isEmpty else { return nil }
        if words.contains(where: harmlessQualifiers.contains) {
            // `http.request.header.authorization` has "header" but is the header's value: allow that shape.
            guard let headerIndex = words.firstIndex(where: { $0 == "header" }), headerIndex < words.count - 1 else { return nil }
            let rest = Array(words[(headerIndex + 1)...])
            if rest.contains(where: { harmlessQualifiers.contains($0) }) { return nil }
            return classifyWithoutQualifiers(rest)
        }
        return classifyWithoutQualifiers(words)
    }

    private static func classifyWithoutQualifiers(_ words: [String]) -> (kind: Kind, word: String)? {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : nil
            let previous = index > 0 ? words[index - 1] : nil
            if ["password", "passwd", "passphrase", "secret", "authorization", "cookie", "cookies", "credential",
                "credentials", "apikey", "cvv", "cvc", "ssn"].contains(word) {
                return (.credential, word)
            }
            if ["api", "access", "private", "client"].contains(word), let next, next == "key" || next == "secret" {
                return (.credential, word + "_" + next)
            }
            if word == "token", !["page", "pagination", "continuation", "cancellation", "next", "sync", "cursor"].contains(previous ?? ""),
               next == nil || ["access", "refresh", "auth", "bearer", "session", "id"].contains(previous ?? "") {
                return (.credential, "token")
            }
            if word == "connection", next == "string" { return (.credential, "connection_string") }
            if word == "card", next == "number" || previous == "credit" { return (.personalData, "card number") }
            if word == "email" || (word == "mail" && previous == "e") { return (.personalData, "e-mail address") }
        }
        return nil
    }

    /// Header names whose capture copies credentials into spans.
    static let secretHeaders: Set<String> = [
        "authorization", "proxyauthorization", "proxy-authorization", "cookie", "setcookie", "set-cookie",
        "x-api-key", "xapikey", "x-auth-token",
    ]
}
