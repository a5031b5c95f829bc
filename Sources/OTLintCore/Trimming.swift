extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs (and line breaks when asked).
    ///
    /// Why not Foundation's `trimmingCharacters(in:)`: on Linux it converts through `NSString` and costs more than
    /// the rest of the parse in loops over every line or list item.
    public func trimmingBlanks(includingNewlines: Bool = false) -> Substring {
        func isBlank(_ character: Character) -> Bool {
            character == " " || character == "\t" || (includingNewlines && (character == "\n" || character == "\r\n" || character == "\r"))
        }
        var start = startIndex, end = endIndex
        while start < end && isBlank(self[start]) { start = index(after: start) }
        while end > start && isBlank(self[index(before: end)]) { end = index(before: end) }
        return self[start..<end]
    }
}
