import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class EnvFileParserTests: XCTestCase {
    func testPlainExportQuotedAndBareEntries() {
        let text = """
        # comment
        A=1
        export B=two words # trailing comment
        C='single $NOT #kept'
        D="line\\nbreak \\"quoted\\" back\\\\slash"
        E
        F=
        G=a#b
        H: yaml style

        """
        let (file, errors) = envFile(text)
        XCTAssertEqual(errors, [])
        let entries = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.key, $0) })
        XCTAssertEqual(file.entries.map(\.key), ["A", "B", "C", "D", "E", "F", "G", "H"])
        XCTAssertEqual(entries["A"]?.value, "1")
        XCTAssertEqual(entries["B"]?.value, "two words")
        XCTAssertEqual(entries["C"]?.value, "single $NOT #kept")
        XCTAssertEqual(entries["C"]?.quoting, .singleQuoted)
        XCTAssertEqual(entries["D"]?.value, "line\nbreak \"quoted\" back\\slash")
        XCTAssertEqual(entries["D"]?.isVerbatim, false)
        XCTAssertNil(entries["E"]?.value)
        XCTAssertEqual(entries["F"]?.value, "")
        XCTAssertEqual(entries["G"]?.value, "a#b")
        XCTAssertEqual(entries["H"]?.value, "yaml style")
        let source = file.source
        XCTAssertEqual(source.slice(entries["B"]!.keyRange), "B")
        XCTAssertEqual(source.slice(entries["B"]!.valueRange!), "two words")
        XCTAssertEqual(source.slice(entries["C"]!.valueRange!), "'single $NOT #kept'")
        XCTAssertEqual(source.slice(entries["C"]!.contentRange!), "single $NOT #kept")
        XCTAssertEqual(source.lineColumn(at: entries["B"]!.keyRange.start), LineColumn(line: 3, column: 8))
    }

    func testCRLFAndMultilineQuotedValues() {
        let (file, errors) = envFile("A=1\r\nB=\"x\r\ny\"\r\nC=3\r\n")
        XCTAssertEqual(errors, [])
        XCTAssertEqual(file.entries.map(\.key), ["A", "B", "C"])
        XCTAssertEqual(file.entries[0].value, "1")
        XCTAssertEqual(file.entries[1].value, "x\r\ny")
        XCTAssertEqual(file.entries[2].value, "3")
    }

    func testInvalidLinesAreReportedAndTheRestStillCounts() {
        let (file, errors) = envFile("A=1\nNOT VALID\nC=3\nD=\"x\" junk\nE=5\nB=\"unterminated\n")
        XCTAssertEqual(errors.map { $0.position?.line }, [2, 4, 6])
        XCTAssertTrue(file.entries.contains { $0.key == "A" })
        XCTAssertTrue(file.entries.contains { $0.key == "C" && $0.value == "3" })
        XCTAssertTrue(file.entries.contains { $0.key == "E" && $0.value == "5" })
    }

    func testArbitraryBytesNeverCrash() {
        for text in ["=", "'", "\"", "export", "export ", "A", "A=\"\\", "\u{FEFF}A=1", "é=ü", "#", "A='", "\0"] {
            _ = envFile(text)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...127, using: &generator) }
            _ = EnvFileParser.parse(SourceFile(path: ".env", bytes: bytes))
        }
    }
}
