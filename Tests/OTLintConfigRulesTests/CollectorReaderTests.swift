import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// The collector reader: which files it reads, what it makes of bad input, and which compose service runs a file.
final class CollectorReaderTests: XCTestCase {
    let minimal = """
    receivers:
      otlp:
        protocols:
          grpc:
            endpoint: 0.0.0.0:4317
    exporters:
      debug:
    service:
      pipelines:
        traces:
          receivers: otlp
          exporters: [debug]
    """

    func testAScalarPipelineListIsAListOfOne() throws {
        let project = try TestProject(["otel-collector-config.yaml": minimal])
        let config = try XCTUnwrap(project.project().collectors.first?.config)
        XCTAssertEqual(config.pipelines.map(\.id), ["traces"])
        XCTAssertEqual(config.pipelines[0].receivers.map(\.id), ["otlp"])
        XCTAssertEqual(project.analyze().diagnostics.map(\.ruleID), [])
    }

    func testAFileThatIsNoMappingIsOneInputErrorWithItsPosition() throws {
        let project = try TestProject(["otel-collector-config.yaml": "receivers:\n  otlp: {}\nservice: {}\n---\n- a\n"])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors.map(\.position), [LineColumn(line: 5, column: 1)])
        XCTAssertTrue(result.inputErrors[0].message.contains("one YAML document"), result.inputErrors[0].message)
        let list = try TestProject(["otelcol.yaml": "- receivers\n- exporters\n"])
        // A list is no collector configuration by its top level: not read, with a notice.
        XCTAssertEqual(list.analyze().inputErrors, [])
        XCTAssertEqual(list.analyze().notices.count, 1)
    }

    func testASectionThatIsNoMappingIsAnInputErrorAndTheRestIsStillRead() throws {
        let project = try TestProject(["otel-collector-config.yaml": minimal + "\nextensions: [health_check]\n"])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors.map(\.position), [LineColumn(line: 13, column: 13)])
        XCTAssertEqual(project.project().collectors.first?.config.pipelines.count, 1)
    }

    func testAnAnchorBombIsRefusedNotExpanded() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 10).joined(separator: ", ") + "]\n" }
        let project = try TestProject(["otel-collector-config.yaml": "receivers:\n  otlp:\n" + text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\nexporters:\n  debug:\n"])
        let result = project.analyze()
        XCTAssertEqual(result.inputErrors.count, 1)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testAMountedFileOfAnyNameIsReadWithTheImageThatRunsIt() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              collector:
                image: ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.120.0
                command: ["--config=/conf/otel.yaml"]
                volumes:
                  - ./conf/otel.yaml:/conf/otel.yaml:ro
            """,
            "conf/otel.yaml": minimal,
        ])
        let collectors = project.project().collectors
        XCTAssertEqual(collectors.count, 1)
        let instance = try XCTUnwrap(collectors.first)
        XCTAssertEqual(instance.deployment?.service.name, "collector")
        XCTAssertEqual(instance.image?.distribution, .contrib)
        XCTAssertEqual(instance.image?.version, SemanticVersion([0, 120, 0]))
        XCTAssertEqual(instance.deployment?.loadsMountedFile, true)
    }

    func testAFileBroughtInByConfigsIsRead() throws {
        let project = try TestProject([
            "compose.yaml": """
            services:
              otelcol:
                image: otel/opentelemetry-collector:latest
                configs:
                  - source: otel
                    target: /etc/otelcol/config.yaml
            configs:
              otel:
                file: ./collector.yml
            """,
            "collector.yml": minimal,
        ])
        let instance = try XCTUnwrap(project.project().collectors.first { $0.deployment != nil })
        XCTAssertEqual(instance.image?.distribution, .core)
        XCTAssertTrue(instance.image?.isAssumedNewest == true)
        XCTAssertEqual(instance.deployment?.loadsMountedFile, true)
    }

    func testSeveralConfigSourcesMakeEachFilePartial() throws {
        let project = try TestProject([
            "docker-compose.yml": """
            services:
              otel:
                image: otel/opentelemetry-collector-contrib:0.120.0
                command: --config=/etc/otel/base.yaml --config=/etc/otel/exporters.yaml
                volumes:
                  - ./base.yaml:/etc/otel/base.yaml
                  - ./exporters.yaml:/etc/otel/exporters.yaml
            """,
            "base.yaml": "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [otlp/backend]\n",
            "exporters.yaml": "exporters:\n  otlp/backend:\n    endpoint: backend:4317\nprocessors:\n  batch:\n",
        ])
        XCTAssertEqual(project.analyze().diagnostics.filter { $0.ruleID.hasPrefix("OTL70") }.map(\.message), [])
    }

    func testTheConfigurationsOwnEnvironmentNameDecidesItsTier() throws {
        let project = try TestProject(["otel-collector-config.yaml": minimal + """

        processors:
          resource:
            attributes:
              - key: deployment.environment.name
                value: production
                action: upsert
        """])
        let instance = try XCTUnwrap(project.project().collectors.first)
        XCTAssertEqual(instance.tier.tier, .production)
        XCTAssertEqual(instance.tier.evidence?.location?.start, LineColumn(line: 17, column: 16))
    }
}
