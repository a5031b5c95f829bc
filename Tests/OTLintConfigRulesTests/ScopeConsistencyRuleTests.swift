import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class ConflictingDefinitionsRuleTests: XCTestCase {
    func testEnvironmentOverridesEnvFileAndSaysWhy() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    env_file: otel.env\n    environment:\n      OTEL_SERVICE_NAME: api\n",
            "otel.env": "# defaults\nOTEL_SERVICE_NAME=api-service\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL004").first)
        XCTAssertEqual(diagnostic.severity, .info, "an override across files is often deliberate")
        XCTAssertTrue(diagnostic.location.path.hasSuffix("otel.env"))
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 19))
        XCTAssertTrue(diagnostic.message.contains("overridden by `api` in `environment:` of `docker-compose.yml`"), diagnostic.message)
        XCTAssertTrue(diagnostic.why?.contains("precedence over its `env_file:`") == true)
        XCTAssertEqual(diagnostic.related.last?.location.start, LineColumn(line: 5, column: 26))
        XCTAssertNil(diagnostic.fix)
    }

    func testASharedEnvFileThatOneServiceSpecialisesIsNoConflict() throws {
        let compose = "services:\n  api:\n    env_file: otel.env\n    environment:\n      OTEL_SERVICE_NAME: api\n"
            + "  worker:\n    env_file: otel.env\n"
        let project = try TestProject(["docker-compose.yml": compose, "otel.env": "OTEL_SERVICE_NAME=worker\n"])
        XCTAssertEqual(project.diagnostics("OTL004").map(\.message), [], "`worker` runs with the env file's name")
        // When every service that loads the file overrides it, the line is dead.
        let bothOverride = compose + "    environment:\n      OTEL_SERVICE_NAME: jobs\n"
        XCTAssertEqual(try TestProject(["docker-compose.yml": bothOverride, "otel.env": "OTEL_SERVICE_NAME=worker\n"])
            .diagnostics("OTL004").map(\.location.start.line).first, 1)
    }

    func testTwoEnvFilesSameFileTwiceAndEmptyValue() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    env_file: [a.env, b.env]\n    environment:\n      - OTEL_TRACES_SAMPLER=\n",
            "a.env": "OTEL_PROPAGATORS=b3\n",
            "b.env": "OTEL_PROPAGATORS=tracecontext\nOTEL_TRACES_SAMPLER=always_on\nOTEL_TRACES_SAMPLER=always_off\n",
        ])
        let diagnostics = project.diagnostics("OTL004").sorted(by: Diagnostic.outputOrder)
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertEqual(diagnostics.map(\.severity), [.info, .warning, .info], "twice in one file is a mistake")
        XCTAssertTrue(diagnostics[0].why?.contains("a later file overrides an earlier one") == true)
        XCTAssertTrue(diagnostics[1].message.contains("an empty value (which unsets it)"), diagnostics[1].message)
        XCTAssertEqual(diagnostics[1].location.start.line, 2)
        XCTAssertEqual(diagnostics[2].location.start.line, 3)
    }

    func testHeaderValuesAreNeverPrinted() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_HEADERS=api-key=abcdef0123456789\nOTEL_EXPORTER_OTLP_HEADERS=api-key=zyxwvu9876543210\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL004").first)
        XCTAssertFalse(diagnostic.message.contains("abcdef"), diagnostic.message)
        XCTAssertFalse(diagnostic.message.contains("zyxwvu"), diagnostic.message)
        XCTAssertFalse(diagnostic.why?.contains("zyxwvu") ?? true)
        XCTAssertEqual(diagnostic.maskedRanges.count, 2)
    }

    func testDuplicateMappingKeyIsAnErrorAtTheFirstKey() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_SERVICE_NAME: a\n      OTEL_SERVICE_NAME: a\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL004").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 7))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 4, column: 24))
    }

    func testQuietForSameValuesMergeOverridesAndUnknownValues() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            x-otel: &otel
              OTEL_SERVICE_NAME: base
            services:
              api:
                env_file: otel.env
                environment:
                  <<: *otel
                  OTEL_SERVICE_NAME: api
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
                  OTEL_TRACES_SAMPLER: ${SAMPLER}

            """,
            "otel.env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\nOTEL_TRACES_SAMPLER=always_on\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL004").map(\.message), [])
    }
}

extension ConflictingDefinitionsRuleTests {
    func testEnvironmentFileLayeredOverTheBaseIsNotAConflict() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    env_file: [common.env]\n    environment:\n      OTEL_SERVICE_NAME: api\n",
            "docker-compose.prod.yml": "services:\n  api:\n    env_file: [prod.env]\n    environment:\n      OTEL_SERVICE_NAME: api-prod\n",
            "common.env": "OTEL_PROPAGATORS=tracecontext\n",
            "prod.env": "OTEL_PROPAGATORS=tracecontext,baggage\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL004").map(\.message), [])
    }

    func testBaseEnvironmentBeatingTheEnvironmentFilesEnvFileIsStillReported() throws {
        // Compose gives `environment:` of any file precedence over every `env_file:`: the prod.env value is dead.
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_PROPAGATORS: tracecontext\n",
            "docker-compose.prod.yml": "services:\n  api:\n    env_file: [prod.env]\n",
            "prod.env": "OTEL_PROPAGATORS=b3\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL004").first)
        XCTAssertTrue(diagnostic.location.path.hasSuffix("prod.env"))
    }
}

final class SDKDisabledRuleTests: XCTestCase {
    func testDisabledWithExporterAndUnsafeFix() throws {
        let compose = "services:\n  api:\n    environment:\n      OTEL_SDK_DISABLED: \"TRUE\"  # debugging\n      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318'\n"
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL003").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 26))
        XCTAssertEqual(diagnostic.related.first?.location.start.line, 5)
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL003", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "\"TRUE\"", with: "\"false\""))
    }

    func testQuietWithoutExportInTestScopesAndWhenFalse() throws {
        let project = try TestProject([
            ".env": "OTEL_SDK_DISABLED=true\nOTEL_SERVICE_NAME=api\n",
            ".env.test": "OTEL_SDK_DISABLED=true\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n",
            "other/.env": "OTEL_SDK_DISABLED=false\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n",
            "third/.env": "OTEL_SDK_DISABLED=true\nOTEL_TRACES_EXPORTER=none\nOTEL_METRICS_EXPORTER=none\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL003").map(\.message), [])
    }
}

final class ConflictingServiceNameRuleTests: XCTestCase {
    func testDisagreeingNamesPointAtTheAttributeAndFixRemovesIt() throws {
        let project = try TestProject([".env": "OTEL_SERVICE_NAME=checkout # the name\nOTEL_RESOURCE_ATTRIBUTES=service.version=2, service.name=checkout-api\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL304").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 58))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 2, column: 70))
        XCTAssertEqual(diagnostic.related.last?.location.start, LineColumn(line: 1, column: 19))
        try project.assertFix("OTL304", file: ".env",
                              becomes: "OTEL_SERVICE_NAME=checkout # the name\nOTEL_RESOURCE_ATTRIBUTES=service.version=2\n")
    }

    func testQuietWhenNamesAgreeOrOneIsMissing() throws {
        let project = try TestProject([
            ".env": "OTEL_SERVICE_NAME=a\nOTEL_RESOURCE_ATTRIBUTES=service.name=a\n",
            "x/.env": "OTEL_RESOURCE_ATTRIBUTES=service.name=b\n",
            "y/.env": "OTEL_SERVICE_NAME=${NAME}\nOTEL_RESOURCE_ATTRIBUTES=service.name=b\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL304").map(\.message), [])
    }
}
