extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing white space: spaces and tabs (every Unicode space, as Foundation's
    /// `.whitespaces`), and line breaks too when asked (as `.whitespacesAndNewlines`).
    ///
    /// Why not Foundation's `trimmingCharacters(in:)`: on Linux it converts through `NSString` and costs more than
    /// the rest of the parse in loops over every line or list item.
    public func trimmingBlanks(includingNewlines: Bool = false) -> Substring {
        func isBlank(_ character: Character) -> Bool {
            if character == " " || character == "\t" { return true }
            if character.isASCII && !character.isNewline { return false }
            return character.isWhitespace && (includingNewlines || !character.isNewline)
        }
        var start = startIndex, end = endIndex
        while start < end && isBlank(self[start]) { start = index(after: start) }
        while end > start && isBlank(self[index(before: end)]) { end = index(before: end) }
        return self[start..<end]
    }
}

extension StringProtocol where SubSequence == Substring {
    /// `trimmingBlanks()` as a `String`.
    public var blankTrimmed: String { String(trimmingBlanks()) }
    /// `trimmingBlanks(includingNewlines: true)` as a `String`.
    public var blankAndNewlineTrimmed: String { String(trimmingBlanks(includingNewlines: true)) }
}
