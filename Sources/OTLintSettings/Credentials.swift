#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one judge of literal credentials in exporter headers, for every input (env files, compose, Swift code).
///
/// Decided once, from the two lists the configuration and the Swift rules used to keep:
/// - Header names are matched on whole words (split at `-`, `_`, `.`, spaces and lower-to-upper case changes), not
///   on substrings: a substring match took `x-author` for `auth` and `x-monkey-id` for `key`. The word list is the
///   union of both: every word either side knew (`cookie` and `session` from the configuration side, `license`
///   from the Swift side) names a credential in some vendor's header.
/// - `x-honeycomb-team` is matched as a whole name: Honeycomb's key header, named in the rule's document. The Swift
///   side matched the word `team`, which also took harmless headers (`x-team-id`) for credentials.
/// - Placeholders are the union of both lists; a value is judged after percent-decoding (env headers are
///   percent-encoded: `Bearer%20…`), outer quotes and an authorization scheme (`Bearer `, `Basic `) are removed.
public enum Credentials {
    /// Words of a header name that say it carries a credential.
    static let credentialWords: Set<String> = [
        "authorization", "auth", "token", "secret", "password", "passwd", "apikey", "key", "dsn", "credential", "credentials",
        "signature", "cookie", "session", "license",
    ]
    /// Whole header names of vendor credentials that no word of `credentialWords` catches.
    static let credentialHeaderNames: Set<String> = ["x-honeycomb-team"]
    /// Text that marks a value as a placeholder, not a secret.
    static let placeholderWords = [
        "changeme", "change-me", "change_me", "your", "replace", "example", "placeholder", "todo", "dummy", "redacted", "insert",
        "fixme", "xxx", "***", "<", ">", "{{", "…", "...",
    ]
    /// Authorization schemes before the secret itself, lower case.
    static let schemes = ["bearer ", "basic ", "apikey ", "api-key ", "token ", "splunk "]

    /// Whether a header's name says it carries a credential: `authorization`, `x-api-key`, `dd-api-key`,
    /// `signoz-access-token`, `x-honeycomb-team`, ….
    public static func isCredentialHeader(_ rawName: String) -> Bool {
        let name = rawName.percentDecoded.blankTrimmed
        if credentialHeaderNames.contains(name.lowercased()) { return true }
        return !credentialWords.isDisjoint(with: words(of: name))
    }

    /// Whether a header value is a real-looking secret rather than empty, a placeholder (`<token>`, `YOUR_API_KEY`,
    /// `changeme`, `xxxxxx`, `000000`) or a reference (`${KEY}`).
    public static func looksLikeSecret(_ raw: String) -> Bool {
        var value = raw.percentDecoded.blankAndNewlineTrimmed
        if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst()) }
        if value.hasSuffix("\"") || value.hasSuffix("'") { value = String(value.dropLast()) }
        for scheme in schemes where value.lowercased().hasPrefix(scheme) {
            value = value.dropFirst(scheme.count).blankTrimmed
        }
        guard value.count >= 6, !value.contains("$") else { return false }
        let lower = value.lowercased()
        if placeholderWords.contains(where: { lower.contains($0) }) { return false }
        if isReadablePhrase(value) || isVariableName(value) { return false }
        // `********`, `aaaaaa`, `000000`: masked or dummy values.
        return Set(lower).count > 2
    }

    /// Whether a value is made of lower-case words (each perhaps ending in a few digits) and numbers only, with at
    /// least two words: `project1_secret`, `super-secure-ingestion-api-key`, `http://demo_token@localhost:14317`.
    /// Issued keys are random (mixed letters and digits, upper and lower case); a phrase is a stand-in someone typed.
    static func isReadablePhrase(_ value: String) -> Bool {
        let tokens = value.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        var words = 0
        for token in tokens {
            let letters = token.prefix { $0.isLetter }
            let digits = token.dropFirst(letters.count)
            if letters.isEmpty {
                guard token.allSatisfy(\.isNumber) else { return false }
                continue
            }
            guard letters.allSatisfy(\.isLowercase), digits.count <= 3, digits.allSatisfy(\.isNumber) else { return false }
            words += 1
        }
        return words >= 2
    }

    /// Whether a value is the name of the variable that should hold the secret, in upper case with underscores
    /// (`ELASTIC_APM_SECRET_TOKEN`, `API_KEY`): a stand-in left for the reader to replace.
    static func isVariableName(_ value: String) -> Bool {
        value.contains("_") && value == value.uppercased() && isReadablePhrase(value.lowercased())
    }

    /// The lower-cased words of a name: `X-API-Key` → `x`, `api`, `key`; `apiKey` → `api`, `key`.
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousIsLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousIsLower = false
                continue
            }
            if character.isUppercase && previousIsLower {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousIsLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
