import OTLintCore
@testable import OTLintYAML
import XCTest

final class YAMLParserTests: XCTestCase {
    private func parse(_ text: String) throws -> (SourceFile, [YAMLDocument]) {
        let file = SourceFile(path: "test.yml", text: text)
        return (file, try YAMLParser.parse(file))
    }

    func testScalarRangesAreExactBytes() throws {
        let (file, documents) = try parse("services:\n  api:\n    image: \"otel/col:1\" # c\n")
        let image = try XCTUnwrap(documents.first?.root?["services"]?["api"]?["image"])
        XCTAssertEqual(image.scalar, "otel/col:1")
        XCTAssertEqual(image.scalarStyle, .doubleQuoted)
        XCTAssertEqual(file.slice(image.range), "\"otel/col:1\"")
        XCTAssertEqual(file.lineColumn(at: image.range.start), LineColumn(line: 3, column: 12))
    }

    func testUnicodeColumnsMapToBytes() throws {
        let (file, documents) = try parse("é: ü\nk: \"ß\"\n")
        let value = try XCTUnwrap(documents.first?.root?["k"])
        XCTAssertEqual(file.slice(value.range), "\"ß\"")
        XCTAssertEqual(file.lineColumn(at: value.range.start), LineColumn(line: 2, column: 4))
    }

    func testMergeKeysExplicitWinsAndEarlierSourceWins() throws {
        let yaml = """
        x-a: &a {A: 1, B: a}
        x-b: &b {B: b, C: b}
        svc:
          <<: [*a, *b]
          C: own
        """
        let (_, documents) = try parse(yaml)
        let svc = try XCTUnwrap(documents.first?.root?["svc"])
        XCTAssertEqual(svc["A"]?.scalar, "1")
        XCTAssertEqual(svc["B"]?.scalar, "a")
        XCTAssertEqual(svc["C"]?.scalar, "own")
        XCTAssertEqual(svc.mergedPairs?.count, 3)
        XCTAssertEqual(svc.pair("A")?.isMerged, true)
        XCTAssertEqual(svc.pair("C")?.isMerged, false)
    }

    func testAliasResolvesToAnchoredNode() throws {
        let (file, documents) = try parse("a: &x hello\nb: *x\n")
        let b = try XCTUnwrap(documents.first?.root?["b"])
        XCTAssertEqual(b.scalar, "hello")
        XCTAssertEqual(file.slice(b.range), "hello")
        XCTAssertEqual(file.lineColumn(at: b.range.start).line, 1)
    }

    func testMultiDocumentStream() throws {
        let (_, documents) = try parse("a: 1\n---\nb: 2\n---\n")
        XCTAssertEqual(documents.count, 3)
        XCTAssertEqual(documents[1].root?["b"]?.scalar, "2")
        XCTAssertNil(documents[2].root?.pairs)
    }

    func testBlockScalarStyles() throws {
        let (_, documents) = try parse("l: |\n  one\n  two\nf: >\n  a\n  b\n")
        XCTAssertEqual(documents[0].root?["l"]?.scalar, "one\ntwo\n")
        XCTAssertEqual(documents[0].root?["l"]?.scalarStyle, .literal)
        XCTAssertEqual(documents[0].root?["f"]?.scalar, "a b\n")
        XCTAssertEqual(documents[0].root?["f"]?.scalarStyle, .folded)
    }

    func testInvalidYAMLReportsLibyamlPosition() {
        let file = SourceFile(path: "bad.yml", text: "a: [1, 2\nb: 3\n")
        XCTAssertThrowsError(try YAMLParser.parse(file)) { error in
            let yamlError = error as! YAMLError
            XCTAssertEqual(yamlError.position.line, 2)
            XCTAssertTrue(yamlError.message.contains("flow sequence"), yamlError.message)
        }
    }

    func testTabIndentationIsExplained() {
        let file = SourceFile(path: "compose.yml", text: "services:\n\tapi:\n\t\timage: x\n")
        XCTAssertThrowsError(try YAMLParser.parse(file)) { error in
            let yamlError = error as! YAMLError
            XCTAssertEqual(yamlError.position, LineColumn(line: 2, column: 1))
            XCTAssertTrue(yamlError.message.contains("tab"), yamlError.message)
        }
    }

    func testUnknownAliasIsAnError() {
        XCTAssertThrowsError(try YAMLParser.parse(SourceFile(path: "x.yml", text: "a: *nope\n"))) { error in
            XCTAssertTrue((error as! YAMLError).message.contains("unknown anchor"))
        }
    }

    func testDeepNestingIsRejectedNotCrashing() {
        let text = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try YAMLParser.parse(SourceFile(path: "deep.yml", text: text)))
    }

    func testEmptyInput() throws {
        let (_, documents) = try parse("")
        XCTAssertTrue(documents.isEmpty || documents.allSatisfy { $0.root == nil })
    }

    func testArbitraryBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab: -[]{}&*!|>'\"#%@`\n\t,?<=".utf8)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<60, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            _ = try? YAMLParser.parse(SourceFile(path: "fuzz.yml", bytes: bytes))
        }
    }
}
