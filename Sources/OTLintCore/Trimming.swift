extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing white space: spaces and tabs (every Unicode space, as Foundation's
    /// `.whitespaces`), and line breaks too when asked (as `.whitespacesAndNewlines`).
    ///
    /// Why not Foundation's `trimmingCharacters(in:)`: on Linux it converts through `NSString` and costs more than
    /// the rest of the parse in loops over every line or list item.
    ///
    /// ASCII text is trimmed byte by byte: there, the blanks are exactly space and tab, and the four line breaks
    /// `\n`, `\u{0B}`, `\u{0C}`, `\r` when asked (`\r\n`, one character, is two of them). Walking characters
    /// instead was about a twentieth of the configuration rules' time. `@inlinable` so that it is specialised for `String`
    /// and `Substring` where it is called.
    @inlinable
    public func trimmingBlanks(includingNewlines: Bool = false) -> Substring {
        let utf8 = self[...].utf8
        if !utf8.contains(where: { $0 >= 0x80 }) {
            func isBlank(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || (includingNewlines && byte >= 0x0A && byte <= 0x0D)
            }
            var start = utf8.startIndex, end = utf8.endIndex
            while start < end && isBlank(utf8[start]) { start = utf8.index(after: start) }
            while end > start && isBlank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
            return self[start..<end]
        }
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
    @inlinable public var blankTrimmed: String { String(trimmingBlanks()) }
    /// `trimmingBlanks(includingNewlines: true)` as a `String`.
    @inlinable public var blankAndNewlineTrimmed: String { String(trimmingBlanks(includingNewlines: true)) }
}
