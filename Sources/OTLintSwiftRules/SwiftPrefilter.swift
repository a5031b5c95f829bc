import OTLintCore

/// A cheap text test that lets the analyzer skip parsing files that cannot produce a finding.
///
/// Why it is safe: every Swift rule judges a file only when `SwiftSourceModel.isRelevant`, i.e. when the file
/// imports one of the modules in `SwiftSourceModel.relevantModules` (or inherits one through `@_exported import`,
/// which disables the filter for the run). The filter reads the module name after every `import` keyword in the
/// text, so it finds every import the parser finds (and some the parser would not, in comments and strings,
/// which only costs a parse). A test runs the analyzer over a corpus with and without the filter and expects
/// identical findings.
///
/// Why this shape: one `memmem` pass for `import` costs about as much as reading the file, while searching for a
/// marker per module would cost a pass per marker.
enum SwiftPrefilter {
    static func mayMatter(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var found = false
            ByteSearch.forEach(Self.importKeyword, in: buffer) { offset in
                found = importMayMatter(buffer, keywordAt: offset)
                return !found
            }
            return found
        }
    }

    private static let importKeyword = Array("import".utf8)
    private static let declarationKinds: Set<String> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]

    /// Reads `import [kind] Module` at `start`; true when the module is one the rules look at, or when the text is
    /// too unusual to read (a comment inside the declaration).
    private static func importMayMatter(_ bytes: UnsafeBufferPointer<UInt8>, keywordAt start: Int) -> Bool {
        if start > 0 && isIdentifierByte(bytes[start - 1]) { return false }  // `reimport`
        var index = start + importKeyword.count
        guard index < bytes.count, isWhitespace(bytes[index]) else {
            // `importer`, `import(` are not import declarations; `import/* c */X` is read as one.
            return index < bytes.count && bytes[index] == UInt8(ascii: "/")
        }
        var word = nextWord(bytes, from: &index)
        if let kind = word, declarationKinds.contains(kind) { word = nextWord(bytes, from: &index) }
        guard let module = word else { return index < bytes.count && bytes[index] == UInt8(ascii: "/") }
        return SwiftSourceModel.relevantModules.contains(module)
    }

    /// The identifier after any whitespace (and an optional backtick); nil when something else comes first.
    private static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> String? {
        while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: "`") { index += 1 }
        let start = index
        while index < bytes.count && isIdentifierByte(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
