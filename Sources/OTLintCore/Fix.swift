/// One replacement of a byte range in one file.
public struct TextEdit: Hashable, Sendable, Codable {
    public var path: String
    public var range: ByteRange
    public var replacement: String

    public init(path: String, range: ByteRange, replacement: String) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }
}

/// Whether a fix may be applied without asking.
public enum FixApplicability: String, Sendable, Codable {
    /// Preserves behaviour or is obviously what was meant: applied by `--fix`.
    case safe
    /// Changes behaviour: applied only with `--unsafe-fixes`.
    case unsafe
}

/// A suggested change that resolves a diagnostic.
public struct Fix: Hashable, Sendable, Codable {
    /// What the fix does, e.g. "remove `/v1/traces` from the base endpoint".
    public var title: String
    public var edits: [TextEdit]
    public var applicability: FixApplicability

    public init(title: String, edits: [TextEdit], applicability: FixApplicability) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }
}
