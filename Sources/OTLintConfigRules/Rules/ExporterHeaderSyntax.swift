import OTLintCore

/// Mistakes in the syntax of `OTEL_EXPORTER_OTLP[_SIGNAL]_HEADERS`, which is a comma-separated list of
/// `name=value` pairs with percent-encoded values (W3C Baggage syntax without properties).
///
/// - A pair written `name: value` or `name:value`: the name before the first `=` holds a `:`, which no HTTP
///   header name may contain. Python skips the pair ("Header format invalid!"), JavaScript and Go skip pairs
///   without `=`, Java's `ConfigProperties.getMap` rejects the whole variable: the header is never sent.
/// - A space inside a value (`authorization=Bearer abc`): not valid baggage syntax. Python before 1.27 drops the
///   pair; current Python, Java, JavaScript and Go accept it. `%20` works everywhere (all of them
///   percent-decode values), so it is reported at `info` only.
///
/// Header values are secrets: nothing here prints them, and fixes insert only `=` and `%20`.
enum ExporterHeaderSyntax {
    enum Problem {
        /// `name: value`: the byte range of the `:` and the blanks after it, and the header name before it.
        case colonSeparator(range: Range<Int>, name: String)
        /// Byte ranges of the spaces inside a pair's value.
        case unencodedSpaces(ranges: [Range<Int>], name: String)
    }

    static func problems(in value: String) -> [Problem] {
        var problems: [Problem] = []
        let bytes = Array(value.utf8)
        for item in ListItem.split(value) where !item.text.isEmpty {
            let itemBytes = bytes[item.range]
            let equals = itemBytes.firstIndex(of: UInt8(ascii: "="))
            let nameEnd = equals ?? item.range.upperBound
            if let colon = bytes[item.range.lowerBound..<nameEnd].firstIndex(of: UInt8(ascii: ":")) {
                var end = colon + 1
                while end < item.range.upperBound && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
                let name = String(decoding: bytes[item.range.lowerBound..<colon], as: UTF8.self).blankTrimmed
                problems.append(.colonSeparator(range: colon..<end, name: name))
                continue
            }
            guard let equals else { continue }
            let name = String(decoding: bytes[item.range.lowerBound..<equals], as: UTF8.self).blankTrimmed
            // Blanks around the value are trimmed by every SDK; only spaces inside it matter.
            var valueStart = equals + 1
            while valueStart < item.range.upperBound && bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
            let spaces = (valueStart..<item.range.upperBound).filter { bytes[$0] == UInt8(ascii: " ") }.map { $0..<($0 + 1) }
            if !spaces.isEmpty { problems.append(.unencodedSpaces(ranges: spaces, name: name)) }
        }
        return problems
    }
}
