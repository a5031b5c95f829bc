import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class RatioSamplerNotParentBasedRuleTests: XCTestCase {
    func testPrefixFixInEnvFileKeepsEverythingElse() throws {
        let project = try TestProject([".env": "# sampling\nOTEL_TRACES_SAMPLER=\"traceidratio\" # 25%\nOTEL_TRACES_SAMPLER_ARG=0.25\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL103").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 21))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 2, column: 35), "the quoted value")
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL103", file: ".env",
                              becomes: "# sampling\nOTEL_TRACES_SAMPLER=\"parentbased_traceidratio\" # 25%\nOTEL_TRACES_SAMPLER_ARG=0.25\n")
        XCTAssertEqual(project.diagnostics("OTL103").count, 0)
    }

    func testComposeWithAnchorsCommentsAndMixedQuoting() throws {
        let compose = """
        x-common: &common
          OTEL_PROPAGATORS: 'tracecontext'   # shared
        services:
          api:
            environment:
              <<: *common
              OTEL_SERVICE_NAME: "api"
              OTEL_TRACES_SAMPLER: TraceIdRatio  # keep a quarter
          worker:
            environment:
              - "OTEL_TRACES_SAMPLER=traceidratio"

        """
        let project = try TestProject(["docker-compose.yml": compose])
        XCTAssertEqual(project.diagnostics("OTL103").count, 2)
        try project.assertFix("OTL103", file: "docker-compose.yml", becomes: compose.replacingOccurrences(
            of: "OTEL_TRACES_SAMPLER: TraceIdRatio", with: "OTEL_TRACES_SAMPLER: parentbased_TraceIdRatio"))
        try project.assertFix("OTL103", file: "docker-compose.yml", becomes: compose
            .replacingOccurrences(of: "OTEL_TRACES_SAMPLER: TraceIdRatio", with: "OTEL_TRACES_SAMPLER: parentbased_TraceIdRatio")
            .replacingOccurrences(of: "OTEL_TRACES_SAMPLER=traceidratio", with: "OTEL_TRACES_SAMPLER=parentbased_traceidratio"))
    }

    func testQuietForParentBasedAndUnknownValues() throws {
        let project = try TestProject([".env": "OTEL_TRACES_SAMPLER=parentbased_traceidratio\n",
                                       "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_TRACES_SAMPLER: ${SAMPLER}\n"])
        XCTAssertEqual(project.diagnostics("OTL103").map(\.message), [])
    }
}

final class TracingOffInProductionRuleTests: XCTestCase {
    func testAlwaysOffRatioZeroAndExporterNoneInProduction() throws {
        let project = try TestProject([
            ".env.production": "OTEL_TRACES_SAMPLER=always_off\n",
            "prod/.env": "OTEL_TRACES_SAMPLER=traceidratio\nOTEL_TRACES_SAMPLER_ARG=0.0\n",
            "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_RESOURCE_ATTRIBUTES: deployment.environment.name=production\n      OTEL_TRACES_EXPORTER: none\n",
        ])
        let diagnostics = project.diagnostics("OTL104").sorted(by: Diagnostic.outputOrder)
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertTrue(diagnostics[0].why?.contains("the file name `.env.production`") == true, diagnostics[0].why ?? "")
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 5, column: 29))
        XCTAssertTrue(diagnostics[1].why?.contains("deployment.environment.name=production") == true)
        XCTAssertFalse(diagnostics[1].related.isEmpty, "points at the evidence")
        XCTAssertEqual(diagnostics[2].location.start, LineColumn(line: 2, column: 25), "the ratio")
        XCTAssertTrue(diagnostics[2].why?.contains("the folder `prod/`") == true, diagnostics[2].why ?? "")
    }

    func testParentBasedAlwaysOffIsInfoAndOtherTiersAreQuiet() throws {
        let project = try TestProject([
            ".env.production": "OTEL_TRACES_SAMPLER=parentbased_always_off\n",
            ".env.staging": "OTEL_TRACES_SAMPLER=always_off\n",
            ".env": "OTEL_TRACES_SAMPLER=always_off\n",
            ".env.example": "OTEL_TRACES_SAMPLER=always_off\nOTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production\n",
        ])
        let diagnostics = project.diagnostics("OTL104")
        XCTAssertEqual(diagnostics.map(\.severity), [.info])
        XCTAssertEqual(diagnostics.first?.location.path.hasSuffix(".env.production"), true)
    }
}

final class BatchLimitsRuleTests: XCTestCase {
    func testBatchAboveExplicitAndDefaultQueueSize() throws {
        let project = try TestProject([
            ".env": "OTEL_BSP_MAX_QUEUE_SIZE=100\nOTEL_BSP_MAX_EXPORT_BATCH_SIZE=512\nOTEL_BLRP_MAX_EXPORT_BATCH_SIZE=4096\n",
        ])
        let diagnostics = project.diagnostics("OTL202")
        XCTAssertEqual(diagnostics.map(\.severity), [.error, .error])
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 2, column: 32))
        XCTAssertEqual(diagnostics[0].related.first?.location.start, LineColumn(line: 1, column: 25))
        XCTAssertTrue(diagnostics[1].message.contains("default queue size 2048"))
    }

    func testDelaysAndTimeouts() throws {
        let project = try TestProject(["docker-compose.yml": """
            services:
              api:
                environment:
                  OTEL_BSP_SCHEDULE_DELAY: "0"
                  OTEL_BSP_EXPORT_TIMEOUT: "30"
                  OTEL_BLRP_SCHEDULE_DELAY: "600000"
                  OTEL_BLRP_EXPORT_TIMEOUT: "0"

            """])
        let messages = project.diagnostics("OTL202").map(\.message)
        XCTAssertEqual(messages.count, 4)
        XCTAssertTrue(messages[0].contains("batching is defeated"))
        XCTAssertTrue(messages[1].contains("not seconds"))
        XCTAssertTrue(messages[2].contains("10 min"), messages[2])
        XCTAssertTrue(messages[3].contains("removes the export timeout"))
    }

    /// One unit check for every source: a few milliseconds meant as seconds, thousands of seconds meant as
    /// milliseconds, and never a value whose unit is written.
    func testQuantityLooksWrittenInTheOtherUnit() {
        XCTAssertTrue(Quantity(30, .milliseconds).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 1000))
        XCTAssertFalse(Quantity(200, .milliseconds).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 1000))
        XCTAssertFalse(Quantity(0, .milliseconds).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 1000))
        XCTAssertTrue(Quantity(5000, .seconds).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 500))
        XCTAssertFalse(Quantity(30, .seconds).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 1000))
        XCTAssertFalse(Quantity(5000, .seconds, isUnitWritten: true).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 500))
        XCTAssertFalse(Quantity(5000, .count).looksWrittenInTheOtherUnit(largestPlausibleSeconds: 500))
    }

    func testSensibleAndUnjudgeableValuesAreQuiet() throws {
        let project = try TestProject([".env": """
            OTEL_BSP_MAX_QUEUE_SIZE=4096
            OTEL_BSP_MAX_EXPORT_BATCH_SIZE=4096
            OTEL_BLRP_MAX_QUEUE_SIZE=${QUEUE}
            OTEL_BLRP_MAX_EXPORT_BATCH_SIZE=9000
            OTEL_BSP_SCHEDULE_DELAY=200
            OTEL_BSP_EXPORT_TIMEOUT=5s

            """])
        XCTAssertEqual(project.diagnostics("OTL202").map(\.message), [])
    }
}
