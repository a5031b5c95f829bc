#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A line and column, both 1-based. Columns count Unicode scalars, so a column matches what an editor shows
/// for text without combining characters (SARIF `columnKind: unicodeCodePoints`).
public struct LineColumn: Hashable, Sendable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: LineColumn, rhs: LineColumn) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A half-open range of UTF-8 byte offsets into a file's text.
public struct ByteRange: Hashable, Sendable, Codable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var isEmpty: Bool { start == end }
    public var length: Int { end - start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }
}

/// The text of one input file, with a line index for turning byte offsets into lines and columns.
///
/// Every parser keeps byte offsets into this text, so a diagnostic points at the exact token and a fix is a
/// plain text edit.
public final class SourceFile: @unchecked Sendable {
    /// The path as the user gave it or discovery found it (used in every output).
    public let path: String
    /// The UTF-8 bytes of the file.
    public let bytes: [UInt8]

    // The decoded text and the line index are built on first use: a file that a pre-filter skips (most
    // Swift files of a project) never pays for them.
    private let lock = Lock()
    private var cachedText: String?
    private var cachedLineStarts: [Int]?
    private var cachedIsASCII: Bool?
    private var cachedScalarIndex: ScalarIndex?

    /// The text, decoded once.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        if let cachedText { return cachedText }
        let decoded = String(decoding: bytes, as: UTF8.self)
        cachedText = decoded
        return decoded
    }

    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public var lineStarts: [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let cachedLineStarts { return cachedLineStarts }
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        cachedLineStarts = starts
        return starts
    }

    /// Whether every byte is ASCII, so a column is a byte count: positions are then found without walking the
    /// line (a file written on one line would otherwise be walked from its start for every position).
    public var isASCII: Bool {
        lock.lock()
        defer { lock.unlock() }
        if let cachedIsASCII { return cachedIsASCII }
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        cachedIsASCII = ascii
        return ascii
    }

    /// For long lines of non-ASCII text (see `ScalarIndex`), built on first use.
    private var scalarIndex: ScalarIndex {
        lock.lock()
        defer { lock.unlock() }
        if let cachedScalarIndex { return cachedScalarIndex }
        let index = ScalarIndex(bytes)
        cachedScalarIndex = index
        return index
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// Length of a UTF-8 byte order mark at the start of the file (3), else 0. Editors do not show it, so reported
    /// columns on line 1 count from the byte after it.
    public var byteOrderMarkLength: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Where the visible text of a 0-based line starts: after the byte order mark on the first line.
    public func contentStart(ofLine line: Int) -> Int {
        contentStart(ofLine: line, lineStarts: lineStarts)
    }

    private func contentStart(ofLine line: Int, lineStarts: [Int]) -> Int {
        line == 0 ? byteOrderMarkLength : lineStarts[line]
    }

    /// The 0-based line index that contains `offset`.
    public func lineIndex(containing offset: Int) -> Int {
        let lineStarts = self.lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// 1-based line and column of a byte offset.
    public func lineColumn(at offset: Int) -> LineColumn {
        let lineStarts = self.lineStarts
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(containing: clamped)
        if isASCII { return LineColumn(line: line + 1, column: clamped - lineStarts[line] + 1) }
        if clamped - lineStarts[line] > ScalarIndex.stride {
            let index = scalarIndex
            let start = contentStart(ofLine: line, lineStarts: lineStarts)
            return LineColumn(line: line + 1, column: 1 + index.scalars(before: clamped) - index.scalars(before: start))
        }
        var column = 1
        var index = contentStart(ofLine: line, lineStarts: lineStarts)
        while index < clamped {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // A range that starts in the middle of a scalar counts from that scalar.
        return LineColumn(line: line + 1, column: column)
    }

    /// Byte offset of a 0-based line and 0-based column counted in Unicode scalars (the way libyaml counts).
    public func byteOffset(line: Int, scalarColumn: Int) -> Int {
        let lineStarts = self.lineStarts
        guard line < lineStarts.count else { return bytes.count }
        // libyaml's scanner skips a byte order mark as one column, so columns here count it: start at the line start.
        if isASCII { return min(lineStarts[line] + max(scalarColumn, 0), bytes.count) }
        if scalarColumn > ScalarIndex.stride && lineStarts[line] < bytes.count {
            // `scalarColumn` steps, each to the next scalar start: the scalarColumn-th scalar start after the line's.
            let index = scalarIndex
            return index.offset(ofScalar: index.scalars(before: lineStarts[line] + 1) + scalarColumn - 1)
        }
        var index = lineStarts[line]
        var remaining = scalarColumn
        while remaining > 0 && index < bytes.count {
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The text of a 1-based line, without its line break (and without the byte order mark on line 1).
    public func lineText(_ line: Int) -> Substring {
        let lineStarts = self.lineStarts
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = contentStart(ofLine: line - 1, lineStarts: lineStarts)
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The text in a byte range.
    public func slice(_ range: ByteRange) -> String {
        let start = min(max(range.start, 0), bytes.count)
        let end = min(max(range.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The resolved location of a byte range in this file.
    public func location(_ range: ByteRange) -> SourceLocation {
        SourceLocation(path: path, range: range, start: lineColumn(at: range.start), end: lineColumn(at: range.end))
    }
}

/// A resolved place in a file: path, byte range, and 1-based start and end line/column.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var path: String
    public var range: ByteRange
    public var start: LineColumn
    public var end: LineColumn

    public init(path: String, range: ByteRange, start: LineColumn, end: LineColumn) {
        self.path = path
        self.range = range
        self.start = start
        self.end = end
    }
}
