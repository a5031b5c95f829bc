extension String {
    /// The text with every occurrence of `target` replaced, found as Foundation's
    /// `replacingOccurrences(of:with:)` finds it: a `\n` or `\r` inside a `\r\n` too. The standard library's
    /// `replacing(_:with:)` compares `Character`s, and `\r\n` is one, so it would leave a Windows line break
    /// unescaped. The targets are ASCII, so comparing Unicode scalars is comparing what Foundation compares.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        String(unicodeScalars.replacing(target.unicodeScalars, with: replacement.unicodeScalars))
    }
}
