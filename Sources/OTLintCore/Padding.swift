extension String {
    /// The text cut or padded with spaces to `length` characters, for the columns of text output: what
    /// Foundation's `padding(toLength:withPad:startingAt:)` gives with a space (which counts UTF-16 units; the
    /// padded texts are ASCII, where the two counts agree).
    public func padded(toLength length: Int) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: " ", count: length - count)
    }
}
