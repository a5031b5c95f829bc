/// A gitignore-style glob over `/`-separated relative paths: `*` and `?` stay inside one path segment, `**`
/// spans segments, `[abc]` is a character class. A pattern without `/` matches the file name at any depth
/// (`*.prod.yml`), as in `.gitignore`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    private let segments: [String]
    private let anchored: Bool

    public init(_ pattern: String) {
        source = pattern
        var trimmed = pattern
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        let hadSlash = trimmed.dropLast(trimmed.hasSuffix("/") ? 1 : 0).contains("/")
        if trimmed.hasPrefix("/") { trimmed.removeFirst() }
        if trimmed.hasSuffix("/") { trimmed += "**" }
        anchored = hadSlash
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public var description: String { source }

    public func matches(_ path: String) -> Bool {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if anchored {
            return GlobPattern.match(segments[...], parts[...])
                || (segments.last != "**" && GlobPattern.match((segments + ["**"])[...], parts[...]))
        }
        // Unanchored: the pattern may match any trailing run of segments (a file or a folder at any depth).
        for start in parts.indices {
            if GlobPattern.match(segments[...], parts[start...]) { return true }
            if GlobPattern.match((segments + ["**"])[...], parts[start...]) { return true }
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var remaining = text
            while true {
                if matchSegment(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case "?":
            guard !text.isEmpty else { return false }
            return matchSegment(pattern.dropFirst(), text.dropFirst())
        case "[":
            guard let character = text.first, let close = pattern.dropFirst().firstIndex(of: "]") else {
                return !text.isEmpty && text.first == "[" && matchSegment(pattern.dropFirst(), text.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if set[index].value <= character.value && character.value <= set[index + 2].value { found = true }
                    index += 3
                } else {
                    if set[index] == character { found = true }
                    index += 1
                }
            }
            guard found != negated else { return false }
            return matchSegment(pattern[(close + 1)...], text.dropFirst())
        default:
            guard text.first == first else { return false }
            return matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }
}

extension GlobPattern {
    /// Why a pattern cannot mean what its author wrote, or nil when it is valid. The matcher itself never fails
    /// (an unclosed `[` matches a literal `[`), so configuration files are checked here instead of silently
    /// matching nothing.
    public static func problem(in pattern: String) -> String? {
        if pattern.isEmpty { return "the pattern is empty" }
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "[" else { index += 1; continue }
            guard let close = scalars[(index + 1)...].firstIndex(where: { $0 == "]" || $0 == "/" }), scalars[close] == "]" else {
                return "`[` opens a character class that is never closed"
            }
            var set = scalars[(index + 1)..<close]
            if set.first == "!" || set.first == "^" { set = set.dropFirst() }
            if set.isEmpty { return "the character class `[]` is empty" }
            var position = set.startIndex
            while position < set.endIndex {
                if position + 2 < set.endIndex, set[position + 1] == "-" {
                    if set[position].value > set[position + 2].value {
                        return "the range `\(set[position])-\(set[position + 2])` is reversed"
                    }
                    position += 3
                } else {
                    position += 1
                }
            }
            index = close + 1
        }
        return nil
    }
}
