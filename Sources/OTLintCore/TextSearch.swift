import CByteSearch
import Foundation

extension String {
    /// Whether `needle` occurs in the text: the answer of Foundation's `contains(_:)`, which the rules and models
    /// used, but without bridging to `NSString` when both texts are ASCII. That bridging cost more than the rest
    /// of the configuration check's work on a short name or value.
    ///
    /// Why the answers agree: Foundation compares by canonical equivalence, and ASCII text has no other spelling
    /// than its bytes. A needle with a line break, an empty needle and non-ASCII text take Foundation's path
    /// (`\r\n` is one character, and Foundation finds no empty needle).
    public func containsText(_ needle: String) -> Bool {
        var text = self, needle = needle
        let answer = text.withUTF8 { text in needle.withUTF8 { needle in TextSearch.asciiContains(needle, in: text) } }
        return answer ?? (range(of: needle) != nil)
    }
}

enum TextSearch {
    /// nil when the bytes are not both ASCII (or the needle is empty or has a line break): the caller then asks
    /// Foundation.
    static func asciiContains(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !needle.isEmpty,
              !needle.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }),
              !text.contains(where: { $0 >= 0x80 }) else { return nil }
        guard needle.count <= text.count, let base = text.baseAddress else { return false }
        return otlint_memmem(base, text.count, needle.baseAddress, needle.count) != nil
    }
}
