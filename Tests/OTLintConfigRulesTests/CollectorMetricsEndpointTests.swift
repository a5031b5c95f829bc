import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// OTL710 on the endpoints Prometheus scrapes: the collector's internal metrics (`localhost:8888` by default since
/// v0.111.0) and a `prometheus` exporter, judged against the Prometheus configuration a compose service mounts and
/// the ports the collector publishes.
final class CollectorMetricsEndpointTests: XCTestCase {
    func project(version: String = "0.120.0", telemetry: String = "", exporters: String = "  debug:\n", exporterIDs: String = "debug",
                 scrapes: String = "otel-collector:8888", ports: String = "", composeName: String = "docker-compose.yml") throws -> TestProject {
        try TestProject([
            composeName: """
            services:
              otel-collector:
                image: otel/opentelemetry-collector-contrib:\(version)
                volumes:
                  - ./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml
            \(ports.isEmpty ? "" : "    ports:\n      - \(ports)\n")  prometheus:
                image: prom/prometheus:v3.1.0
                volumes:
                  - ./prometheus.yml:/etc/prometheus/prometheus.yml
            """,
            "prometheus.yml": "scrape_configs:\n  - job_name: collector\n    static_configs:\n      - targets: ['\(scrapes)']\n",
            "otel-collector-config.yaml": """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
            exporters:
            \(exporters)service:
            \(telemetry)  pipelines:
                metrics:
                  receivers: [otlp]
                  exporters: [\(exporterIDs)]
            """,
        ])
    }

    func testScrapingTheDefaultInternalMetricsFromAnotherContainerFails() throws {
        let found = try project().diagnostics("OTL710")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 8, column: 1)])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.message,
                       "the collector's internal metrics are served for Prometheus scrapes on localhost:8888 (the default since collector v0.111.0; `otel/opentelemetry-collector-contrib:0.120.0` is newer), which only the collector's own container can reach, but service `prometheus` scrapes `otel-collector:8888`: every scrape fails")
        XCTAssertEqual(found.first?.related.map(\.location.path).map(ConfigPaths.fileName), ["prometheus.yml"])
        XCTAssertNil(found.first?.fix)
    }

    func testAReaderOnLocalhostIsFixedToEveryInterface() throws {
        let telemetry = "  telemetry:\n    metrics:\n      readers:\n        - pull:\n            exporter:\n              prometheus:\n                host: localhost\n                port: 8888\n"
        let project = try project(telemetry: telemetry)
        XCTAssertEqual(project.diagnostics("OTL710").map(\.location.start), [LineColumn(line: 15, column: 23)])
        try project.assertFix("OTL710", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "host: localhost", with: "host: 0.0.0.0"))
    }

    func testMetricsServedOnEveryInterfaceOrOffAreFine() throws {
        let reader = "  telemetry:\n    metrics:\n      readers:\n        - pull:\n            exporter:\n              prometheus:\n                host: 0.0.0.0\n                port: 8888\n"
        let cases = [
            ("0.120.0", reader),
            ("0.120.0", "  telemetry:\n    metrics:\n      level: none\n"),
            // `address` is deprecated but still read before v0.123.0.
            ("0.120.0", "  telemetry:\n    metrics:\n      address: 0.0.0.0:8888\n"),
            // Before v0.111.0 the default is every interface.
            ("0.110.0", ""),
        ]
        for (version, telemetry) in cases {
            XCTAssertEqual(try project(version: version, telemetry: telemetry).diagnostics("OTL710").map(\.message), [], "\(version) \(telemetry)")
        }
    }

    func testTheAddressIsIgnoredFromV0123() throws {
        let found = try project(version: "0.130.0", telemetry: "  telemetry:\n    metrics:\n      address: 0.0.0.0:8888\n").diagnostics("OTL710")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 11, column: 7)])
        XCTAssertTrue(found.first?.message.contains("(`address` is ignored since v0.123.0;") == true, found.first?.message ?? "")
    }

    func testAPublishedPortNobodyScrapesIsOnlyInformation() throws {
        let found = try project(scrapes: "api:9464", ports: "8888:8888").diagnostics("OTL710")
        XCTAssertEqual(found.map(\.severity), [.info])
        XCTAssertTrue(found.first?.message.hasSuffix("but the port is published to the host: connections through it are refused") == true, found.first?.message ?? "")
    }

    func testAScrapedPrometheusExporterOnLocalhostIsFixed() throws {
        let project = try project(telemetry: "  telemetry:\n    metrics:\n      level: none\n", exporters: "  prometheus:\n    endpoint: localhost:8889\n",
                                  exporterIDs: "prometheus", scrapes: "otel-collector:8889")
        let found = project.diagnostics("OTL710")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 8, column: 15)])
        XCTAssertTrue(found.first?.message.hasPrefix("exporter `prometheus` serves Prometheus scrapes on localhost:8889") == true, found.first?.message ?? "")
        try project.assertFix("OTL710", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "localhost:8889", with: "0.0.0.0:8889"))
    }

    func testPublishedMetricsOnEveryInterfaceInProductionAreInformation() throws {
        let reader = "  telemetry:\n    metrics:\n      readers:\n        - pull:\n            exporter:\n              prometheus:\n                host: 0.0.0.0\n                port: 8888\n"
        let production = try project(telemetry: reader, ports: "8888:8888", composeName: "docker-compose.prod.yml").diagnostics("OTL717")
        XCTAssertEqual(production.map(\.severity), [.info])
        XCTAssertEqual(production.map(\.location.start), [LineColumn(line: 15, column: 23)])
        XCTAssertEqual(try project(telemetry: reader, ports: "8888:8888").diagnostics("OTL717").map(\.message), [], "not production")
    }
}
