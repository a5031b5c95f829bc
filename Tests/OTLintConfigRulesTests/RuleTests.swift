import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class UnknownVariableRuleTests: XCTestCase {
    func testRenameFixInEnvFile() throws {
        let project = try TestProject([".env": "OTEL_SERVICE_NAME=a\nOTEL_EXPORTER_OTLP_TRACE_ENDPOINT=http://c:4318/v1/traces # x\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL001").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 1))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 2, column: 34))
        XCTAssertTrue(diagnostic.message.contains("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL001", file: ".env",
                              becomes: "OTEL_SERVICE_NAME=a\nOTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://c:4318/v1/traces # x\n")
    }

    func testListStyleComposeAndNearestName() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    environment:\n      - OTEL_PROPAGATOR=tracecontext\n      - OTEL_EXPORTER_OTLP_ENDPOIN=http://c:4318\n"])
        let diagnostics = project.diagnostics("OTL001")
        XCTAssertEqual(diagnostics.map(\.location.start), [LineColumn(line: 4, column: 9), LineColumn(line: 5, column: 9)])
        XCTAssertTrue(diagnostics[1].message.contains("did you mean `OTEL_EXPORTER_OTLP_ENDPOINT`"))
    }

    func testNameNoSDKReadsIsQuietWhereTheCodeReadsItOrIsNotHere() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    build: ./api\n    environment:\n      OTEL_SERVICE_VERSION: 1.2.0\n"
                + "  web:\n    build: ./web\n    environment:\n      OTEL_SERVICE_VERSION: 1.2.0\n"
                + "  proxy:\n    image: example/proxy:1.0\n    environment:\n      OTEL_SERVICE_VERSION: 1.2.0\n",
            "api/logger.js": "const version = process.env.OTEL_SERVICE_VERSION;\n",
            "web/main.py": "print('web')\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL001").map(\.location.start), [LineColumn(line: 9, column: 7)],
                       "only `web`: `api` reads the name itself, `proxy` runs code otlint cannot see")
        // A build context that only installs its program (`pip install` in a Dockerfile) has no code to read.
        let installed = try TestProject([
            "docker-compose.yml": "services:\n  gateway:\n    build: ./gateway\n    environment:\n      OTEL_EXPORTER: otlp_http\n",
            "gateway/Dockerfile": "FROM python:3.13-slim\nRUN pip install llm-gateway==1.2\nCMD [\"llm-gateway\"]\n",
            "gateway/config.yaml": "port: 4000\n",
        ])
        XCTAssertEqual(installed.diagnostics("OTL001").map(\.message), [])
    }

    func testANearNameTheApplicationReadsIsItsOwnSetting() throws {
        let env = "OTEL_METRIC_EXPORT_INTERVAL_MS=60000\n"
        let read = try TestProject([".env": env, "otel_setup.py": "interval = int(os.getenv(\"OTEL_METRIC_EXPORT_INTERVAL_MS\", \"60000\"))\n"])
        XCTAssertEqual(read.diagnostics("OTL001").map(\.message), [])
        // A manifest beside it that sets the same name is no reader: the typo is reported.
        let set = try TestProject([".env": env, "k8s/app.yaml": "env:\n  - name: OTEL_METRIC_EXPORT_INTERVAL_MS\n    value: \"1000\"\n", "app.py": "print(1)\n"])
        XCTAssertEqual(set.diagnostics("OTL001").map(\.location.start.line), [1])
    }

    func testLauncherPairIsNoMisspelling() throws {
        let launcher = try TestProject([".env": "OTEL_EXPORTER_OTLP_SPAN_ENDPOINT=ingest.example.com:443\nOTEL_EXPORTER_OTLP_METRIC_ENDPOINT=ingest.example.com:443\n"])
        XCTAssertEqual(launcher.diagnostics("OTL001").map(\.message), [])
        let typo = try TestProject([".env": "OTEL_EXPORTER_OTLP_METRIC_ENDPOINT=http://c:4318/v1/metrics\n"])
        XCTAssertEqual(typo.diagnostics("OTL001").map(\.location.start), [LineColumn(line: 1, column: 1)])
    }

    func testQuietForFamiliesFarNamesAndNoFixWhenTargetExists() throws {
        let quiet = try TestProject([".env": "OTEL_PYTHON_LOG_CORRELATION=true\nOTEL_JAVAAGENT_ENABLED=false\nOTEL_MY_COMPANY_FLAG=1\nNOT_OTEL=1\n"])
        XCTAssertEqual(quiet.diagnostics("OTL001").map(\.message), [])
        let inverted = try TestProject([".env": "OTEL_SDK_ENABLED=true\nOTEL_EXPORTER_OTLP_ENABLED=true\n", "app.py": "import flask\n"])
        let unread = inverted.diagnostics("OTL001")
        XCTAssertEqual(unread.map(\.location.start.line), [1, 2], "names no SDK reads are reported")
        guard unread.count == 2 else { return }
        XCTAssertEqual(unread.map { $0.fix == nil }, [true, true], "never renamed: `OTEL_SDK_DISABLED` means the opposite")
        XCTAssertTrue(unread[0].help?.contains("OTEL_SDK_DISABLED") == true, unread[0].help ?? "")
        let both = try TestProject([".env": "OTEL_SERVICENAME=a\nOTEL_SERVICE_NAME=b\n"])
        XCTAssertNil(try XCTUnwrap(both.diagnostics("OTL001").first).fix)
    }

    func testANameTheServicesOwnYAMLTemplateReadsIsNotReported() throws {
        let compose = "services:\n  proxy:\n    build: ./proxy\n    environment:\n      OTEL_ENABLED: \"true\"\n"
        let code = ["docker-compose.yml": compose, "proxy/Dockerfile": "FROM golang:1.23\nCOPY . .\n", "proxy/main.go": "package main\n"]
        XCTAssertEqual(try TestProject(code).diagnostics("OTL001").count, 1)
        // Its configuration template (any YAML file, which may also look like a Kubernetes manifest) reads the name.
        let read = try TestProject(code.merging(["proxy/proxy.tmpl.yaml": "tracing:\n  enabled: ${OTEL_ENABLED}\n"]) { $1 })
        XCTAssertEqual(read.diagnostics("OTL001"), [])
        // A third-party program built `FROM` its image brings no code of its own to read.
        XCTAssertEqual(try TestProject(["docker-compose.yml": compose, "proxy/Dockerfile": "FROM envoyproxy/envoy:v1.31\n"]).diagnostics("OTL001"), [])
    }
}

final class InvalidValueRuleTests: XCTestCase {
    func testBooleanFixes() throws {
        let falsy = try TestProject([".env": "OTEL_SDK_DISABLED=0\n"])
        XCTAssertEqual(falsy.diagnostics("OTL002").first?.fix?.applicability, .safe)
        try falsy.assertFix("OTL002", file: ".env", becomes: "OTEL_SDK_DISABLED=false\n")
        let truthy = try TestProject([".env": "OTEL_EXPORTER_OTLP_INSECURE=\"yes\"\n"])
        XCTAssertEqual(truthy.diagnostics("OTL002").first?.location.start, LineColumn(line: 1, column: 29))
        XCTAssertEqual(truthy.diagnostics("OTL002").first?.fix?.applicability, .unsafe)
        try truthy.assertFix("OTL002", file: ".env", becomes: "OTEL_EXPORTER_OTLP_INSECURE=\"true\"\n")
    }

    func testDurationsIntegersAndEnums() throws {
        let project = try TestProject([".env": "OTEL_BSP_SCHEDULE_DELAY=5s\nOTEL_BSP_MAX_QUEUE_SIZE=-1\nOTEL_PROPAGATORS=tracecontext, b3multy\nOTEL_LOG_LEVEL=DEBUG\nOTEL_EXPORTER_OTLP_COMPRESSION=gzip\n"])
        let diagnostics = project.diagnostics("OTL002")
        XCTAssertEqual(diagnostics.count, 2, "`b3multy` in OTEL_PROPAGATORS is OTL603's")
        let propagator = try XCTUnwrap(project.diagnostics("OTL603").first)
        XCTAssertEqual(propagator.location.start, LineColumn(line: 3, column: 32), "points at the list item")
        XCTAssertEqual(propagator.location.end, LineColumn(line: 3, column: 39))
        try project.assertFix("OTL002", file: ".env", becomes: "OTEL_BSP_SCHEDULE_DELAY=5000\nOTEL_BSP_MAX_QUEUE_SIZE=-1\nOTEL_PROPAGATORS=tracecontext, b3multy\nOTEL_LOG_LEVEL=DEBUG\nOTEL_EXPORTER_OTLP_COMPRESSION=gzip\n")
    }

    func testJaegerInTracesExporterAndPropagatorsAreLeftToTheirOwnRules() throws {
        let project = try TestProject([".env": "OTEL_TRACES_EXPORTER=otlp,jaeger\nOTEL_PROPAGATORS=w3c\n"])
        let all = project.analyze().diagnostics
        XCTAssertEqual(project.diagnostics("OTL002").map(\.message), [])
        XCTAssertEqual(all.filter { $0.ruleID == "OTL207" }.count, 1)
        XCTAssertEqual(all.filter { $0.ruleID == "OTL603" }.count, 1)
        try project.assertFix("OTL207", file: ".env", becomes: "OTEL_TRACES_EXPORTER=otlp\nOTEL_PROPAGATORS=w3c\n")
    }

    func testListFixDoesNotRepeatAListedName() throws {
        let project = try TestProject([".env": "OTEL_METRICS_EXPORTER=otlp, jaeger\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 29))
        try project.assertFix("OTL002", file: ".env", becomes: "OTEL_METRICS_EXPORTER=otlp\n")
    }

    func testProtocolSuggestionAndUnknownValuesStayQuiet() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_PROTOCOL: http\n      OTEL_SDK_DISABLED: ${DISABLED}\n"])
        let diagnostics = project.diagnostics("OTL002")
        XCTAssertEqual(diagnostics.count, 1)
        try project.assertFix("OTL002", file: "docker-compose.yml", becomes: "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n      OTEL_SDK_DISABLED: ${DISABLED}\n")
    }
}

final class FullSamplingInProductionRuleTests: XCTestCase {
    let production = "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production\n"

    func testNoFixEditsTheBaseFileOfAProductionOverride() throws {
        // The base file's ratio also serves staging; only `compose.prod.yml` makes the api production.
        let base = "services:\n  api:\n    image: example/api:1.0\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n"
            + "      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n      OTEL_TRACES_SAMPLER_ARG: \"0.25\"\n"
        let production = "services:\n  api:\n    environment:\n      OTEL_TRACES_SAMPLER: always_on\n"
        let project = try TestProject(["docker-compose.yml": base, "compose.prod.yml": production])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL101").first)
        XCTAssertTrue(diagnostic.location.path.hasSuffix("compose.prod.yml"), diagnostic.location.path)
        XCTAssertNil(diagnostic.fix)
    }

    func testComposeMappingFixEditsInPlaceAndAddsTheArgument() throws {
        let compose = """
        services:
          api:
            environment:
              OTEL_SERVICE_NAME: "api"
              OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318"
              OTEL_TRACES_SAMPLER: "always_on" # keep everything
              OTEL_PROPAGATORS: "tracecontext"

        """
        let project = try TestProject(["docker-compose.prod.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL101").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 6, column: 28))
        XCTAssertTrue(diagnostic.why?.contains("docker-compose.prod.yml") == true)
        try project.assertFix("OTL101", file: "docker-compose.prod.yml", becomes: """
        services:
          api:
            environment:
              OTEL_SERVICE_NAME: "api"
              OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318"
              OTEL_TRACES_SAMPLER: "parentbased_traceidratio" # keep everything
              OTEL_TRACES_SAMPLER_ARG: "0.1"
              OTEL_PROPAGATORS: "tracecontext"

        """)
        XCTAssertEqual(project.diagnostics("OTL101").map(\.message), [])
    }

    func testEnvFileRatioOneAndArgumentWithoutSampler() throws {
        let ratio = try TestProject([".env": production + "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER=traceidratio\nOTEL_TRACES_SAMPLER_ARG=1\n"])
        XCTAssertEqual(ratio.diagnostics("OTL101").first?.location.start, LineColumn(line: 4, column: 25))
        XCTAssertNotNil(ratio.diagnostics("OTL101").first?.related.first { $0.location.start.line == 1 })
        try ratio.assertFix("OTL101", file: ".env", becomes: production + "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=0.1\n")
        let argumentOnly = try TestProject([".env.production": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER_ARG=0.1\n"])
        XCTAssertEqual(argumentOnly.diagnostics("OTL101").count, 1)
        try argumentOnly.assertFix("OTL101", file: ".env.production", becomes: "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER_ARG=0.1\nOTEL_TRACES_SAMPLER=parentbased_traceidratio\n")
    }

    func testInterpolatedSamplerIsFixedInDotEnvAndListStyleInsertion() throws {
        let project = try TestProject([
            "docker-compose.prod.yml": "services:\n  api:\n    environment:\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\n      - OTEL_TRACES_SAMPLER=${SAMPLER}\n",
            ".env": "SAMPLER=always_on\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL101").first)
        XCTAssertTrue(diagnostic.location.path.hasSuffix("/.env"))
        XCTAssertEqual(diagnostic.related.first?.location.start.line, 5)
        try project.apply(try XCTUnwrap(diagnostic.fix))
        XCTAssertEqual(try project.read(".env"), "SAMPLER=parentbased_traceidratio\n")
        XCTAssertEqual(try project.read("docker-compose.prod.yml"), "services:\n  api:\n    environment:\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\n      - OTEL_TRACES_SAMPLER=${SAMPLER}\n      - OTEL_TRACES_SAMPLER_ARG=0.1\n")
        XCTAssertEqual(project.diagnostics("OTL101").map(\.message), [])
    }

    func testUnsetSamplerIsInfoAndQuietOutsideProduction() throws {
        let unset = try TestProject(["docker-compose.prod.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://c:4318\n"])
        XCTAssertEqual(unset.diagnostics("OTL101").first?.severity, .info)
        try unset.assertFix("OTL101", file: "docker-compose.prod.yml", becomes: "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://c:4318\n      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n      OTEL_TRACES_SAMPLER_ARG: \"0.1\"\n")
        let quiet = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://c:4318\n      OTEL_TRACES_SAMPLER: always_on\n",
            ".env.example": production + "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER=always_on\n",
            "prod.env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_TRACES_SAMPLER=${UNKNOWN}\n",
        ])
        XCTAssertEqual(quiet.diagnostics("OTL101").map(\.message), [])
    }
}

final class InvalidSamplerArgumentRuleTests: XCTestCase {
    func testPercentFixOutOfRangeAndIgnoredArgument() throws {
        let percent = try TestProject([".env": "OTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=10%\n"])
        try percent.assertFix("OTL102", file: ".env", becomes: "OTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=0.1\n")
        let range = try TestProject([".env": "OTEL_TRACES_SAMPLER=traceidratio\nOTEL_TRACES_SAMPLER_ARG=5\n"])
        let diagnostic = try XCTUnwrap(range.diagnostics("OTL102").first)
        XCTAssertNil(diagnostic.fix)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 25))
        let ignored = try TestProject([".env": "OTEL_TRACES_SAMPLER=always_off\nOTEL_TRACES_SAMPLER_ARG=0.5\n"])
        XCTAssertEqual(ignored.diagnostics("OTL102").first?.severity, .info)
        let good = try TestProject([".env": "OTEL_TRACES_SAMPLER=traceidratio\nOTEL_TRACES_SAMPLER_ARG=0\n"])
        XCTAssertEqual(good.diagnostics("OTL102").map(\.message), [])
    }
}

final class EndpointProtocolMismatchRuleTests: XCTestCase {
    func testPortFixAndPerSignalProtocol() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(project.diagnostics("OTL203").count, 1, "one finding for the three signals sharing the endpoint")
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 46))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 1, column: 50))
        XCTAssertEqual(diagnostic.fix?.applicability, .safe)
        try project.assertFix("OTL203", file: ".env", becomes: "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\n")
        let perSignal = try TestProject([".env": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4317\nOTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nOTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc\nOTEL_METRICS_EXPORTER=none\nOTEL_LOGS_EXPORTER=none\n"])
        XCTAssertEqual(perSignal.diagnostics("OTL203").map(\.message), [])
    }

    func testSharedEndpointWithTwoTransportsGetsNoFix() throws {
        // Traces over gRPC and metrics over HTTP to one base endpoint: no port serves both, so moving the port
        // would only move the mismatch (and a fixer would flip it back and forth).
        let env = "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317\nOTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc\n"
            + "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL=http/protobuf\nOTEL_LOGS_EXPORTER=none\n"
        let project = try TestProject([".env": env])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(project.diagnostics("OTL203").count, 1)
        XCTAssertNil(diagnostic.fix)
        XCTAssertEqual(diagnostic.help, "the traces exporter uses this endpoint with `grpc`: give metrics its own endpoint, `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT` with port 4318")
    }

    func testForeignPortsAndUnsetProtocol() throws {
        let zipkin = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://zipkin:9411\n"])
        XCTAssertEqual(zipkin.diagnostics("OTL203").count, 1)
        XCTAssertNil(zipkin.diagnostics("OTL203").first?.fix)
        let unset = try TestProject([".env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317\n"])
        XCTAssertEqual(unset.diagnostics("OTL203").map(\.message), [])
        let zipkinExporter = try TestProject([".env": "OTEL_TRACES_EXPORTER=zipkin\nOTEL_METRICS_EXPORTER=none\nOTEL_LOGS_EXPORTER=none\nOTEL_EXPORTER_OTLP_ENDPOINT=http://zipkin:9411\n"])
        XCTAssertEqual(zipkinExporter.diagnostics("OTL203").map(\.message), [])
    }
}

final class SignalPathInEndpointRuleTests: XCTestCase {
    func testBaseEndpointFix() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: \"http://collector:4318/v1/traces\"\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL204").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 58))
        try project.assertFix("OTL204", file: "docker-compose.yml", becomes: "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: \"http://collector:4318\"\n")
    }

    func testPerSignalEndpointWithoutPath() throws {
        let project = try TestProject([".env": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4318\n"])
        try project.assertFix("OTL204", file: ".env", becomes: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4318/v1/traces\n")
        let grpc = try TestProject([".env": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4317\nOTEL_EXPORTER_OTLP_PROTOCOL=grpc\n"])
        XCTAssertEqual(grpc.diagnostics("OTL204").map(\.message), [])
        let wrongSignal = try TestProject([".env": "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=http://collector:4318/v1/traces\n"])
        XCTAssertEqual(wrongSignal.diagnostics("OTL204").count, 1)
    }
}

final class MissingServiceNameRuleTests: XCTestCase {
    static let exporting = "    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n"

    func testPublishedImageThatIsNotBuiltHereIsNotJudged() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  loadgen:\n    image: example/loadgen:1.0\n" + Self.exporting
                                        + "  api:\n    build: ./api\n" + Self.exporting,
                                       "api/main.go": "package main\nimport \"go.opentelemetry.io/otel\"\n"])
        XCTAssertEqual(project.diagnostics("OTL301").map(\.location.start), [LineColumn(line: 6, column: 3)], "only the service built here")
    }

    func testCodeThatNamesTheServiceSilencesIt() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    build: ./api\n" + Self.exporting + "  web:\n    build: ./web\n" + Self.exporting,
            "api/tracing.js": "const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'api' });\n",
            "web/app.py": "print('hello')\n",
            "web/requirements.txt": "flask\nopentelemetry-distro\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL301").map(\.location.start), [LineColumn(line: 6, column: 3)], "only `web`, whose code names nothing")
    }

    func testSpringBootsApplicationNameNamesTheServiceForTheJavaAgent() throws {
        let compose = "services:\n  math:\n    build: ./math\n" + Self.exporting
        let files = ["docker-compose.yml": compose,
                     "math/Dockerfile": "FROM eclipse-temurin:21-jre\nCOPY opentelemetry-javaagent.jar /agent.jar\nENV JAVA_TOOL_OPTIONS=-javaagent:/agent.jar\n",
                     "math/src/main/resources/application.yml": "spring:\n  application:\n    name: math-service\n"]
        XCTAssertEqual(try TestProject(files).diagnostics("OTL301").map(\.message), [])
        let flat = files.merging(["math/src/main/resources/application.yml": "server:\n  port: 8080\n",
                                  "math/src/main/resources/application.properties": "spring.application.name=math-service\n"]) { $1 }
        XCTAssertEqual(try TestProject(flat).diagnostics("OTL301").map(\.message), [])
        let unnamed = files.merging(["math/src/main/resources/application.yml": "server:\n  port: 8080\n"]) { $1 }
        XCTAssertEqual(try TestProject(unnamed).diagnostics("OTL301").count, 1)
    }

    func testTelemetryPrintedToTheConsoleNeedsNoName() throws {
        XCTAssertEqual(try TestProject(["example/.env": "OTEL_TRACES_EXPORTER=console\n", "example/app.rb": "require 'opentelemetry/sdk'\n"])
            .diagnostics("OTL301").map(\.message), [])
        // An endpoint beside it sends the other signals somewhere.
        XCTAssertEqual(try TestProject(["example/.env": "OTEL_TRACES_EXPORTER=console\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n",
                                        "example/app.rb": "require 'opentelemetry/sdk'\n"]).diagnostics("OTL301").count, 1)
    }

    func testAServiceWithoutOpenTelemetryExportsNothing() throws {
        let compose = "services:\n  web:\n    build: ./web\n" + Self.exporting
        let plain = ["docker-compose.yml": compose, "web/app.py": "import flask\n", "web/requirements.txt": "flask\nrequests\n",
                     "web/Dockerfile": "FROM python:3.12-slim\nCOPY . .\nCMD [\"python\", \"app.py\"]\n"]
        XCTAssertEqual(try TestProject(plain).diagnostics("OTL301").map(\.message), [], "no SDK reads the endpoint")
        // The SDK in the requirements, or an agent given in the environment, exports.
        XCTAssertEqual(try TestProject(plain.merging(["web/requirements.txt": "flask\nopentelemetry-distro\n"]) { $1 }).diagnostics("OTL301").count, 1)
        let agent = compose + "      NODE_OPTIONS: --require @opentelemetry/auto-instrumentations-node/register\n"
        XCTAssertEqual(try TestProject(plain.merging(["docker-compose.yml": agent]) { $1 }).diagnostics("OTL301").count, 1)
    }

    func testBuildContextMissingFromTheCheckoutSilencesIt() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    build: ./generated\n" + Self.exporting])
        XCTAssertEqual(project.diagnostics("OTL301").count, 0, "the code that may name the service is not here to read")
    }

    func testMissingEnvFileSilencesIt() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    build: .\n    env_file: secrets.env\n" + Self.exporting])
        XCTAssertEqual(project.diagnostics("OTL301").count, 0)
        XCTAssertEqual(project.analyze().notices.count, 1)
    }

    func testTelemetryBackendEnvironmentIsNotJudgedBySDKRules() throws {
        // A collector's and Jaeger's own `OTEL_*` variables configure forwarding or self-tracing, not an SDK.
        let project = try TestProject(["docker-compose.yml": """
        services:
          collector:
            image: otel/opentelemetry-collector-contrib:0.115.0
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: localhost:4317
              OTEL_TRACES_SAMPLER: always_onn
          jaeger:
            image: jaegertracing/jaeger:2.5.0
            environment:
              OTEL_TRACES_SAMPLER: always_on
              OTEL_EXPORTER_OTLP_HEADERS: api-key=sk_live_51HqTq2eZvKYlo2C8bX9
          api:
            build: .
            environment:
              OTEL_SERVICE_NAME: api
              OTEL_TRACES_SAMPLER: always_onn

        """])
        let findings = project.analyze().diagnostics.map { "\($0.ruleID):\($0.location.start.line)" }
        XCTAssertTrue(findings.contains("OTL002:16"), "the application's invalid sampler is reported: \(findings)")
        XCTAssertTrue(findings.contains("OTL210:11"), "a literal credential leaks wherever it is written: \(findings)")
        XCTAssertEqual(findings.filter { ["2", "3", "4", "5", "6", "7", "8", "9", "10"].contains(String($0.split(separator: ":")[1])) }, [],
                       "no SDK rule judges the backends: \(findings)")
    }

    func testComposeFixAddsTheServiceName() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  worker:\n    environment:\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\n"])
        // No image: the service is built here (or completed by another file), so it is judged.
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL301").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 2, column: 3))
        try project.assertFix("OTL301", file: "docker-compose.yml", becomes: "services:\n  worker:\n    environment:\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\n      - OTEL_SERVICE_NAME=worker\n")
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
    }

    func testQuietWhenNamedUnknownDisabledOrNotExporting() throws {
        let project = try TestProject([
            "a.env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_RESOURCE_ATTRIBUTES=service.name=a\n",
            "b.env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_SERVICE_NAME=${NAME}\n",
            "c.env": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\nOTEL_SDK_DISABLED=true\n",
            "d.env": "OTEL_TRACES_EXPORTER=none\nOTEL_PROPAGATORS=tracecontext\n",
            ".env.example": "OTEL_EXPORTER_OTLP_ENDPOINT=http://c:4318\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
    }
}

final class InterpolatedValueTests: XCTestCase {
    func testCompositeValuesArePointedAtButNeverEditedInside() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_SERVICE_NAME: api\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://${HOST}:4317\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n",
            ".env": "HOST=collector\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 5, column: 36))
        XCTAssertNil(diagnostic.fix)
    }

    func testNestedDefaultIsNotEditable() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_SDK_DISABLED: ${A:-${B:-1}}\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL002").first)
        XCTAssertNil(diagnostic.fix)
    }

    func testSharedAnchorIsNotEdited() throws {
        let project = try TestProject([
            "docker-compose.yml": "x-otel: &otel\n  OTEL_EXPORTER_OTLP_ENDPOINT: http://c:4317\nservices:\n  api:\n    environment:\n      <<: *otel\n      OTEL_SERVICE_NAME: api\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n",
        ])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL203").first)
        XCTAssertEqual(diagnostic.location.start.line, 2)
        XCTAssertNil(diagnostic.fix)
    }
}

final class LayeredComposeFileTests: XCTestCase {
    func testSettingsInTheBaseFileCountForTheOverride() throws {
        let project = try TestProject([
            "compose.yaml": "services:\n  api:\n    environment:\n      OTEL_SERVICE_NAME: api\n      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n      OTEL_TRACES_SAMPLER_ARG: \"0.1\"\n",
            "compose.prod.yaml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL301").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL101").map(\.message), [])
    }
}
