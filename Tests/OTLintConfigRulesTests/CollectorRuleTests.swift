import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// Collector rules on the cases their documents do not show: positions, fixes in other layouts, and where they
/// must stay quiet.
final class CollectorRuleTests: XCTestCase {
    func compose(image: String = "otel/opentelemetry-collector-contrib:0.120.0", target: String = "/etc/otelcol-contrib/config.yaml",
                 extra: String = "") -> String {
        """
        services:
          api:
            build: ./api
            environment:
              OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317
          otel-collector:
            image: \(image)
            volumes:
              - ./otel-collector-config.yaml:\(target)
        \(extra)
        """
    }

    let pipeline = """
    exporters:
      debug:
    service:
      pipelines:
        traces:
          receivers: [otlp]
          exporters: [debug]
    """

    func testTheDefaultEndpointIsInsertedBeforeTheProtocolsOtherSettings() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        max_recv_msg_size_mib: 16\n" + pipeline,
        ])
        let found = project.diagnostics("OTL710")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 4, column: 7)])
        try project.assertFix("OTL710", file: "otel-collector-config.yaml",
                              becomes: "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n        max_recv_msg_size_mib: 16\n" + pipeline)
    }

    func testAnEndpointOnThePodAddressKeepsThatStyle() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 127.0.0.1:4317\n      http:\n        endpoint: ${env:MY_POD_IP}:4318\n" + pipeline,
        ])
        try project.assertFix("OTL710", file: "otel-collector-config.yaml",
                              becomes: "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: ${env:MY_POD_IP}:4317\n      http:\n        endpoint: ${env:MY_POD_IP}:4318\n" + pipeline)
    }

    func testASenderWhosePortContradictsItsProtocolIsOTL203sNotOTL711s() throws {
        let project = try TestProject([
            "docker-compose.yml": compose().replacingOccurrences(of: "      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317",
                                                                 with: "      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      http:\n        endpoint: 0.0.0.0:4318\n" + pipeline,
        ])
        XCTAssertEqual(project.diagnostics("OTL711").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL203").map(\.location.start), [LineColumn(line: 5, column: 58)])
    }

    func testAVariableOfACollectorServiceWithoutImageMayBeSetByTheFileItCompletes() throws {
        let config = "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  otlp_http:\n    endpoint: ${env:BACKEND_URL}\n"
            + "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp_http]\n"
        let fragment = "services:\n  otel-collector:\n    volumes:\n      - ./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml\n"
        let project = try TestProject(["compose.full.yaml": fragment, "otel-collector-config.yaml": config])
        XCTAssertEqual(project.diagnostics("OTL707").map(\.message), [])
        // With its image the service is whole, and the variable is set nowhere.
        let whole = try TestProject(["compose.full.yaml": fragment.replacingOccurrences(of: "    volumes:", with: "    image: otel/opentelemetry-collector-contrib:0.150.0\n    volumes:"),
                                     "otel-collector-config.yaml": config])
        XCTAssertEqual(whole.diagnostics("OTL707").count, 1)
    }

    func testALoopbackReceiverNobodySendsToIsFine() throws {
        let project = try TestProject([
            "docker-compose.yml": compose().replacingOccurrences(of: "4317", with: "4318"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: localhost:4317\n      http:\n        endpoint: 0.0.0.0:4318\n" + pipeline,
        ])
        XCTAssertEqual(project.diagnostics("OTL710").map(\.message), [])
    }

    func testAnUnknownImageLeavesTheDefaultEndpointUnjudged() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(image: "example/custom-collector:1.0", target: "/etc/otel/config.yaml"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n" + pipeline,
        ])
        XCTAssertEqual(project.diagnostics("OTL710").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL718").map(\.message), [])
        XCTAssertEqual(project.diagnostics("OTL704").map(\.message), [])
    }

    func testAConfigArgumentThatNamesAnotherFileIsReportedWithoutFix() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(extra: "    command: [\"--config=/etc/otel/config.yaml\"]"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n" + pipeline,
        ])
        let found = project.diagnostics("OTL718")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 9, column: 9)])
        XCTAssertNil(found.first?.fix)
        XCTAssertTrue(found.first?.message.contains("`/etc/otel/config.yaml`") == true, found.first?.message ?? "")
    }

    func testAnUnsetVariableIsNotJudgedWhenAnEnvFileIsMissing() throws {
        let config = "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  otlp:\n    endpoint: ${env:BACKEND}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp]\n"
        let complete = try TestProject(["docker-compose.yml": compose(), "otel-collector-config.yaml": config])
        XCTAssertEqual(complete.diagnostics("OTL707").map(\.location.start), [LineColumn(line: 8, column: 15)])
        let missing = try TestProject(["docker-compose.yml": compose(extra: "    env_file: [collector.secrets.env]"), "otel-collector-config.yaml": config])
        XCTAssertEqual(missing.diagnostics("OTL707").map(\.message), [])
    }

    func testTheTLSFixAddsABlockAfterTheEndpoint() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(extra: "  tempo:\n    image: grafana/tempo:2.6.0"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n    otlp/tempo:\n        endpoint: tempo:4317\n        compression: gzip\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp/tempo]\n",
        ])
        try project.assertFix("OTL712", file: "otel-collector-config.yaml",
                              becomes: "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n    otlp/tempo:\n        endpoint: tempo:4317\n        tls:\n          insecure: true\n        compression: gzip\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp/tempo]\n")
    }

    func testAMisplacedInsecureIsOneFindingOfOTL706() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(extra: "  tempo:\n    image: grafana/tempo:2.6.0"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  otlp/tempo:\n    endpoint: tempo:4317\n    insecure: true\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp/tempo]\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL706").map(\.location.start), [LineColumn(line: 9, column: 5)])
        XCTAssertEqual(project.diagnostics("OTL712").map(\.message), [], "moving `insecure` under `tls:` is the one fix")
    }

    func testARenameKeepsTheNameAndEveryReference() throws {
        let project = try TestProject([
            "docker-compose.yml": compose(image: "otel/opentelemetry-collector:0.100.0", target: "/etc/otelcol/config.yaml"),
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  \"logging/console\":\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [\"logging/console\"]\n    logs:\n      receivers: [otlp]\n      exporters:\n        - logging/console\n",
        ])
        try project.assertFix("OTL705", file: "otel-collector-config.yaml",
                              becomes: "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  \"debug/console\":\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [\"debug/console\"]\n    logs:\n      receivers: [otlp]\n      exporters:\n        - debug/console\n")
    }

    func testAStandaloneOverlayIsNotJudgedAsAWholeConfiguration() throws {
        let project = try TestProject([
            "otelcol-config-extras.yml": "exporters:\n  otlp/vendor:\n    endpoint: vendor.example.com:443\nservice:\n  pipelines:\n    traces:\n      exporters: [spanmetrics, otlp/vendor]\n",
        ])
        XCTAssertEqual(project.analyze().diagnostics.filter { $0.ruleID.hasPrefix("OTL70") }.map(\.message), [])
    }

    func testABuilderManifestAndATerraformTemplateAreNoConfigurations() throws {
        let builder = "dist:\n  name: otelcol\n  otelcol_version: 0.103.0\nexporters:\n  - gomod: go.opentelemetry.io/collector/exporter/otlpexporter v0.103.0\nreceivers:\n  - gomod: go.opentelemetry.io/collector/receiver/otlpreceiver v0.103.0\n"
        let manifest = try TestProject(["otelcol-builder.yaml": builder]).analyze()
        XCTAssertEqual(manifest.diagnostics.map(\.message) + manifest.inputErrors.map(\.message), [])
        let template = "receivers:\n  otlp:\n    protocols:\n      grpc:\n%{ if enable_debug }\nexporters:\n  debug: {}\n%{ endif }\n"
        let rendered = try TestProject(["otel-collector.yaml": template]).analyze()
        XCTAssertEqual(rendered.inputErrors.map(\.message), [])
        XCTAssertEqual(rendered.notices.map { $0.message.hasPrefix("a template") }, [true])
    }

    func testAFileWithPipelinesButNoReceiversIsAPart() throws {
        let extras = "exporters:\n  otlphttp/vendor:\n    endpoint: https://vendor.example.com\nservice:\n  pipelines:\n    traces/vendor:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [otlphttp/vendor]\n"
        XCTAssertEqual(try TestProject(["otelcol-config-extras.yml": extras]).diagnostics("OTL701").map(\.message), [],
                       "`otlp` and `batch` are defined in the file this one is merged over")
        // With its receivers written, the file is whole: what it leaves undefined is missing.
        let whole = "receivers:\n  otlp:\n    protocols:\n      grpc:\n" + extras
        XCTAssertEqual(try TestProject(["otelcol-config.yml": whole]).diagnostics("OTL701").map(\.location.start.line), [12])
    }

    func testAProductionTierNamesItsEvidence() throws {
        let project = try TestProject([
            "deploy/prod/otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n" + pipeline,
        ])
        let found = project.diagnostics("OTL716")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 7, column: 3)])
        XCTAssertTrue(found.first?.why?.contains("prod") == true, found.first?.why ?? "")
    }

    func testAStartedHealthCheckOnLocalhostWithAPublishedPortIsReported() throws {
        let config = "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nextensions:\n  health_check:\n" + pipeline
        let published = compose(extra: "    ports: [\"13133:13133\"]")
        let started = try TestProject(["docker-compose.yml": published,
                                       "otel-collector-config.yaml": config.replacingOccurrences(of: "service:\n", with: "service:\n  extensions: [health_check]\n")])
        XCTAssertEqual(started.diagnostics("OTL710").map(\.location.start), [LineColumn(line: 7, column: 3)])
        // Not started, or not published: nothing to reach from outside.
        let idle = try TestProject(["docker-compose.yml": published, "otel-collector-config.yaml": config])
        XCTAssertEqual(idle.diagnostics("OTL710").map(\.message), [])
    }
}

final class CollectorLatentFindingTests: XCTestCase {
    func testFindingsInAFileThatIsNotLoadedAreWarningsThatSaySo() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              api:
                build: ./api
                environment:
                  OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317
              otel-collector:
                image: otel/opentelemetry-collector-contrib:0.120.0
                volumes:
                  - ./otel-collector-config.yaml:/etc/otel/config.yaml
            """,
            "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL718").map(\.severity), [.error])
        let latent = project.diagnostics("OTL710")
        XCTAssertEqual(latent.map(\.severity), [.warning])
        XCTAssertTrue(latent.first?.why?.contains("does not load this file yet") == true, latent.first?.why ?? "")
    }
}

final class ConfiguredCollectorTests: XCTestCase {
    func testOtlintYmlNamesTheCollectorOfAFileNoComposeServiceRuns() throws {
        let project = try TestProject(["otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nexporters:\n  logging:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [logging]\n"])
        XCTAssertEqual(project.diagnostics("OTL704").map(\.message), [], "no image, no verdict")
        var configuration = Configuration()
        configuration.collectorDistribution = "contrib"
        configuration.collectorVersion = "0.120.0"
        let found = project.diagnostics("OTL704", configuration: configuration)
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 7, column: 3)])
        XCTAssertTrue(found.first?.message.contains("contrib 0.120.0 (from `.otlint.yml`)") == true, found.first?.message ?? "")
    }
}


final class DownstreamSamplingTests: XCTestCase {
    func testACollectorThatKeepsEveryTraceIsNoDownstreamSampling() throws {
        func project(policy: String) throws -> TestProject {
            try TestProject([
                "docker-compose.prod.yml": """
                services:
                  api:
                    image: example/api:1.0
                    environment:
                      OTEL_SERVICE_NAME: api
                      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318
                      OTEL_TRACES_SAMPLER: always_on
                  otel-collector:
                    image: otel/opentelemetry-collector-contrib:0.120.0
                    volumes:
                      - ./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml
                """,
                "otel-collector-config.yaml": "receivers:\n  otlp:\n    protocols:\n      http:\n        endpoint: 0.0.0.0:4318\nprocessors:\n  tail_sampling:\n    policies:\n      - name: errors\n        type: status_code\n        status_code: {status_codes: [ERROR]}\n" + policy + "exporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [tail_sampling]\n      exporters: [debug]\n",
            ])
        }
        XCTAssertEqual(try project(policy: "").diagnostics("OTL101").map(\.message), [], "the collector samples downstream")
        let keepsAll = try project(policy: "      - name: everything\n        type: always_sample\n")
        // Both keep everything: the application's sampler and the collector's policy are each a place to lower it.
        XCTAssertEqual(keepsAll.diagnostics("OTL101").map { ConfigPaths.fileName($0.location.path) }, ["docker-compose.prod.yml", "otel-collector-config.yaml"])
    }
}
