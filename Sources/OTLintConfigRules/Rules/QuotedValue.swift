import OTLintCore

/// A value that reaches the process with quotes around it. The usual cause is a compose `environment:` list item
/// written `- KEY="value"`: Compose splits the item at the first `=` and keeps the rest verbatim
/// (compose-go `NewMappingWithEquals`), so the quotes are part of the value. Quoting the whole item in YAML
/// (`- "KEY=value"`) and the mapping form (`KEY: "value"`) are read without them.
struct QuotedValue {
    var quote: Character

    init?(_ value: String) {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return nil }
        quote = first
    }

    /// A safe fix deleting the two quote characters (never rewriting the text between them, which may be a secret).
    static func fix(_ definition: VariableDefinition, value: String) -> Fix? {
        guard definition.interpolation == nil, !definition.isInherited, let site = definition.valueSite else { return nil }
        let length = value.utf8.count
        guard let open = site.location(ofValueBytes: 0..<1), let close = site.location(ofValueBytes: (length - 1)..<length) else { return nil }
        return Fix(title: "remove the quotes from the value",
                   edits: [TextEdit(path: site.file.path, range: open.range, replacement: ""),
                           TextEdit(path: site.file.path, range: close.range, replacement: "")],
                   applicability: .safe)
    }
}
