extension String {
    /// The text with `%XX` escapes decoded, as `OTEL_RESOURCE_ATTRIBUTES` values are written; the text itself when
    /// it has none, when an escape is broken (a `%` without two hex digits) or when the decoded bytes are no UTF-8
    /// (where `removingPercentEncoding` gives nil).
    ///
    /// Why not `removingPercentEncoding`: it is not in FoundationEssentials, and Foundation proper would bring its
    /// ICU data into the static Linux binary.
    public var percentDecoded: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexDigitValue), let low = iterator.next().flatMap(hexDigitValue) else { return self }
            bytes.append(high << 4 | low)
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces ill-formed UTF-8 with U+FFFD, which changes the bytes.
        return decoded.utf8.elementsEqual(bytes) ? decoded : self
    }
}

private func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
