import OTLintCore

/// One `key=value` pair of an OTLP headers value, with the value's byte range.
struct HeaderPair {
    var key: String
    var value: String
    var valueRange: Range<Int>

    /// Whether the header's name says it carries a credential (see `Credentials`).
    var isCredential: Bool { Credentials.isCredentialHeader(key) }

    static func parse(_ text: String) -> [HeaderPair] {
        ListItem.split(text).compactMap { item in
            guard let equals = item.text.firstIndex(of: "=") else { return nil }
            let key = item.text[..<equals].blankTrimmed
            let rawValue = item.text[item.text.index(after: equals)...]
            let valueStart = item.range.lowerBound + item.text.utf8.distance(from: item.text.startIndex, to: rawValue.startIndex)
            let leading = rawValue.utf8.count - rawValue.drop(while: { $0 == " " }).utf8.count
            let value = rawValue.blankTrimmed
            guard !key.isEmpty else { return nil }
            return HeaderPair(key: key, value: value, valueRange: (valueStart + leading)..<(valueStart + leading + value.utf8.count))
        }
    }
}
