import OTLintCore
import XCTest

final class SuppressionTests: XCTestCase {
    private func diagnostic(_ rule: String, line: Int, path: String = ".env") -> Diagnostic {
        let position = LineColumn(line: line, column: 1)
        return Diagnostic(ruleID: rule, severity: .warning, message: "m",
                          location: SourceLocation(path: path, range: ByteRange(0, 0), start: position, end: position))
    }

    func testTrailingCommentCoversItsOwnLine() {
        let file = SourceFile(path: ".env", text: "A=1\nOTEL_X=1 # otlint: disable=OTL001 -- vendor variable\nB=2\n")
        let suppressions = SuppressionScanner.scan(file)
        XCTAssertEqual(suppressions.count, 1)
        XCTAssertEqual(suppressions[0].reason, "vendor variable")
        XCTAssertTrue(suppressions[0].covers(diagnostic("OTL001", line: 2)))
        XCTAssertFalse(suppressions[0].covers(diagnostic("OTL001", line: 3)))
        XCTAssertFalse(suppressions[0].covers(diagnostic("OTL002", line: 2)))
        XCTAssertEqual(file.slice(suppressions[0].removalRange), " # otlint: disable=OTL001 -- vendor variable")
    }

    func testOwnLineCommentCoversNextContentLine() {
        let file = SourceFile(path: "docker-compose.yml", text: "env:\n  # otlint: disable=OTL101,OTL102\n\n  # another comment\n  X: 1\n")
        let suppression = SuppressionScanner.scan(file)[0]
        XCTAssertEqual(suppression.ruleIDs, ["OTL101", "OTL102"])
        XCTAssertTrue(suppression.covers(diagnostic("OTL102", line: 5, path: "docker-compose.yml")))
        XCTAssertEqual(file.slice(suppression.removalRange), "  # otlint: disable=OTL101,OTL102\n")
    }

    func testSwiftDirectives() {
        let text = """
        // otlint:disable-file OTL405
        let a = 1
        // otlint:disable-next-line OTL201 because tests export in-process
        let p = SimpleSpanProcessor(spanExporter: e)
        let q = 2 // otlint:disable-line OTL501
        """
        let suppressions = SuppressionScanner.scan(SourceFile(path: "A.swift", text: text))
        XCTAssertEqual(suppressions.count, 3)
        XCTAssertEqual(suppressions[0].scope, .file)
        XCTAssertEqual(suppressions[1].scope, .line(4))
        XCTAssertEqual(suppressions[1].reason, "tests export in-process")
        XCTAssertEqual(suppressions[2].scope, .line(5))
    }

    func testTextThatIsNotACommentIsIgnored() {
        // `#` inside a value (no space before it) does not start a YAML or env comment.
        let file = SourceFile(path: ".env", text: "URL=http://x/#otlint: disable=OTL001\nA=\"otlint: disable=OTL001\"\n")
        XCTAssertTrue(SuppressionScanner.scan(file).isEmpty)
        XCTAssertTrue(SuppressionScanner.scan(SourceFile(path: ".env", text: "# otlint: disable\n")).isEmpty)
        XCTAssertTrue(SuppressionScanner.scan(SourceFile(path: ".env", text: "# otlint: disabled=OTL1\n")).isEmpty)
    }
}
