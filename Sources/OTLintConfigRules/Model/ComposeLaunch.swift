import OTLintYAML

extension ComposeService {
    /// The words of the service's `entrypoint:` or `command:` as Compose passes them to the container: a list as
    /// written, a string split as a shell splits words (Compose does so itself; no shell runs it): at blanks, with
    /// quoted parts kept whole. Nil when the field is not set.
    func launchWords(_ field: String) -> (words: [String], node: YAMLNode)? {
        guard let node = node[field] else { return nil }
        let words = node.sequence?.compactMap(\.scalar) ?? node.scalar.map(ShellWords.split) ?? []
        return (words, node)
    }
}

/// Shell word splitting without expansion: blanks separate words, `'…'` keeps its text as written, `"…"` keeps it
/// with `\"` and `\\` unescaped, and a backslash outside quotes escapes the next character.
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
