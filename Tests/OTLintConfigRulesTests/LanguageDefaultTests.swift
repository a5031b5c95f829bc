import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL203 with no protocol set, where the service's language and auto-instrumentation launcher fix the default.
final class LanguageDefaultProtocolTests: XCTestCase {
    func testPythonLauncherOnTheHTTPPortIsAnError() throws {
        let compose = """
        services:
          api:
            image: python:3.12-slim
            command: ["opentelemetry-instrument", "uvicorn", "app:app"]
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 7, column: 53))
        XCTAssertTrue(diagnostic.message.contains("`grpc`"), diagnostic.message)
        XCTAssertEqual(diagnostic.related.map(\.location.start.line), [3, 4], "the image and the launcher are the evidence")
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL203", file: "docker-compose.yml", becomes: compose.replacingOccurrences(
            of: "http://collector:4318\n", with: "http://collector:4318\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n"))
    }

    func testNodeRegisterInNodeOptionsOnTheGRPCPort() throws {
        let compose = """
        services:
          web:
            build: ./web
            environment:
              - NODE_OPTIONS=--require @opentelemetry/auto-instrumentations-node/register
              - OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4317

        """
        let project = try TestProject(["docker-compose.yml": compose, "web/package.json": "{}\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 6, column: 61))
        XCTAssertTrue(diagnostic.message.contains("`http/protobuf`"), diagnostic.message)
        XCTAssertEqual(diagnostic.fix?.edits.first?.replacement, "\n      - OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc")
    }

    func testPythonLauncherInTheDockerfile() throws {
        let compose = """
        services:
          worker:
            build:
              context: ./worker
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318

        """
        let project = try TestProject([
            "docker-compose.yml": compose, "worker/requirements.txt": "opentelemetry-distro\n",
            "worker/Dockerfile": "FROM python:3.12\nCMD [\"opentelemetry-instrument\", \"python\", \"worker.py\"]\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 6, column: 53))
        XCTAssertEqual(diagnostic.related.last?.location.path.hasSuffix("worker/Dockerfile"), true)
    }

    func testUnknownLauncherAmbiguousLanguageAndOtherLanguagesAreQuiet() throws {
        let compose = """
        services:
          plain-python:
            image: python:3.12
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
          mixed:
            build: ./mixed
            command: opentelemetry-instrument python app.py
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
          java:
            image: eclipse-temurin:21
            environment:
              JAVA_TOOL_OPTIONS: -javaagent:/otel/opentelemetry-javaagent.jar
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317
          go:
            image: golang:1.23
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
          named-exporter:
            image: python:3.12
            command: opentelemetry-instrument python app.py
            environment:
              OTEL_TRACES_EXPORTER: otlp_proto_http
              OTEL_METRICS_EXPORTER: none
              OTEL_LOGS_EXPORTER: none
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
          matching:
            image: python:3.12
            command: opentelemetry-instrument python app.py
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317

        """
        let project = try TestProject(["docker-compose.yml": compose, "mixed/package.json": "{}\n", "mixed/requirements.txt": "flask\n"])
        XCTAssertEqual(project.diagnostics("OTL203").map(\.message), [])
    }
}

/// OTL202: Python reads the OTLP exporter timeout in seconds.
final class PythonTimeoutSecondsTests: XCTestCase {
    func testMillisecondsInAPythonServiceAreReported() throws {
        let compose = """
        services:
          api:
            image: python:3.12
            environment:
              OTEL_EXPORTER_OTLP_TIMEOUT: "10000"
              OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: "30"

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL202")
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 5, column: 35))
        XCTAssertTrue(diagnostic.message.contains("2.8 hours"), diagnostic.message)
        XCTAssertEqual(diagnostic.fix?.edits.first?.replacement, "10")
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
    }

    func testOtherLanguagesAndUnknownServicesAreQuiet() throws {
        let compose = """
        services:
          web:
            image: node:22
            environment:
              OTEL_EXPORTER_OTLP_TIMEOUT: "10000"
          app:
            image: example/app:1.0
            environment:
              OTEL_EXPORTER_OTLP_TIMEOUT: "10000"

        """
        let project = try TestProject(["docker-compose.yml": compose, ".env": "OTEL_EXPORTER_OTLP_TIMEOUT=10000\n"])
        XCTAssertEqual(project.diagnostics("OTL202").map(\.message), [])
    }
}
