import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// The Dockerfile reader: `ENV` and `ARG` as BuildKit reads them, the stage a build runs, and the image's
/// environment as the base layer of a compose service's.
final class DockerfileReaderTests: XCTestCase {
    func environment(_ text: String, target: String? = nil, arguments: [String: String?] = [:]) -> [(String, String?)] {
        let file = SourceFile(path: "Dockerfile", bytes: Array(text.utf8))
        return DockerfileEnvironment.definitions(of: DockerfileParser.parse(file), target: target, buildArguments: arguments).map { ($0.name, $0.value) }
    }

    func assertEnvironment(_ text: String, target: String? = nil, arguments: [String: String?] = [:], _ expected: [(String, String?)],
                           file: StaticString = #filePath, line: UInt = #line) {
        let found = environment(text, target: target, arguments: arguments)
        XCTAssertEqual(found.map(\.0), expected.map(\.0), file: file, line: line)
        XCTAssertEqual(found.map(\.1), expected.map(\.1), file: file, line: line)
    }

    func testPairsQuotesAndTheLegacyForm() {
        assertEnvironment("""
        FROM python:3.12
        ENV A=1 B="two words" C='single $X' D=esc\\ aped
        ENV LEGACY value with spaces
        ENV E=
        """, [("A", "1"), ("B", "two words"), ("C", "single $X"), ("D", "esc aped"), ("LEGACY", "value with spaces"), ("E", "")])
    }

    func testContinuationsCommentsAndTheEscapeDirective() {
        assertEnvironment("""
        FROM node:20
        ENV OTEL_SERVICE_NAME=web \\
        # a comment inside the instruction

            OTEL_TRACES_SAMPLER=always_on
        """, [("OTEL_SERVICE_NAME", "web"), ("OTEL_TRACES_SAMPLER", "always_on")])
        assertEnvironment("# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV A=1 `\n    B=C:\\path\n",
                          [("A", "1"), ("B", "C:\\path")])
        // A continuation at the end of the file ends the instruction.
        assertEnvironment("FROM alpine\nENV A=1 \\", [("A", "1")])
    }

    func testSubstitutionFromArgumentsAndEarlierEntries() {
        let text = """
        ARG REGISTRY=docker.io
        ARG PORT=4317
        FROM ${REGISTRY}/python:3.12
        ARG PORT
        ARG HOST=collector
        ENV OTEL_EXPORTER_OTLP_ENDPOINT=http://${HOST}:${PORT} \\
            COPY=$OTEL_EXPORTER_OTLP_ENDPOINT/v1 \\
            DEFAULTED=${MISSING:-fallback} \\
            FROM_IMAGE=$PATH:/app \\
            LITERAL=\\$HOST
        """
        assertEnvironment(text, [("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("COPY", "http://collector:4317/v1"),
                                 ("DEFAULTED", "fallback"), ("FROM_IMAGE", nil), ("LITERAL", "$HOST")])
        // Compose `build.args` win over defaults; one passed from the shell is unknown.
        assertEnvironment(text, arguments: ["PORT": "4318", "HOST": nil],
                          [("OTEL_EXPORTER_OTLP_ENDPOINT", nil), ("COPY", nil), ("DEFAULTED", "fallback"), ("FROM_IMAGE", nil), ("LITERAL", "$HOST")])
    }

    func testArgumentDefaultsAreReadLikeValues() {
        assertEnvironment("""
        ARG SCHEME="http"
        FROM python:3.12-slim
        ARG SCHEME
        ARG HOST='collector'
        ARG ENDPOINT="${SCHEME}://${HOST}:4318"
        ENV OTEL_EXPORTER_OTLP_ENDPOINT=$ENDPOINT
        """, [("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")])
    }

    func testTheStageThatRunsAndWhatItInherits() {
        let text = """
        FROM golang:1.22 AS build
        ENV BUILD_ONLY=1
        FROM alpine AS base
        ENV OTEL_SERVICE_NAME=api
        FROM base AS runtime
        ENV OTEL_TRACES_SAMPLER=parentbased_traceidratio
        FROM base AS debug
        ENV OTEL_LOG_LEVEL=debug
        RUN <<EOF
        ENV NOT_AN_INSTRUCTION=1
        EOF
        """
        assertEnvironment(text, [("OTEL_SERVICE_NAME", "api"), ("OTEL_LOG_LEVEL", "debug")])
        assertEnvironment(text, target: "runtime", [("OTEL_SERVICE_NAME", "api"), ("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")])
        assertEnvironment(text, target: "missing", [])
        // A here-string is no here-document: the instructions after it are read; `2<<EOF` is one.
        assertEnvironment("FROM alpine\nRUN cat <<< \"x\" > /tmp/x\nENV A=1\n", [("A", "1")])
        assertEnvironment("FROM alpine\nRUN cat 2<<EOF\nENV B=2\nEOF\nENV A=1\n", [("A", "1")])
    }

    func testPositionsThroughContinuations() {
        let text = "FROM python:3.12\r\nENV A=1 \\\r\n    OTEL_EXPORTER_OTLP_ENDPOINT=\"http://collector:4318\"\r\n"
        let file = SourceFile(path: "Dockerfile", bytes: Array(text.utf8))
        let definition = DockerfileEnvironment.definitions(of: DockerfileParser.parse(file), target: nil)[1]
        XCTAssertEqual(definition.keyLocation.start, LineColumn(line: 3, column: 5))
        XCTAssertEqual(definition.valueSite.map { file.slice($0.range) }, "\"http://collector:4318\"")
        XCTAssertEqual(definition.valueSite?.editableRange.map(file.slice), "http://collector:4318")
    }

    // MARK: With compose

    func testComposeSettingsOverrideTheImageAndRulesPointIntoTheDockerfile() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              api:
                build:
                  context: ./api
                  args:
                    COLLECTOR_PORT: "4318"
                environment:
                  OTEL_SERVICE_NAME: api
              otel-collector:
                image: otel/opentelemetry-collector-contrib:0.120.0
            """,
            "api/Dockerfile": """
            FROM python:3.12-slim
            ARG COLLECTOR_PORT=4317
            ENV OTEL_SERVICE_NAME=image-default \\
                OTEL_EXPORTER_OTLP_PROTOCOL=grpc \\
                OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:${COLLECTOR_PORT}
            """,
        ])
        // The port comes from the compose build argument: 4318 with gRPC.
        let mismatch = project.diagnostics("OTL203")
        XCTAssertEqual(mismatch.map(\.location.path).map(ConfigPaths.fileName), ["Dockerfile"])
        XCTAssertEqual(mismatch.map(\.location.start), [LineColumn(line: 5, column: 33)])
        XCTAssertNil(mismatch.first?.fix, "the value is built from an argument")
        // Overriding the image's default is what a deployment does: no conflict.
        XCTAssertEqual(project.diagnostics("OTL004").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
    }

    func testACredentialInEnvIsAnErrorAboutTheImage() throws {
        let project = try TestProject([
            "Dockerfile": "FROM node:20\nENV OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=hcaik_01j9qz3v5x7k2m8n4p6r\n",
        ])
        let found = project.diagnostics("OTL210")
        XCTAssertEqual(found.map(\.severity), [.error])
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 49)])
        XCTAssertTrue(found.first?.why?.contains("bakes the value into every image built from it") == true, found.first?.why ?? "")
    }

    func testAStandaloneDockerfileIsJudgedForWhatItSetsNotForWhatItLeavesOut() throws {
        let project = try TestProject([
            "Dockerfile.prod": "FROM node:20\nENV OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318/v1/traces\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL204").map(\.location.start), [LineColumn(line: 2, column: 54)])
        try project.assertFix("OTL204", file: "Dockerfile.prod", becomes: "FROM node:20\nENV OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n")
        // The container's runtime environment (a manifest, `docker run -e`) may name the service and choose the sampler.
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL101").map(\.message), [])
    }

    func testDockerfileNames() {
        for name in ["Dockerfile", "dockerfile", "Dockerfile.prod", "api.Dockerfile", "Containerfile"] {
            XCTAssertEqual(ConfigPaths.kind(of: "svc/" + name), .dockerfile, name)
        }
        for name in ["Dockerfile.md", "dockerfile-lint.json", "Dockerfiles"] {
            XCTAssertNotEqual(ConfigPaths.kind(of: "svc/" + name), .dockerfile, name)
        }
    }

    // MARK: The Java agent's default protocol

    func javaProject(agent: String = "v2.9.0", entrypoint: String = "[\"java\", \"-javaagent:/otel/agent.jar\", \"-jar\", \"/app.jar\"]") throws -> TestProject {
        try TestProject([
            "docker-compose.yml": "services:\n  orders:\n    build: ./orders\n    environment:\n      OTEL_SERVICE_NAME: orders\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317\n  otel-collector:\n    image: otel/opentelemetry-collector-contrib:0.120.0\n",
            "orders/Dockerfile": "FROM eclipse-temurin:21-jre\nADD https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/download/\(agent)/opentelemetry-javaagent.jar /otel/agent.jar\nENTRYPOINT \(entrypoint)\n",
        ])
    }

    func testTheJavaAgentsVersionInTheDockerfileDecidesItsDefaultProtocol() throws {
        let found = try javaProject().diagnostics("OTL203")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 6, column: 58)])
        XCTAssertEqual(found.first?.related.map(\.message), [
            "the image downloads the OpenTelemetry Java agent v2.9.0, which exports with `http/protobuf` when no protocol is set",
            "`-javaagent:` loads the agent here",
        ])
        // Agent 1.x exports with gRPC by default, which port 4317 serves.
        XCTAssertEqual(try javaProject(agent: "v1.32.0").diagnostics("OTL203").map(\.message), [])
    }

    func testTheJavaAgentIsNotJudgedWhereItIsNotLoadedOrTheProtocolMayBeSetElsewhere() throws {
        XCTAssertEqual(try javaProject(entrypoint: "[\"java\", \"-jar\", \"/app.jar\"]").diagnostics("OTL203").map(\.message), [])
        let property = "[\"java\", \"-javaagent:/otel/agent.jar\", \"-Dotel.exporter.otlp.protocol=grpc\", \"-jar\", \"/app.jar\"]"
        XCTAssertEqual(try javaProject(entrypoint: property).diagnostics("OTL203").map(\.message), [])
    }
}

/// The language of a service from its Dockerfile's base image, for the rules that depend on an SDK's defaults.
final class DockerfileBaseImageLanguageTests: XCTestCase {
    func testAStandaloneDockerfileKnowsItsLanguage() throws {
        // Java's exporters refuse an endpoint without a scheme, whatever the protocol.
        let project = try TestProject(["api/Dockerfile": """
        ARG JAVA_VERSION=21
        FROM eclipse-temurin:${JAVA_VERSION}-jre AS base
        FROM base
        ENV OTEL_EXPORTER_OTLP_ENDPOINT=collector:4317
        CMD ["java", "-jar", "app.jar"]
        """])
        let found = project.diagnostics("OTL205")
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["4:33"])
        XCTAssertTrue(found.first?.why?.contains("the Java SDK checks it for every protocol") == true)
        // A Go image's gRPC exporter takes `host:port`.
        let go = try TestProject(["api/Dockerfile": "FROM golang:1.22\nENV OTEL_EXPORTER_OTLP_ENDPOINT=collector:4317\n"])
        XCTAssertEqual(go.diagnostics("OTL205"), [])
    }

    func testAComposeServiceTakesTheLanguageOfTheStageItBuilds() throws {
        let compose = "services:\n  web:\n    build:\n      context: ./web\n      target: runtime\n    environment:\n      NODE_OPTIONS: --require @opentelemetry/auto-instrumentations-node/register\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317\n"
        let dockerfile = "FROM golang:1.22 AS tools\nFROM node:20-slim AS runtime\nCMD [\"node\", \"server.js\"]\n"
        let found = try TestProject(["docker-compose.yml": compose, "web/Dockerfile": dockerfile]).diagnostics("OTL203")
        XCTAssertEqual(found.map(\.location.start.line), [8])
        // Built from the Go stage, the service is not judged on Node's default.
        let goStage = try TestProject(["docker-compose.yml": compose.replacingOccurrences(of: "target: runtime", with: "target: tools"), "web/Dockerfile": dockerfile])
        XCTAssertEqual(goStage.diagnostics("OTL203"), [])
    }
}
