import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL207: variables of the retired Jaeger client libraries in an application's environment.
final class JaegerClientVariableTests: XCTestCase {
    func testApplicationServiceIsReportedAndBackendsAreNot() throws {
        let compose = """
        services:
          api:
            build: ./api
            environment:
              JAEGER_AGENT_HOST: jaeger
              JAEGER_SAMPLER_TYPE: const
          jaeger:
            image: jaegertracing/all-in-one:1.60
            environment:
              JAEGER_DISABLED: "true"
          collector:
            image: otel/opentelemetry-collector-contrib:0.110.0
            environment:
              JAEGER_AGENT_HOST: localhost
          unknown:
            image: ${APP_IMAGE}
            environment:
              JAEGER_SERVICE_NAME: unknown

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL207")
        XCTAssertEqual(diagnostics.map(\.location.start), [LineColumn(line: 5, column: 7), LineColumn(line: 6, column: 7)])
        XCTAssertTrue(diagnostics[0].message.contains("OTEL_EXPORTER_OTLP_ENDPOINT"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("OTEL_TRACES_SAMPLER"), diagnostics[1].message)
        XCTAssertEqual(diagnostics[0].severity, .warning)
    }

    func testEnvFileOnlyWhenItAlsoConfiguresOpenTelemetry() throws {
        let project = try TestProject([
            "app/.env": "OTEL_SERVICE_NAME=api\nJAEGER_ENDPOINT=http://jaeger:14268/api/traces\n",
            "jaeger/.env": "JAEGER_DISABLED=true\n",
        ])
        let diagnostics = project.diagnostics("OTL207")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location.path.hasSuffix("app/.env"), true)
        XCTAssertEqual(diagnostics.first?.location.start, LineColumn(line: 2, column: 1))
    }
}
