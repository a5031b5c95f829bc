import XCTest

@testable import OTLintCore

/// Positions on very long lines are found through indexes, with the same results as walking the line, and a
/// text excerpt of such a line shows a window around the finding.
final class LongLineTests: XCTestCase {
    /// Walks the line, as positions were always computed.
    private func walkedColumn(_ file: SourceFile, _ offset: Int) -> LineColumn {
        let line = file.lineIndex(containing: offset)
        var column = 1
        for index in file.lineStarts[line]..<offset where file.bytes[index] & 0xC0 != 0x80 { column += 1 }
        return LineColumn(line: line + 1, column: column)
    }

    private func walkedOffset(_ file: SourceFile, line: Int, column: Int) -> Int {
        var index = file.lineStarts[line]
        var remaining = column
        while remaining > 0 && index < file.bytes.count {
            index += 1
            while index < file.bytes.count && file.bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    func testPositionsOnLongNonASCIILinesMatchAWalk() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "€", "😀", " ", "\n"]
        var text = ""
        for index in 0..<20_000 { text += pieces[index % 97 == 0 ? 5 : Int.random(in: 0..<5, using: &generator)] }
        let file = SourceFile(path: "long.yml", text: text)
        XCTAssertFalse(file.isASCII)
        for offset in stride(from: 0, through: file.bytes.count, by: 37) {
            XCTAssertEqual(file.lineColumn(at: offset), walkedColumn(file, min(offset, file.bytes.count)), "offset \(offset)")
        }
        for line in 0..<file.lineCount {
            for column in [0, 1, 5, 1_025, 2_000, 5_000, 30_000] {
                XCTAssertEqual(file.byteOffset(line: line, scalarColumn: column), walkedOffset(file, line: line, column: column),
                               "line \(line) column \(column)")
            }
        }
    }

    func testExcerptOfALongLineIsAWindowAroundTheFinding() {
        let long = String(repeating: "é", count: 1_000) + "FLAGGED" + String(repeating: "x", count: 1_000)
        let file = SourceFile(path: "long.yml", text: long + "\n")
        let start = 2_000
        let window = ExcerptWindow(line: ByteRange(0, long.utf8.count), flagged: ByteRange(start, start + 7), in: file)
        XCTAssertTrue(window.cutsStart && window.cutsEnd)
        XCTAssertLessThanOrEqual(window.range.length, 2 * ExcerptWindow.context + 8)
        XCTAssertTrue(file.slice(window.range).contains("FLAGGED"))
        let short = ExcerptWindow(line: ByteRange(0, 20), flagged: ByteRange(3, 5), in: SourceFile(path: "s", text: String(repeating: "a", count: 20)))
        XCTAssertEqual(short.range, ByteRange(0, 20))
        XCTAssertFalse(short.cutsStart || short.cutsEnd)
    }
}
