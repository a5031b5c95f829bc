import OTLintCore
import OTLintYAML

/// Adds keys to a block mapping of a YAML file, in the file's own indentation, keeping every other byte.
enum YAMLInsertion {
    /// Inserts `lines` (each `key: value`, relative indentation in leading spaces) as children of the mapping value
    /// of `key`: before its first child when it has children in block style, or on new lines under `key` when it
    /// has no value. nil when the value is written otherwise (flow style, a scalar), where no edit is offered.
    static func children(_ lines: [String], under key: YAMLNode, value: YAMLNode, in file: SourceFile) -> TextEdit? {
        let keyIndent = indentation(ofLineAt: key.range.start, in: file)
        if let first = value.pairs?.first {
            // Block mapping: the first child's line shows the children's indentation.
            let childStart = first.key.range.start
            guard file.bytes[value.range.start] != UInt8(ascii: "{") else { return nil }
            let indent = indentation(ofLineAt: childStart, in: file)
            let lineStart = file.lineStarts[file.lineIndex(containing: childStart)]
            guard lineStart + indent == childStart else { return nil }
            let text = lines.map { String(repeating: " ", count: indent) + $0 + lineBreak(in: file) }.joined()
            return TextEdit(path: file.path, range: ByteRange(lineStart, lineStart), replacement: text)
        }
        guard value.isNull, value.range.isEmpty || file.slice(value.range).blankTrimmed.isEmpty else { return nil }
        let line = file.lineIndex(containing: key.range.start)
        var lineEnd = line + 1 < file.lineStarts.count ? file.lineStarts[line + 1] - 1 : file.bytes.count
        if lineEnd > 0, lineEnd <= file.bytes.count, lineEnd > file.lineStarts[line], file.bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        // The rest of the key's line must be the colon and perhaps a comment.
        let rest = file.slice(ByteRange(key.range.end, lineEnd)).blankTrimmed
        guard rest == ":" || rest.hasPrefix(": #") || rest.hasPrefix(":#") else { return nil }
        let indent = keyIndent + indentationUnit(in: file, near: key)
        let text = lines.map { lineBreak(in: file) + String(repeating: " ", count: indent) + $0 }.joined()
        return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: text)
    }

    /// Inserts `lines` as siblings right after the entry `pair` (a key and its scalar value on one line).
    static func siblings(_ lines: [String], after pair: YAMLPair, in file: SourceFile) -> TextEdit? {
        guard pair.value.scalar != nil else { return nil }
        let keyLine = file.lineIndex(containing: pair.key.range.start)
        guard file.lineIndex(containing: max(pair.value.range.end - 1, pair.value.range.start)) == keyLine else { return nil }
        let indent = indentation(ofLineAt: pair.key.range.start, in: file)
        guard file.lineStarts[keyLine] + indent == pair.key.range.start else { return nil }
        var lineEnd = keyLine + 1 < file.lineStarts.count ? file.lineStarts[keyLine + 1] - 1 : file.bytes.count
        if lineEnd > file.lineStarts[keyLine], file.bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let text = lines.map { lineBreak(in: file) + String(repeating: " ", count: indent) + $0 }.joined()
        return TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: text)
    }

    /// The number of spaces before the first non-blank byte of the line containing `offset`.
    static func indentation(ofLineAt offset: Int, in file: SourceFile) -> Int {
        var index = file.lineStarts[file.lineIndex(containing: offset)]
        var count = 0
        while index < file.bytes.count, file.bytes[index] == UInt8(ascii: " ") { index += 1; count += 1 }
        return count
    }

    /// The file's indentation step: the smallest positive indentation of any line (2 when none).
    static func indentationUnit(in file: SourceFile, near key: YAMLNode) -> Int {
        var unit = Int.max
        for line in 0..<file.lineCount {
            let indent = indentation(ofLineAt: file.lineStarts[line], in: file)
            let start = file.lineStarts[line] + indent
            guard indent > 0, start < file.bytes.count, file.bytes[start] != UInt8(ascii: "\n"), file.bytes[start] != UInt8(ascii: "#") else { continue }
            unit = min(unit, indent)
        }
        return unit == Int.max ? 2 : unit
    }

    static func lineBreak(in file: SourceFile) -> String {
        file.bytes.count > 1 && file.bytes.contains(UInt8(ascii: "\r")) ? "\r\n" : "\n"
    }
}
