import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// A UTF-8 byte order mark (saved by some Windows editors) is invisible: columns on line 1 count from the byte
/// after it, and it is never part of a name.
final class ByteOrderMarkTests: XCTestCase {
    static let bom = "\u{FEFF}"

    func testColumnsOnTheFirstLineSkipTheMark() {
        let file = SourceFile(path: ".env", text: Self.bom + "AB=1\nC=2\n")
        XCTAssertEqual(file.byteOrderMarkLength, 3)
        XCTAssertEqual(file.lineColumn(at: 3), LineColumn(line: 1, column: 1))
        XCTAssertEqual(file.lineColumn(at: 6), LineColumn(line: 1, column: 4))
        XCTAssertEqual(file.lineColumn(at: 8), LineColumn(line: 2, column: 1))
        XCTAssertEqual(file.byteOffset(line: 0, scalarColumn: 1), 3, "libyaml counts the mark as one column")
        XCTAssertEqual(file.byteOffset(line: 1, scalarColumn: 2), 10)
        XCTAssertEqual(String(file.lineText(1)), "AB=1")
    }

    func testEnvFileKeyDoesNotIncludeTheMarkAndColumnsAreExact() throws {
        let (env, errors) = envFile(Self.bom + "OTEL_SDK_DISABLED=1\n")
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(env.entries.first?.key, "OTEL_SDK_DISABLED")
        let project = try TestProject([".env": Self.bom + "OTEL_SDK_DISABLED=1\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 19))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 1, column: 20))
    }

    func testComposeColumnsAndFixesOnTheFirstLine() throws {
        let compose = Self.bom + "services: {api: {image: example/api, environment: {OTEL_SDK_DISABLED: \"1\"}}}\n"
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 71))
        // Foundation drops the mark when it reads the file as a String: check the edit on the bytes.
        let edit = try XCTUnwrap(diagnostic.fix?.edits.first)
        let one = try XCTUnwrap(Array(compose.utf8).firstIndex(of: UInt8(ascii: "1")))
        XCTAssertEqual(edit.range, ByteRange(one, one + 1))
        XCTAssertEqual(edit.replacement, "true")
    }

    func testABlockFileWithSeveralTopLevelKeysParses() throws {
        // libyaml counts the mark as a column: the first key would open the mapping at column 1 and the next
        // top-level key would end it.
        let compose = Self.bom + "services:\n  api:\n    image: example/api\n    environment:\n      OTEL_SDK_DISABLED: \"1\"\nvolumes:\n  data: {}\n"
        let project = try TestProject(["docker-compose.yml": compose])
        XCTAssertEqual(project.analyze().inputErrors.map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL002").map(\.location.start), [LineColumn(line: 5, column: 26)])
        let collector = Self.bom + "receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n      processors: [batch]\n"
        let config = try TestProject(["otel-collector-config.yaml": collector])
        XCTAssertEqual(config.analyze().inputErrors.map(\.message), [])
        XCTAssertEqual(config.diagnostics("OTL701").map(\.location.start), [LineColumn(line: 12, column: 20)])
        XCTAssertEqual(config.diagnostics("OTL702").map(\.location.start), [], "every component is used")
    }
}
