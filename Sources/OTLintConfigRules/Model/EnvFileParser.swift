import OTLintCore

/// Parses env files the way Compose's dotenv reader does.
///
/// Statements: `KEY=VALUE`, `export KEY=VALUE`, `KEY: VALUE` (YAML style, accepted by Compose), a bare `KEY`
/// (value inherited from the shell, unknown to otlint). Values: single quotes are literal; double quotes
/// unescape `\n`, `\r` and backslash-escaped characters; unquoted values end at the line break, lose a
/// ` #` comment and trailing blanks. Quoted values may span lines. Keys are letters, digits, `_`, `.` and
/// `-`. An invalid statement becomes an `InputError` and parsing resumes on the next line.
public enum EnvFileParser {
    public static func parse(_ source: SourceFile) -> (EnvFile, [InputError]) {
        var scanner = Scanner(source: source)
        return scanner.run()
    }

    private struct Scanner {
        let source: SourceFile
        let bytes: [UInt8]
        var index = 0
        var entries: [EnvEntry] = []
        var errors: [InputError] = []

        init(source: SourceFile) {
            self.source = source
            self.bytes = source.bytes
        }

        static let newline = UInt8(ascii: "\n")
        static let hash = UInt8(ascii: "#")

        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                || byte == 0x0B || byte == 0x0C
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte >= 0x80
        }

        mutating func skipToNextLine() {
            while index < bytes.count && bytes[index] != Scanner.newline { index += 1 }
            if index < bytes.count { index += 1 }
        }

        mutating func fail(_ offset: Int, _ message: String) {
            errors.append(InputError(path: source.path, position: source.lineColumn(at: offset), message: message))
            skipToNextLine()
        }

        mutating func run() -> (EnvFile, [InputError]) {
            // A UTF-8 byte order mark is not part of the first key.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            while index < bytes.count {
                while index < bytes.count && (isBlank(bytes[index]) || bytes[index] == Scanner.newline) { index += 1 }
                guard index < bytes.count else { break }
                if bytes[index] == Scanner.hash { skipToNextLine(); continue }
                statement()
            }
            return (EnvFile(source: source, entries: entries), errors)
        }

        mutating func statement() {
            let statementStart = index
            // `export KEY=...`: the word `export` followed by blanks.
            if matches("export"), index + 6 < bytes.count, isBlank(bytes[index + 6]) {
                index += 6
                while index < bytes.count && isBlank(bytes[index]) { index += 1 }
            }
            let keyStart = index
            while index < bytes.count && isKeyByte(bytes[index]) { index += 1 }
            let keyEnd = index
            while index < bytes.count && isBlank(bytes[index]) { index += 1 }
            let key = source.slice(ByteRange(keyStart, keyEnd))
            if index >= bytes.count || bytes[index] == Scanner.newline || bytes[index] == Scanner.hash {
                guard keyEnd > keyStart else { return fail(keyStart, "expected a variable name") }
                // A bare `KEY`: Compose takes the value from the shell environment.
                entries.append(EnvEntry(key: key, keyRange: ByteRange(keyStart, keyEnd), valueRange: nil, contentRange: nil,
                                        value: nil, quoting: .unquoted, isVerbatim: false, statementRange: ByteRange(statementStart, keyEnd)))
                skipToNextLine()
                return
            }
            let separator = bytes[index]
            guard separator == UInt8(ascii: "=") || separator == UInt8(ascii: ":") else {
                let scalar = source.slice(ByteRange(index, min(index + 4, bytes.count))).first.map(String.init) ?? "?"
                return fail(index, keyEnd == keyStart
                    ? "expected a variable name, found `\(scalar)`"
                    : "unexpected character `\(scalar)` in variable name `\(key)\(scalar)…` (names are letters, digits, `_`, `.` and `-`)")
            }
            guard keyEnd > keyStart else { return fail(keyStart, "missing variable name before `\(Character(UnicodeScalar(separator)))`") }
            index += 1
            while index < bytes.count && isBlank(bytes[index]) { index += 1 }
            let valueStart = index
            if index < bytes.count && (bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"")) {
                quotedValue(key: key, keyRange: ByteRange(keyStart, keyEnd), statementStart: statementStart, quote: bytes[index])
                return
            }
            // Unquoted: up to the line break; ` #` starts a comment; trailing blanks are dropped.
            var end = valueStart
            var contentEnd = valueStart
            while end < bytes.count && bytes[end] != Scanner.newline {
                if bytes[end] == Scanner.hash && (end == valueStart || isBlank(bytes[end - 1])) { break }
                end += 1
                if !isBlank(bytes[end - 1]) { contentEnd = end }
            }
            let range = ByteRange(valueStart, contentEnd)
            entries.append(EnvEntry(key: key, keyRange: ByteRange(keyStart, keyEnd), valueRange: range, contentRange: range,
                                    value: source.slice(range), quoting: .unquoted, isVerbatim: true, statementRange: ByteRange(statementStart, contentEnd)))
            skipToNextLine()
        }

        func matches(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            return index + utf8.count <= bytes.count && Array(bytes[index..<index + utf8.count]) == utf8
        }

        mutating func quotedValue(key: String, keyRange: ByteRange, statementStart: Int, quote: UInt8) {
            let open = index
            var cursor = open + 1
            // The closing quote is the next quote not preceded by a backslash (as Compose finds it).
            while cursor < bytes.count && !(bytes[cursor] == quote && bytes[cursor - 1] != UInt8(ascii: "\\")) { cursor += 1 }
            guard cursor < bytes.count else {
                return fail(open, "unterminated \(quote == UInt8(ascii: "'") ? "single" : "double")-quoted value for `\(key)`")
            }
            let content = ByteRange(open + 1, cursor)
            let raw = source.slice(content)
            let isDouble = quote == UInt8(ascii: "\"")
            let value = isDouble ? Scanner.unescape(raw) : raw
            index = cursor + 1
            // After the closing quote only blanks and a comment may follow on the line.
            var rest = index
            while rest < bytes.count && isBlank(bytes[rest]) { rest += 1 }
            if rest < bytes.count && bytes[rest] != Scanner.newline && bytes[rest] != Scanner.hash {
                entries.append(EnvEntry(key: key, keyRange: keyRange, valueRange: ByteRange(open, index), contentRange: content,
                                        value: value, quoting: isDouble ? .doubleQuoted : .singleQuoted, isVerbatim: value == raw,
                                        statementRange: ByteRange(statementStart, index)))
                index = rest
                return fail(rest, "unexpected text after the closing quote of `\(key)`")
            }
            entries.append(EnvEntry(key: key, keyRange: keyRange, valueRange: ByteRange(open, index), contentRange: content,
                                    value: value, quoting: isDouble ? .doubleQuoted : .singleQuoted, isVerbatim: value == raw,
                                    statementRange: ByteRange(statementStart, index)))
            skipToNextLine()
        }

        /// Double-quoted values: `\n` and `\r` become line breaks; `\X` becomes `X` for any other character
        /// except `$` (kept escaped so that interpolation leaves it literal).
        static func unescape(_ raw: String) -> String {
            var result = ""
            var iterator = raw.unicodeScalars.makeIterator()
            while let scalar = iterator.next() {
                guard scalar == "\\" else { result.unicodeScalars.append(scalar); continue }
                guard let next = iterator.next() else { result.append("\\"); break }
                switch next {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "$": result.append("\\$")
                default: result.unicodeScalars.append(next)
                }
            }
            return result
        }
    }
}
