import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL002: `- KEY="value"` in a compose `environment:` list keeps the quotes in the value.
final class QuotedListValueTests: XCTestCase {
    func testQuotesInAListItemAreReportedAndRemoved() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              - OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf"
              - OTEL_EXPORTER_OTLP_ENDPOINT='http://collector:4318'

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL002")
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 5, column: 37))
        XCTAssertEqual(diagnostics[0].severity, .warning)
        XCTAssertTrue(diagnostics[0].message.contains("includes its double quotes"), diagnostics[0].message)
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 6, column: 37))
        XCTAssertEqual(diagnostics[1].severity, .error, "a quoted URL cannot be parsed: nothing is exported")
        XCTAssertEqual(diagnostics[0].fix?.applicability, .safe)
        try project.assertFix("OTL002", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "\"http/protobuf\"", with: "http/protobuf"))
    }

    func testTheMessageSaysWhatTheQuotesDoToEachKindOfValue() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              - OTEL_RESOURCE_ATTRIBUTES="service.name=api,team=core"
              - OTEL_PROPAGATORS="tracecontext,baggage"
              - OTEL_SERVICE_NAME="api"
              - OTEL_TRACES_SAMPLER="always_off"
              - OTEL_NODE_RESOURCE_DETECTORS="env"

        """
        let messages = try TestProject(["docker-compose.yml": compose]).diagnostics("OTL002").map(\.message)
        XCTAssertEqual(messages.map { $0.components(separatedBy: "quotes: ").last ?? "" }, [
            "the first key and the last value include a quote, so neither means what it says",
            "the first and last items include a quote, so SDKs do not recognise them",
            "they become part of the value",
            "SDKs do not recognise it and fall back to the default",
            "the SDK reads them as part of the value",
        ])
    }

    func testLanguageFamilyVariablesAreJudgedAndApplicationNamesAreNot() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              - OTEL_NODE_DISABLED_INSTRUMENTATIONS="fs"
              - OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST="x-tenant"
              - OTEL_APP_BANNER="hello"

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL002")
        XCTAssertEqual(diagnostics.map(\.location.start), [LineColumn(line: 5, column: 45), LineColumn(line: 6, column: 66)],
                       "an `OTEL_` name outside the SDKs' families may be the application's own, which may want the quotes")
        XCTAssertEqual(diagnostics.first?.severity, .warning)
    }

    func testQuotedItemsMappingsAndEnvFilesAreQuiet() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              - "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"
              - 'OTEL_SERVICE_NAME=api'
          worker:
            image: example/worker:1.4
            env_file: worker.env
            environment:
              OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf"

        """
        let project = try TestProject(["docker-compose.yml": compose, "worker.env": "OTEL_SDK_DISABLED=\"false\"\n"])
        XCTAssertEqual(project.diagnostics("OTL002").map(\.message), [])
    }

    func testHeaderValueIsNeverPrinted() throws {
        let compose = """
        services:
          api:
            image: example/api:1.4
            environment:
              - OTEL_EXPORTER_OTLP_HEADERS="x-api-key=s3cr3tvalue123"

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertFalse(diagnostic.message.contains("s3cr3t"), diagnostic.message)
        XCTAssertFalse((diagnostic.help ?? "").contains("s3cr3t"))
        XCTAssertFalse(diagnostic.fix?.edits.contains { $0.replacement.contains("s3cr3t") } ?? true)
    }
}
