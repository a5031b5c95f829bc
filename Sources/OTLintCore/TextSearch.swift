import CByteSearch

extension String {
    /// Whether `needle` occurs in the text, as Foundation's `contains(_:)` answers, which the rules and models
    /// used: by canonical equivalence on character boundaries, except that a `\n` or `\r` is found inside a `\r\n`
    /// (one `Character`, which the standard library's `contains(_:)` does not look into), and an empty needle is
    /// found nowhere.
    ///
    /// ASCII text and needles are compared byte by byte: ASCII text has no other spelling than its bytes. That is
    /// also much cheaper than Foundation, whose bridging to `NSString` cost more than the rest of the
    /// configuration check's work on a short name or value.
    public func containsText(_ needle: String) -> Bool {
        var text = self, needle = needle
        let answer = text.withUTF8 { text in needle.withUTF8 { needle in TextSearch.asciiContains(needle, in: text) } }
        if let answer { return answer }
        if needle.isEmpty { return false }
        if needle.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return unicodeScalars.firstRange(of: needle.unicodeScalars) != nil
        }
        return contains(needle)
    }
}

enum TextSearch {
    /// nil when the bytes are not both ASCII (or the needle is empty or has a line break): the caller then compares
    /// characters.
    static func asciiContains(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !needle.isEmpty,
              !needle.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }),
              !text.contains(where: { $0 >= 0x80 }) else { return nil }
        guard needle.count <= text.count, let base = text.baseAddress else { return false }
        return otlint_memmem(base, text.count, needle.baseAddress, needle.count) != nil
    }
}
