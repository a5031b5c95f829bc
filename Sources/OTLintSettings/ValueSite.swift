import OTLintCore

/// Where a piece of configuration text is written: the raw token, and the part a fix may replace.
public struct ValueSite: Sendable {
    public var file: SourceFile
    /// The raw token including quotes (for a compose list entry `- KEY=VALUE`, only the `VALUE` part).
    public var range: ByteRange
    /// The text between the quotes when it is the value verbatim (no escapes, no folding); nil otherwise, and
    /// then no fix may edit inside it.
    public var editableRange: ByteRange?

    public init(file: SourceFile, range: ByteRange, editableRange: ByteRange?) {
        self.file = file
        self.range = range
        self.editableRange = editableRange
    }

    public var location: SourceLocation { file.location(range) }

    /// A location inside the value (e.g. the port of an endpoint), when the value is written verbatim.
    public func location(ofValueBytes range: Range<Int>) -> SourceLocation? {
        guard let editableRange, range.upperBound <= editableRange.length else { return nil }
        return file.location(ByteRange(editableRange.start + range.lowerBound, editableRange.start + range.upperBound))
    }

    /// An edit that replaces the whole value, keeping its quotes; nil when the value is not verbatim.
    public func replacement(_ text: String) -> TextEdit? {
        editableRange.map { TextEdit(path: file.path, range: $0, replacement: text) }
    }
}
