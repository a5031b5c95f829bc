import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class UnreachableEndpointHostRuleTests: XCTestCase {
    let collector = "  otel-collector:\n    image: otel/opentelemetry-collector-contrib:0.115.0\n"

    func testLocalhostPointsAtTheHostAndOffersTheSoleCollector() throws {
        let compose = "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: \"http://localhost:4318\" # local\n" + collector
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL206").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 44))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 4, column: 53))
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL206", file: "docker-compose.yml", becomes: compose.replacingOccurrences(of: "localhost", with: "otel-collector"))
        XCTAssertEqual(project.diagnostics("OTL206").map(\.message), [])
    }

    func testLocalhostMappedByExtraHostsIsNotTheContainer() throws {
        let compose = "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://localhost:4318\n    extra_hosts: [\"localhost:host-gateway\"]\n" + collector
        XCTAssertEqual(try TestProject(["docker-compose.yml": compose]).diagnostics("OTL206").map(\.message), [])
        let mapping = compose.replacingOccurrences(of: "[\"localhost:host-gateway\"]", with: "{localhost: host-gateway}")
        XCTAssertEqual(try TestProject(["docker-compose.yml": mapping]).diagnostics("OTL206").map(\.message), [])
        // Another name mapped leaves `localhost` the container itself.
        let other = compose.replacingOccurrences(of: "localhost:host-gateway", with: "metadata:169.254.169.254")
        XCTAssertEqual(try TestProject(["docker-compose.yml": other]).diagnostics("OTL206").map(\.location.start), [LineColumn(line: 4, column: 43)])
    }

    func testIPv6LoopbackFixReplacesTheBrackets() throws {
        let compose = "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://[::1]:4318\n" + collector
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL206").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 44), "points at the address inside the brackets")
        try project.assertFix("OTL206", file: "docker-compose.yml", becomes: compose.replacingOccurrences(of: "[::1]", with: "otel-collector"))
    }

    func testTypoFixIsSafeAndKeepsCommentsAnchorsAndQuoting() throws {
        let compose = """
        x-otel: &otel
          OTEL_SERVICE_NAME: 'shared'   # comment kept
        services:
          api:
            environment:
              <<: *otel
              OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-colector:4317'
              OTEL_EXPORTER_OTLP_PROTOCOL: "grpc"
          worker:
            environment:
              - "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://[::1]:4318/v1/traces"
        \(collector)
        """
        let project = try TestProject(["compose.yaml": compose])
        let diagnostics = project.diagnostics("OTL206")
        XCTAssertEqual(diagnostics.count, 2)
        let typo = try XCTUnwrap(diagnostics.first { $0.message.contains("did you mean `otel-collector`") })
        XCTAssertEqual(typo.fix?.applicability, .safe)
        XCTAssertEqual(typo.location.start, LineColumn(line: 7, column: 44))
        let loopback = try XCTUnwrap(diagnostics.first { $0.message.contains("`::1`") })
        XCTAssertEqual(loopback.location.start, LineColumn(line: 11, column: 53), "inside the brackets")
        try project.apply(try XCTUnwrap(typo.fix))
        XCTAssertEqual(try project.read("compose.yaml"), compose.replacingOccurrences(of: "otel-colector", with: "otel-collector"))
        XCTAssertFalse(project.diagnostics("OTL206").contains { $0.message.contains("did you mean") }, "idempotent")
    }

    func testQuietCases() throws {
        let quiet = try TestProject([
            // network_mode host, a sidecar namespace, a real domain, an IP, Docker's host name, the collector itself.
            "docker-compose.yml": """
            services:
              a:
                network_mode: host
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318"}
              b:
                network_mode: "service:otel-collector"
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318"}
              c:
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "https://api.honeycomb.io", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://10.0.0.5:4318/v1/traces"}
              d:
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://host.docker.internal:4318"}
              e:
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://tempo-alias:4318", OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: "${LOGS_ENDPOINT}"}
              tempo:
                image: grafana/tempo:2.6.0
                networks:
                  default:
                    aliases: [tempo-alias]
              otel-collector:
                image: otel/opentelemetry-collector-contrib:0.115.0
                environment: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318"}

            """,
        ])
        XCTAssertEqual(quiet.diagnostics("OTL206").map(\.message), [])
    }

    func testHostDefinedInTheBaseFileResolvesForTheOverride() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  collector:\n    image: otel/opentelemetry-collector:0.115.0\n",
            "docker-compose.override.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n",
            "docker-compose.prod.yml": "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://colector:4318\n",
        ])
        let diagnostics = project.diagnostics("OTL206")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics[0].location.path.hasSuffix("docker-compose.prod.yml"))
    }

    func testFarUnknownHostIsInformationAndQuietWithExternalNetworks() throws {
        let compose = "services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://signoz:4318\n" + collector
        let project = try TestProject(["docker-compose.yml": compose])
        XCTAssertEqual(project.diagnostics("OTL206").map(\.severity), [.info])
        let external = try TestProject(["docker-compose.yml": compose + "networks:\n  default:\n    name: observability\n    external: true\n"])
        XCTAssertEqual(external.diagnostics("OTL206").map(\.message), [])
    }

    /// A file merged with another (`-f a.yml -f b.yml`, a test harness adding the backend) names hosts it does
    /// not define: unknown there, not unreachable.
    func testUnknownHostInAnEvidentFragmentIsQuiet() throws {
        let app = "services:\n  app:\n    build: .\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel:4317\n"
        let noReceiver = try TestProject(["docker-compose.app.yml": app])
        XCTAssertEqual(noReceiver.diagnostics("OTL206").map(\.message), [], "the project runs no collector: it runs elsewhere")
        let dependsOnMissing = try TestProject(["docker-compose.app.yml": app + "    depends_on: [otel]\n" + collector])
        XCTAssertEqual(dependsOnMissing.diagnostics("OTL206").map(\.message), [], "Compose refuses `depends_on: [otel]` alone")
        let sibling = try TestProject([
            "docker-compose.app.yml": app + collector,
            "docker-compose.tests.yml": "services:\n  otel:\n    image: otel/opentelemetry-collector-contrib:0.115.0\n",
        ])
        XCTAssertEqual(sibling.diagnostics("OTL206").map(\.message), [], "another file of the folder defines `otel`")
        let standalone = try TestProject(["docker-compose.app.yml": app + collector])
        XCTAssertEqual(standalone.diagnostics("OTL206").map(\.location.start), [LineColumn(line: 5, column: 43)],
                       "a whole project with its own collector: `otel` is nowhere")
    }
}

final class DuplicateServiceNameRuleTests: XCTestCase {
    func testSecondServiceIsReportedWithTheFirstAsEvidence() throws {
        let project = try TestProject(["docker-compose.yml": """
        services:
          orders:
            environment:
              OTEL_SERVICE_NAME: shop
              OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
          payments:
            environment:
              - OTEL_RESOURCE_ATTRIBUTES=service.name=shop,deployment.environment.name=dev
              - OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318
          collector:
            image: otel/opentelemetry-collector:0.115.0

        """])
        let diagnostics = project.diagnostics("OTL305")
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics[0].location.start.line, 8)
        XCTAssertEqual(diagnostics[0].related.first?.location.start.line, 4)
        XCTAssertTrue(diagnostics[0].message.contains("`orders` and `payments`"))
    }

    func testSharedAnchorPointsAtTheServiceAndReplicasAreToldApart() throws {
        let shared = try TestProject(["docker-compose.yml": """
        x-env: &env
          OTEL_SERVICE_NAME: worker
          OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
        services:
          worker-1:
            image: example/worker:1
            environment: *env
          worker-2:
            image: example/worker:1
            environment: *env

        """])
        let diagnostic = try XCTUnwrap(shared.diagnostics("OTL305").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 8, column: 3))
        XCTAssertTrue(diagnostic.help?.contains("deploy.replicas") == true)
        let instances = try TestProject(["docker-compose.yml": """
        services:
          worker-1:
            environment: {OTEL_SERVICE_NAME: worker, OTEL_RESOURCE_ATTRIBUTES: service.instance.id=w1, OTEL_TRACES_EXPORTER: otlp}
          worker-2:
            environment: {OTEL_SERVICE_NAME: worker, OTEL_RESOURCE_ATTRIBUTES: service.instance.id=w2, OTEL_TRACES_EXPORTER: otlp}

        """])
        XCTAssertEqual(instances.diagnostics("OTL305").map(\.message), [])
    }

    func testOneFindingPerSharedNameWithEveryOtherServiceAsANote() throws {
        let project = try TestProject(["docker-compose.yml": """
        x-telemetry: &telemetry
          OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318
        services:
          greeter-python:
            environment: {<<: *telemetry, OTEL_SERVICE_NAME: greeter}
          greeter-go:
            environment: {<<: *telemetry, OTEL_SERVICE_NAME: greeter}
          greeter-java:
            environment: {<<: *telemetry, OTEL_SERVICE_NAME: greeter}
          greeter-ruby:
            environment: {OTEL_SERVICE_NAME: greeter, OTEL_EXPORTER_OTLP_ENDPOINT: "https://otlp.vendor.io"}
          collector:
            image: otel/opentelemetry-collector:0.115.0

        """])
        let diagnostics = project.diagnostics("OTL305")
        XCTAssertEqual(diagnostics.map(\.location.start), [LineColumn(line: 7, column: 54)])
        XCTAssertEqual(diagnostics.first?.message,
                       "services `greeter-python`, `greeter-go` and `greeter-java` all report the service name `greeter`: their telemetry is mixed into one service")
        XCTAssertEqual(diagnostics.first?.related.map(\.location.start.line), [5, 9],
                       "the other two services are notes; `greeter-ruby` sends to another backend and collides with none of them")
    }

    func testServicesThatPublishTheSameHostPortNeverRunTogether() throws {
        let compose = """
        services:
          app-http:
            build: .
            environment: {OTEL_SERVICE_NAME: listener, OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318"}
            ports: ["127.0.0.1:8090:8090"]
          app-grpc:
            build: .
            environment: {OTEL_SERVICE_NAME: listener, OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4317"}
            ports: ["8090:8090"]

        """
        XCTAssertEqual(try TestProject(["docker-compose.yml": compose]).diagnostics("OTL305").map(\.message), [],
                       "Compose cannot bind 8090 twice: the two variants run one at a time")
        let apart = compose.replacingOccurrences(of: "[\"8090:8090\"]", with: "[\"8091:8090\"]")
        XCTAssertEqual(try TestProject(["docker-compose.yml": apart]).diagnostics("OTL305").count, 1)
    }

    func testServicesThatSendNowhereDoNotCollide() throws {
        let compose = """
        services:
          web:
            build: .
            environment: [OTEL_SERVICE_NAME=shop, OTEL_TRACES_EXPORTER=console]
          worker:
            build: .
            command: ["php", "artisan", "queue:work"]
            environment: [OTEL_SERVICE_NAME=shop, OTEL_TRACES_EXPORTER=console]

        """
        XCTAssertEqual(try TestProject(["docker-compose.yml": compose]).diagnostics("OTL305").map(\.message), [],
                       "traces go to the console, metrics and logs to each container's own localhost")
        // Sent to one collector, the names meet; a worker is no replica of the web server.
        let sent = compose.replacingOccurrences(of: "OTEL_TRACES_EXPORTER=console", with: "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318")
        let found = try TestProject(["docker-compose.yml": sent]).diagnostics("OTL305")
        XCTAssertEqual(found.map(\.location.start.line), [8])
        XCTAssertEqual(found.first?.help, "give each service its own name, e.g. `OTEL_SERVICE_NAME=worker`")
    }

    func testServicesOfDifferentVariantsDoNotCollide() throws {
        let project = try TestProject([
            "docker-compose.dev.yml": "services:\n  api:\n    environment: {OTEL_SERVICE_NAME: api, OTEL_TRACES_EXPORTER: otlp}\n",
            "docker-compose.prod.yml": "services:\n  api2:\n    environment: {OTEL_SERVICE_NAME: api, OTEL_TRACES_EXPORTER: otlp}\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL305").map(\.message), [])
    }
}

final class PropagatorMismatchRuleTests: XCTestCase {
    func testExplicitOutlierIsReportedAndFixed() throws {
        let compose = """
        # shop
        services:
          web:
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318"
              OTEL_PROPAGATORS: 'b3multi'   # legacy Zipkin headers
          api:
            environment:
              - OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318
          collector:
            image: otel/opentelemetry-collector:0.115.0

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL604").first)
        XCTAssertEqual(project.diagnostics("OTL604").count, 1, "the service on the default is the reference")
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 6, column: 25))
        XCTAssertTrue(diagnostic.message.contains("`api` (`tracecontext`, `baggage` (the default))") || diagnostic.message.contains("`api`"))
        try project.assertFix("OTL604", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "'b3multi'", with: "'tracecontext,b3multi'"))
        XCTAssertEqual(project.diagnostics("OTL604").map(\.message), [])
    }

    func testSharedFormatsAndUnknownValuesAreQuiet() throws {
        let project = try TestProject(["docker-compose.yml": """
        services:
          a:
            environment: {OTEL_TRACES_EXPORTER: otlp, OTEL_PROPAGATORS: b3}
          b:
            environment: {OTEL_TRACES_EXPORTER: otlp, OTEL_PROPAGATORS: b3multi}
          c:
            environment: {OTEL_TRACES_EXPORTER: otlp, OTEL_PROPAGATORS: "${PROPAGATORS}"}
          d:
            environment: {OTEL_PROPAGATORS: xray}

        """])
        XCTAssertEqual(project.diagnostics("OTL604").map(\.message), [])
    }
}

final class JaegerOTLPSettingRuleTests: XCTestCase {
    func testRedundantSettingIsRemovedSafely() throws {
        let compose = """
        services:
          jaeger:
            image: "jaegertracing/all-in-one:1.57"   # pinned
            environment:
              - COLLECTOR_OTLP_ENABLED=true  # needed before 1.46
              - 'LOG_LEVEL=debug'

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostics = project.diagnostics("OTL208")
        XCTAssertEqual(diagnostics.map(\.severity), [.warning, .info])
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 3, column: 12), "end of life, at the image")
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 5, column: 32))
        XCTAssertEqual(diagnostics[1].fix?.applicability, .safe)
        try project.apply(try XCTUnwrap(diagnostics[1].fix))
        XCTAssertEqual(try project.read("docker-compose.yml"), compose.replacingOccurrences(of: "      - COLLECTOR_OTLP_ENABLED=true  # needed before 1.46\n", with: ""))
        XCTAssertEqual(project.diagnostics("OTL208").count, 1, "idempotent: only the end-of-life note stays")
    }

    func testOldVersionWithOTLPClientsNeedsTheSetting() throws {
        let compose = "services:\n  app:\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://tracing:4317\n  tracing:\n    image: docker.io/jaegertracing/all-in-one:1.42.0\n    environment:\n      SPAN_STORAGE_TYPE: memory\n"
        let project = try TestProject(["docker-compose.yml": compose])
        let missing = try XCTUnwrap(project.diagnostics("OTL208").first { $0.severity == .error })
        XCTAssertTrue(missing.message.contains("only with `COLLECTOR_OTLP_ENABLED=true`"))
        try project.apply(try XCTUnwrap(missing.fix))
        XCTAssertEqual(try project.read("docker-compose.yml"), compose + "      COLLECTOR_OTLP_ENABLED: \"true\"\n")
        XCTAssertFalse(project.diagnostics("OTL208").contains { $0.severity == .error })
        // Without clients nothing is required; a digest or an interpolated tag is not version-judged.
        let quiet = try TestProject(["docker-compose.yml": "services:\n  j:\n    image: jaegertracing/all-in-one:1.40\n  k:\n    image: jaegertracing/all-in-one@sha256:0123\n    environment: {COLLECTOR_OTLP_ENABLED: 'true', A: b}\n  l:\n    image: jaegertracing/all-in-one:${TAG}\n"])
        XCTAssertEqual(quiet.diagnostics("OTL208").filter { !$0.message.contains("end of life") }.map(\.message), [])
    }

    func testJaegerV2IgnoresV1Variables() throws {
        let compose = "services:\n  jaeger:\n    image: cr.jaegertracing.io/jaegertracing/jaeger:2.5.0\n    environment:\n      COLLECTOR_OTLP_ENABLED: true\n      OTHER: x\n"
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL208").first)
        XCTAssertTrue(diagnostic.message.contains("ignored by Jaeger v2"))
        try project.assertFix("OTL208", file: "docker-compose.yml",
                              becomes: "services:\n  jaeger:\n    image: cr.jaegertracing.io/jaegertracing/jaeger:2.5.0\n    environment:\n      OTHER: x\n")
    }
}

final class CollectorSamplingTests: XCTestCase {
    let compose = """
    services:
      api:
        environment:
          OTEL_SERVICE_NAME: api
          OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318
          OTEL_TRACES_SAMPLER: always_on
      otel-collector:
        image: otel/opentelemetry-collector-contrib:0.115.0
        volumes:
          - ./otel/collector.yaml:/etc/otelcol-contrib/config.yaml:ro

    """

    func collectorConfig(_ processors: String) -> String {
        """
        receivers:
          otlp:
            protocols: {http: {endpoint: 0.0.0.0:4318}}
        processors:
          batch: {}
          tail_sampling/errors:
            policies: [{name: errors, type: status_code, status_code: {status_codes: [ERROR]}}]
        exporters:
          otlp: {endpoint: tempo:4317}
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: \(processors)
              exporters: [otlp]

        """
    }

    func testTailSamplingInTheMountedConfigSilencesOTL101() throws {
        let sampled = try TestProject(["docker-compose.prod.yml": compose, "otel/collector.yaml": collectorConfig("[tail_sampling/errors, batch]")])
        XCTAssertNotNil(sampled.project().collectorSampling.byFolder[sampled.root])
        XCTAssertEqual(sampled.diagnostics("OTL101").map(\.message), [])
        // Defined but not in the traces pipeline: nothing samples.
        let unused = try TestProject(["docker-compose.prod.yml": compose, "otel/collector.yaml": collectorConfig("[batch]")])
        XCTAssertEqual(unused.diagnostics("OTL101").count, 1)
        // A mounted file that is not a collector config, or missing: no knowledge, no error.
        let missing = try TestProject(["docker-compose.prod.yml": compose])
        XCTAssertEqual(missing.diagnostics("OTL101").count, 1)
        XCTAssertEqual(missing.analyze().inputErrors, [])
    }
}

final class SwiftSDKRuleTests: XCTestCase {
    func manifest(_ url: String, _ requirement: String) -> String {
        "// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"api\", dependencies: [\n    .package(url: \"\(url)\", \(requirement)),\n])\n"
    }

    func testOpenTelemetrySwiftIgnoresEndpointAndSamplerButNotWhatTheCodeReads() throws {
        let project = try TestProject([
            "docker-compose.yml": "services:\n  api:\n    build: ./api\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n      OTEL_TRACES_SAMPLER: always_on\n      OTEL_RESOURCE_ATTRIBUTES: service.name=api\n      OTEL_SERVICE_NAME: api\n",
            "api/Package.swift": manifest("https://github.com/open-telemetry/opentelemetry-swift-core.git", "exact: \"2.5.1\""),
            "api/Sources/API/main.swift": "let endpoint = ProcessInfo.processInfo.environment[\"OTEL_EXPORTER_OTLP_ENDPOINT\"]\n",
        ])
        let diagnostics = project.diagnostics("OTL005")
        XCTAssertEqual(diagnostics.map(\.location.start.line), [6, 8])
        XCTAssertTrue(diagnostics[0].message.contains("opentelemetry-swift 2.5.1"))
        XCTAssertEqual(diagnostics[0].related.first?.location.start.line, 4, "the dependency is the evidence")
    }

    func testSwiftOTelVersionsAndUnpinnedDependencies() throws {
        let compose = "services:\n  api:\n    build: .\n    environment:\n      OTEL_TRACES_SAMPLER: xray\n      OTEL_PROPAGATORS: tracecontext, baggage\n      OTEL_TRACES_EXPORTER: otlp,console\n      OTEL_EXPORTER_OTLP_INSECURE: \"true\"\n"
        let current = try TestProject(["docker-compose.yml": compose,
                                       "Package.swift": manifest("https://github.com/swift-otel/swift-otel.git", "from: \"1.6.0\"")])
        let unsupported = current.diagnostics("OTL006")
        XCTAssertEqual(unsupported.map(\.location.start), [LineColumn(line: 5, column: 28), LineColumn(line: 7, column: 34)],
                       "the list with a space does not parse in swift-otel, so it cannot crash")
        XCTAssertEqual(current.diagnostics("OTL005").map(\.location.start.line), [8])
        let old = try TestProject(["docker-compose.yml": compose,
                                   "Package.swift": manifest("https://github.com/swift-otel/swift-otel.git", "\"0.11.0\"..<\"0.12.0\"")])
        XCTAssertEqual(old.diagnostics("OTL006").map(\.message), [])
        XCTAssertEqual(old.diagnostics("OTL005").map(\.location.start.line), [5])
        let branch = try TestProject(["docker-compose.yml": compose,
                                      "Package.swift": manifest("https://github.com/swift-otel/swift-otel.git", "branch: \"main\"")])
        XCTAssertEqual(branch.diagnostics("OTL006").map(\.message) + branch.diagnostics("OTL005").map(\.message), [])
    }

    func testASwiftServiceNamingAnSDKConfigurationFileIsOTL005s() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    build: .\n    environment:\n      OTEL_CONFIG_FILE: /etc/otel.yaml\n      OTEL_SERVICE_NAME: api\n",
                                       "Package.swift": manifest("https://github.com/swift-otel/swift-otel.git", "from: \"1.6.0\"")])
        XCTAssertEqual(project.diagnostics("OTL005").map(\.location.start.line), [5])
        XCTAssertEqual(project.diagnostics("OTL806"), [], "one finding: the SDK ignores the file, not the variables beside it")
    }
}
