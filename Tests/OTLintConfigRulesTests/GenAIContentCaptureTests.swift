import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL401: GenAI message content captured in production.
final class GenAIContentCaptureTests: XCTestCase {
    func testCaptureInProductionIsReportedWithTheTierEvidence() throws {
        let project = try TestProject([".env.production": "OTEL_SERVICE_NAME=chat\nOTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL401").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 52))
        XCTAssertTrue(diagnostic.why?.contains("production") ?? false)
        XCTAssertEqual(diagnostic.fix?.edits.first?.replacement, "false")
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
    }

    func testExperimentalModeNamesAreReported() throws {
        let compose = """
        services:
          chat:
            image: example/chat:2.0
            environment:
              OTEL_RESOURCE_ATTRIBUTES: deployment.environment.name=production
              OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: SPAN_AND_EVENT

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL401").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 6, column: 59))
        XCTAssertEqual(diagnostic.fix?.edits.first?.replacement, "NO_CONTENT")
        XCTAssertFalse(diagnostic.related.isEmpty, "names the tier evidence")
    }

    func testOtherTiersAndOffValuesAreQuiet() throws {
        let project = try TestProject([
            ".env.development": "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true\n",
            ".env": "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true\n",
            ".env.production": "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=false\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL401").map(\.message), [])
    }
}
