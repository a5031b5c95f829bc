import OTLintCore

/// Reads the module names a Swift file imports straight from its bytes, so the analyzer can skip parsing files
/// that cannot produce a finding.
///
/// Why it is safe: every Swift rule judges a file only when `SwiftSourceModel.isRelevant`, i.e. when the file
/// imports one of `SwiftSourceModel.relevantModules`, or one of them reaches it through an `@_exported import`
/// (see `SwiftReExports`). This reader finds the module after every `import` keyword in the text, so it finds
/// every import the parser finds (and some in comments and strings, which only cost a parse). When the text
/// after `import` is too unusual to read (a comment inside the declaration) it says so, and the file is parsed.
/// A test runs the analyzer over a corpus with and without the filter and expects identical findings.
///
/// Why this shape: one `memmem` pass for `import` costs about as much as reading the file; searching for one
/// marker per module would cost a pass per marker.
enum SwiftPrefilter {
    struct Imports: Sendable {
        var modules: Set<String> = []
        /// Some `import` could not be read (so the file must be parsed to know).
        var hasUnreadableImport = false
    }

    static func imports(in bytes: [UInt8]) -> Imports {
        var result = Imports()
        bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.forEach(importKeyword, in: buffer) { offset in
                readImport(buffer, keywordAt: offset, into: &result)
                return true
            }
        }
        return result
    }

    /// Whether a file with these imports can matter, given the modules re-exported to it.
    static func mayMatter(_ imports: Imports, reExported: Set<String>) -> Bool {
        imports.hasUnreadableImport || !reExported.isEmpty || !imports.modules.isDisjoint(with: SwiftSourceModel.relevantModules)
    }

    static func mayMatter(_ bytes: [UInt8]) -> Bool {
        mayMatter(imports(in: bytes), reExported: [])
    }

    private static let importKeyword = Array("import".utf8)
    /// The kinds an import may name before the module: `import struct M.T`.
    static let declarationKinds: Set<String> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]

    /// Reads `import [kind] Module` at `start`.
    private static func readImport(_ bytes: UnsafeBufferPointer<UInt8>, keywordAt start: Int, into result: inout Imports) {
        if start > 0 && isIdentifierByte(bytes[start - 1]) { return }  // `reimport`
        var index = start + importKeyword.count
        guard index < bytes.count, isWhitespace(bytes[index]) else {
            // `importer`, `import(` are not import declarations; `import/* c */X` is one.
            if index < bytes.count && bytes[index] == UInt8(ascii: "/") { result.hasUnreadableImport = true }
            return
        }
        var word = nextWord(bytes, from: &index)
        if let kind = word, declarationKinds.contains(kind) { word = nextWord(bytes, from: &index) }
        if let module = word {
            result.modules.insert(module)
        } else if index < bytes.count && bytes[index] == UInt8(ascii: "/") {
            result.hasUnreadableImport = true
        }
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
