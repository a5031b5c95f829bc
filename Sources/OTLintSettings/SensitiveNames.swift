/// Words that mark credentials or personal data in attribute keys and value names, following the
/// semantic conventions' sensitive-data guidance (otel-facts/semconv-sensitive.md).
public enum SensitiveNames {
    public enum Kind: String, Sendable {
        case credential = "a credential"
        case personalData = "personal data"
    }

    /// Words that, next to a sensitive word, mean the value is about the secret, not the secret itself
    /// (`password.length`, `token.expires_at`, `auth.token.present`, `gen_ai.usage.input_tokens`).
    public static let harmlessQualifiers: Set<String> = [
        "count", "length", "len", "size", "type", "kind", "expires", "expiry", "expiration", "ttl", "present",
        "valid", "exists", "hash", "hashed", "sha", "sha256", "redacted", "masked", "usage", "limit", "scheme",
        "policy", "strength", "reset", "changed", "required", "enabled", "domain", "provided", "missing", "status",
        "verified", "age", "format", "algorithm", "issuer", "audience", "names", "header", "headers", "stripped",
        "without", "sanitized", "scrubbed", "removed", "omitted",
    ]

    /// What the words of a key or name reveal, or nil.
    public static func classify(_ words: [String]) -> (kind: Kind, word: String)? {
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
            // Tokens that grant nothing: positions in a listing, versions for optimistic concurrency, idempotency keys.
            if word == "token", !["page", "pagination", "continuation", "cancellation", "next", "sync", "cursor", "conflict",
                                  "idempotency", "resume", "change", "version", "etag"].contains(previous ?? ""),
               next == nil || ["access", "refresh", "auth", "bearer", "session", "id"].contains(previous ?? "") {
                return (.credential, "token")
            }
            if word == "connection", next == "string" { return (.credential, "connection_string") }
            if word == "card", next == "number" || previous == "credit" { return (.personalData, "card number") }
            if word == "email" || (word == "mail" && previous == "e") { return (.personalData, "e-mail address") }
        }
        return nil
    }

    /// Header names that carry credentials or session identifiers (semconv-sensitive.md §5): capturing them
    /// copies secrets into spans. One list for every input (capture variables, Hummingbird's `recordingHeaders`).
    public static let secretHeaders = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-auth-token",
        "x-csrf-token", "x-amz-security-token",
    ]

    /// The `secretHeaders` entry a header name spells (`Set-Cookie`, Hummingbird's `.setCookie`), or nil.
    public static func secretHeader(_ name: String) -> String? {
        let squeezed = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return secretHeaders.first { $0.filter { $0 != "-" } == squeezed }
    }

    public static func isSecretHeader(_ name: String) -> Bool { secretHeader(name) != nil }
}
