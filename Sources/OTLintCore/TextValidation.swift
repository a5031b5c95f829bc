/// Decides whether bytes are text otlint can check: valid UTF-8 without NUL bytes.
enum TextValidation {
    struct Problem {
        var position: LineColumn
        var message: String
    }

    static func problem(in bytes: [UInt8]) -> Problem? {
        // Nearly every file is clean text: check that with the library's vectorised searches, and work out the
        // position of a problem byte by byte only for a file that has one.
        if !ByteSearch.contains([0], in: bytes) && String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 {
                    return Problem(position: LineColumn(line: line, column: column),
                                   message: "binary file (contains a NUL byte), expected text")
                }
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                return Problem(
                    position: LineColumn(line: line, column: column),
                    message: "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(index))"
                )
            }
            index += length
            column += 1
        }
        return nil
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or 0 when it is malformed (RFC 3629 table 3-7).
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch first {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
