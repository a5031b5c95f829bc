#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Reads a Dockerfile's stages, `ARG` and `ENV` instructions as BuildKit does: instructions continued over lines
/// with the escape character (`\`, or the one a `# escape=` directive sets), comment and empty lines inside a
/// continuation skipped, here-documents skipped, words split at unquoted whitespace, quotes removed and escapes
/// applied. Every other instruction is passed over. Positions map back to the file through the continuations.
enum DockerfileParser {
    static func parse(_ file: SourceFile) -> Dockerfile {
        var dockerfile = Dockerfile(source: file)
        let bytes = file.bytes
        let lines = physicalLines(bytes)
        let escape = escapeCharacter(lines: lines, bytes: bytes)
        var index = 0
        var pendingHeredocs: [(word: [UInt8], stripsTabs: Bool)] = []
        while index < lines.count {
            let line = lines[index]
            if !pendingHeredocs.isEmpty {
                // Here-document bodies are the instruction's input, never instructions.
                let (word, stripsTabs) = pendingHeredocs[0]
                var text = Array(bytes[line])
                if stripsTabs { text = Array(text.drop { $0 == UInt8(ascii: "\t") }) }
                if text == word { pendingHeredocs.removeFirst() }
                index += 1
                continue
            }
            let content = trimmed(line, in: bytes)
            if content.isEmpty || bytes[content.lowerBound] == UInt8(ascii: "#") { index += 1; continue }
            // One instruction: this line and the lines its escape character continues it onto.
            var logical = LogicalLine()
            var current = index
            while current < lines.count {
                let physical = lines[current]
                let text = trimmed(physical, in: bytes)
                if current != index, text.isEmpty || bytes[text.lowerBound] == UInt8(ascii: "#") { current += 1; continue }
                let continues = !text.isEmpty && bytes[text.upperBound - 1] == escape
                let end = continues ? text.upperBound - 1 : physical.upperBound
                for offset in physical.lowerBound..<end { logical.append(bytes[offset], at: offset) }
                current += 1
                if !continues { break }
                logical.append(UInt8(ascii: " "), at: end)
            }
            index = current
            let statement = ByteRange(logical.offsets.first ?? line.lowerBound, (logical.offsets.last ?? line.lowerBound) + 1)
            let words = Tokenizer(logical: logical, escape: escape).words()
            guard let keyword = words.first.map({ String(decoding: $0.text, as: UTF8.self).uppercased() }) else { continue }
            let arguments = Array(words.dropFirst())
            switch keyword {
            case "FROM": from(arguments, statement: statement, into: &dockerfile)
            case "ARG":
                let declared = arguments.compactMap { argument($0, logical: logical, escape: escape) }
                if dockerfile.stages.isEmpty { dockerfile.globalArguments += declared }
                else { dockerfile.stages[dockerfile.stages.count - 1].definitions += declared.map { .argument($0) } }
            case "ENV":
                guard !dockerfile.stages.isEmpty else { continue }
                let entries = env(arguments, logical: logical, statement: statement, escape: escape)
                dockerfile.stages[dockerfile.stages.count - 1].definitions += entries.map { .env($0) }
            case "RUN", "COPY", "ADD":
                pendingHeredocs = heredocs(in: arguments)
            case "ENTRYPOINT", "CMD":
                guard !dockerfile.stages.isEmpty, let first = words.first else { continue }
                let launch = self.launch(logical, after: first.end, statement: statement)
                if keyword == "CMD" { dockerfile.stages[dockerfile.stages.count - 1].command = launch }
                else { dockerfile.stages[dockerfile.stages.count - 1].entrypoint = launch }
            default: break
            }
        }
        return dockerfile
    }

    // MARK: Lines

    /// Byte ranges of the lines, without their line breaks.
    private static func physicalLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            let end = offset > start && bytes[offset - 1] == UInt8(ascii: "\r") ? offset - 1 : offset
            lines.append(start..<end)
            start = offset + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    private static func trimmed(_ line: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var start = line.lowerBound, end = line.upperBound
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return start..<end
    }

    /// `# escape=`` ` `` among the parser directives at the top of the file; `\` otherwise.
    private static func escapeCharacter(lines: [Range<Int>], bytes: [UInt8]) -> UInt8 {
        for line in lines {
            let text = String(decoding: bytes[trimmed(line, in: bytes)], as: UTF8.self)
            guard text.hasPrefix("#") else { break }
            let directive = String(text.dropFirst()).replacingEvery(" ", with: "").lowercased()
            guard directive.contains("=") else { break }
            if directive.hasPrefix("escape="), let character = directive.dropFirst("escape=".count).utf8.first { return character }
        }
        return UInt8(ascii: "\\")
    }

    // MARK: Instructions

    /// `FROM [--platform=…] image [AS name]`.
    private static func from(_ words: [Word], statement: ByteRange, into dockerfile: inout Dockerfile) {
        let plain = words.filter { !$0.text.starts(with: Array("--".utf8)) }
        guard let image = plain.first else { return }
        var stage = Dockerfile.Stage(base: String(decoding: image.text, as: UTF8.self), name: nil, fromRange: statement)
        if plain.count >= 3, String(decoding: plain[1].text, as: UTF8.self).uppercased() == "AS" {
            stage.name = String(decoding: plain[2].text, as: UTF8.self).lowercased()
        }
        dockerfile.stages.append(stage)
    }

    /// The words of `ENTRYPOINT`/`CMD`: a JSON array of strings (exec form), else the text split at whitespace
    /// (shell form).
    private static func launch(_ logical: LogicalLine, after keywordEnd: Int, statement: ByteRange) -> Dockerfile.Launch {
        let text = String(decoding: logical.bytes[keywordEnd...], as: UTF8.self).blankTrimmed
        if text.hasPrefix("["), let words = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) {
            return Dockerfile.Launch(words: words, isExecForm: true, range: statement)
        }
        return Dockerfile.Launch(words: text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init), isExecForm: false, range: statement)
    }

    /// `NAME` or `NAME=default`, the default read as an `ENV` value is (quotes removed, escapes applied).
    private static func argument(_ word: Word, logical: LogicalLine, escape: UInt8) -> Dockerfile.Argument? {
        guard let equals = word.equalsIndex else {
            return word.text.isEmpty ? nil : Dockerfile.Argument(name: String(decoding: word.text, as: UTF8.self), defaultValue: nil)
        }
        let valueBytes = (equals + 1)..<word.end
        let value = Tokenizer(logical: logical.slice(valueBytes), escape: escape).value(in: 0..<valueBytes.count)
        return Dockerfile.Argument(name: String(decoding: logical.bytes[word.start..<equals], as: UTF8.self), defaultValue: value.text,
                                   substitutes: value.substitutes)
    }

    /// `ENV KEY=value KEY2="value 2"`, or the legacy `ENV KEY value with spaces`.
    private static func env(_ words: [Word], logical: LogicalLine, statement: ByteRange, escape: UInt8) -> [Dockerfile.EnvEntry] {
        guard let first = words.first else { return [] }
        guard first.equalsIndex != nil else {
            // Legacy form: the rest of the instruction, from the second word on, is the value.
            guard words.count >= 2, let valueStart = words.dropFirst().first?.start, let valueEnd = words.last?.end else { return [] }
            let rest = Tokenizer(logical: logical.slice(valueStart..<valueEnd), escape: escape).value(in: 0..<(valueEnd - valueStart))
            return [entry(key: first, keyEnd: first.end, value: rest, valueBytes: valueStart..<valueEnd, logical: logical, statement: statement)]
        }
        return words.compactMap { word in
            guard let equals = word.equalsIndex, equals > word.start else { return nil }
            let valueBytes = (equals + 1)..<word.end
            let value = Tokenizer(logical: logical.slice(valueBytes), escape: escape).value(in: 0..<valueBytes.count)
            return entry(key: word, keyEnd: equals, value: value, valueBytes: valueBytes, logical: logical, statement: statement)
        }
    }

    private static func entry(key word: Word, keyEnd: Int, value: Tokenizer.Value, valueBytes: Range<Int>, logical: LogicalLine,
                              statement: ByteRange) -> Dockerfile.EnvEntry {
        let keyRange = logical.fileRange(word.start..<keyEnd)
        let valueRange = valueBytes.isEmpty ? ByteRange(keyRange.end + 1, keyRange.end + 1) : logical.fileRange(valueBytes)
        var content: ByteRange?
        if let verbatim = value.verbatim {
            let shifted = (valueBytes.lowerBound + verbatim.lowerBound)..<(valueBytes.lowerBound + verbatim.upperBound)
            // Verbatim only when the bytes lie on one line, unbroken by a continuation.
            if let range = logical.contiguousFileRange(shifted) ?? (shifted.isEmpty ? ByteRange(valueRange.start, valueRange.start) : nil) { content = range }
        }
        return Dockerfile.EnvEntry(key: String(decoding: logical.bytes[word.start..<keyEnd], as: UTF8.self), keyRange: keyRange,
                                   rawValue: value.text, substitutes: value.substitutes, valueRange: valueRange, contentRange: content,
                                   statementRange: statement)
    }

    /// The terminators of the here-documents an instruction opens (`<<EOF`, `<<-"END"`), in order.
    private static func heredocs(in words: [Word]) -> [(word: [UInt8], stripsTabs: Bool)] {
        words.compactMap { word in
            // `<<EOF`, or with a file descriptor before it (`2<<EOF`).
            var text = word.text.drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard text.starts(with: Array("<<".utf8)) else { return nil }
            text = text.dropFirst(2)
            let stripsTabs = text.first == UInt8(ascii: "-")
            if stripsTabs { text = text.dropFirst() }
            let terminator = Array(text.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") })
            // A here-document's word is a name (`<<<` here-strings and redirections are not here-documents).
            guard let first = terminator.first, VariableName.isStart(first),
                  terminator.allSatisfy({ VariableName.isByte($0) || $0 == UInt8(ascii: "-") }) else { return nil }
            return (terminator, stripsTabs)
        }
    }
}

/// An instruction's text with its continuations joined, and the file offset of every byte.
struct LogicalLine {
    var bytes: [UInt8] = []
    var offsets: [Int] = []

    mutating func append(_ byte: UInt8, at offset: Int) {
        bytes.append(byte)
        offsets.append(offset)
    }

    func slice(_ range: Range<Int>) -> LogicalLine {
        LogicalLine(bytes: Array(bytes[range]), offsets: Array(offsets[range]))
    }

    /// The file range from the first to the last byte (a value continued over lines spans the break).
    func fileRange(_ range: Range<Int>) -> ByteRange {
        guard !range.isEmpty else { return ByteRange(offsets.last.map { $0 + 1 } ?? 0, offsets.last.map { $0 + 1 } ?? 0) }
        return ByteRange(offsets[range.lowerBound], offsets[range.upperBound - 1] + 1)
    }

    /// The file range when the bytes are consecutive in the file; nil when a continuation breaks them.
    func contiguousFileRange(_ range: Range<Int>) -> ByteRange? {
        guard !range.isEmpty else { return nil }
        let first = offsets[range.lowerBound]
        for (step, index) in range.enumerated() where offsets[index] != first + step { return nil }
        return ByteRange(first, first + range.count)
    }
}

/// A word of an instruction: where it is in the logical line, and its bytes as written.
struct Word {
    var start: Int
    var end: Int
    var text: [UInt8]
    /// The first `=` outside quotes, for `KEY=value` words.
    var equalsIndex: Int?
}

/// Splits an instruction into words and reads a word's value as BuildKit's shell-word rules do.
struct Tokenizer {
    var logical: LogicalLine
    /// The escape character: `\`, or the one a `# escape=` directive sets.
    var escape: UInt8

    /// Words at unquoted whitespace.
    func words() -> [Word] {
        let bytes = logical.bytes
        var words: [Word] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            var quote: UInt8?
            var equals: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == escape, open == UInt8(ascii: "\""), index + 1 < bytes.count { index += 2; continue }
                    if byte == open { quote = nil }
                } else {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { break }
                    if byte == escape, index + 1 < bytes.count { index += 2; continue }
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                    if byte == UInt8(ascii: "="), equals == nil { equals = index }
                }
                index += 1
            }
            words.append(Word(start: start, end: index, text: Array(bytes[start..<index]), equalsIndex: equals))
        }
        return words
    }

    /// Precedes a `$` that was escaped (`\$`): substitution leaves it literal. A NUL byte cannot come from the file.
    static let literalDollarMarker: UInt8 = 0

    /// A value with its quotes removed and escapes applied.
    struct Value {
        var text: String
        /// `$` is substituted unless the value is written in single quotes.
        var substitutes: Bool
        /// Where the value is written verbatim (inside its quotes, no escapes), relative to the value's start.
        var verbatim: Range<Int>?
    }

    func value(in range: Range<Int>) -> Value {
        let bytes = logical.bytes
        var out: [UInt8] = []
        var quote: UInt8?
        var changed = false
        var singleQuoted = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil; index += 1; continue }
                if open == UInt8(ascii: "\""), byte == escape, index + 1 < range.upperBound {
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "\"") || next == escape || next == UInt8(ascii: "$") {
                        // An escaped `$` is marked for the substitution step, which reads it as a literal `$`.
                        out += next == UInt8(ascii: "$") ? [Tokenizer.literalDollarMarker, next] : [next]
                        changed = true
                        index += 2
                        continue
                    }
                }
                out.append(byte)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                if byte == UInt8(ascii: "'") { singleQuoted = true }
            } else if byte == escape, index + 1 < range.upperBound {
                let next = bytes[index + 1]
                out += next == UInt8(ascii: "$") ? [Tokenizer.literalDollarMarker, next] : [next]
                changed = true
                index += 2
                continue
            } else {
                out.append(byte)
            }
            index += 1
        }
        let length = range.count
        var verbatim: Range<Int>?
        if !changed {
            let first = length > 0 ? bytes[range.lowerBound] : 0
            if length >= 2, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"), bytes[range.upperBound - 1] == first,
               out.count == length - 2 {
                verbatim = 1..<(length - 1)
            } else if out.count == length {
                verbatim = 0..<length
            }
        }
        return Value(text: String(decoding: out, as: UTF8.self), substitutes: !singleQuoted, verbatim: verbatim)
    }
}
