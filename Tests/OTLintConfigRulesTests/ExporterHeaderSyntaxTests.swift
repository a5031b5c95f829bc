import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL002: OTLP headers written `name: value`, or with unencoded spaces.
final class ExporterHeaderSyntaxTests: XCTestCase {
    func testColonSeparatedHeaderIsAnErrorWithoutPrintingTheValue() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_HEADERS=x-tenant=acme,x-api-key: s3cr3tvalue123\n"])
        let diagnostics = project.diagnostics("OTL002")
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 51))
        XCTAssertTrue(diagnostic.message.contains("`x-api-key` header"), diagnostic.message)
        XCTAssertFalse(diagnostic.message.contains("s3cr3t") || (diagnostic.help ?? "").contains("s3cr3t"))
        try project.assertFix("OTL002", file: ".env", becomes: "OTEL_EXPORTER_OTLP_HEADERS=x-tenant=acme,x-api-key=s3cr3tvalue123\n")
    }

    func testSpaceInValueIsInfoAndEncoded() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_TRACES_HEADERS=Authorization=Bearer abc123def456\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertEqual(diagnostic.severity, .info)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 55))
        XCTAssertFalse(diagnostic.message.contains("abc123"), diagnostic.message)
        try project.assertFix("OTL002", file: ".env",
                              becomes: "OTEL_EXPORTER_OTLP_TRACES_HEADERS=Authorization=Bearer%20abc123def456\n")
    }

    func testWellFormedHeadersAreQuiet() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_HEADERS=authorization=Bearer%20abc, x-scope=https://a.example.com\n"])
        XCTAssertEqual(project.diagnostics("OTL002").map(\.message), [])
    }

    func testSecretAfterAColonIsMaskedInExcerpts() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_HEADERS=x-tenant=acme,authorization:Basic dXNlcjpwYXNzd29yZA==\n"])
        let result = project.analyze()
        let file = try XCTUnwrap(try? FileLoader().load(project.paths[0]).get())
        let line = result.secrets.maskedLine(1, of: file)
        XCTAssertFalse(line.contains("dXNlcjpwYXNzd29yZA"), line)
    }
}
