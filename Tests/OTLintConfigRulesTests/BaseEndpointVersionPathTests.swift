import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL204: a base endpoint ending in `/v1` gets `v1/traces` appended: `/v1/v1/traces`.
final class BaseEndpointVersionPathTests: XCTestCase {
    func testV1OnTheBaseEndpointIsAnErrorWithASafeFix() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318/v1\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL204").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 50))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 1, column: 53))
        XCTAssertTrue(diagnostic.message.contains("/v1/v1/traces"), diagnostic.message)
        XCTAssertEqual(diagnostic.fix?.applicability, .safe)
        try project.assertFix("OTL204", file: ".env", becomes: "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n")
    }

    func testAFullURLTheApplicationHandsToItsExporterIsUsedAsWritten() throws {
        let files = [".env": "OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.example.com/v1/traces\n",
                     "src/instrumentation.ts": "new OTLPTraceExporter({ url: process.env.OTEL_EXPORTER_OTLP_ENDPOINT })\n"]
        XCTAssertEqual(try TestProject(files).diagnostics("OTL204").map(\.message), [])
        // Where no code reads it, the SDK appends the path again.
        XCTAssertEqual(try TestProject(files.filter { $0.key == ".env" }).diagnostics("OTL204").count, 1)
    }

    func testAPlaceholderEndpointIsNotJudged() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=<Vendor_OTLP_Endpoint>/v1/traces\nOTEL_EXPORTER_OTLP_TRACES_ENDPOINT=VENDOR_TRACES_URL\n"])
        XCTAssertEqual(project.analyze().diagnostics.filter { ["OTL203", "OTL204", "OTL205"].contains($0.ruleID) }.map(\.message), [])
    }

    func testV1WithTrailingSlashInCompose() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/v1/"

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL204")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location.start, LineColumn(line: 5, column: 58))
        try project.assertFix("OTL204", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "4318/v1/", with: "4318/"))
    }

    func testGRPCAndOtherPathsAreQuiet() throws {
        let project = try TestProject([
            ".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317/v1\n",
            ".env.grpc": "OTEL_EXPORTER_OTLP_PROTOCOL=grpc\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318/v1\n",
            ".env.prometheus": "OTEL_EXPORTER_OTLP_ENDPOINT=http://prometheus:9090/api/v1/otlp\n",
            ".env.v10": "OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.example.com/ingest/v10\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL204").map(\.message), [])
    }
}
