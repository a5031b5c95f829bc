import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// The endpoint, Jaeger and sampling rules on a collector's exporters and processors: the same concepts as in an
/// SDK's settings, read from the collector configuration a compose service runs.
final class CollectorExporterSettingsTests: XCTestCase {
    /// A project with a collector (contrib 0.120.0), Jaeger and Tempo; `environment` is the collector's.
    func project(exporters: String, processors: String = "", pipelineProcessors: String = "", image: String = "otel/opentelemetry-collector-contrib:0.120.0",
                 composeName: String = "docker-compose.yml", environment: String = "") throws -> TestProject {
        let exporterIDs = exporters.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") && $0.hasSuffix(":") }
            .map { $0.trimmingCharacters(in: .whitespaces).dropLast() }
        return try TestProject([
            composeName: """
            services:
              otel-collector:
                image: \(image)
                volumes:
                  - ./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml
            \(environment.isEmpty ? "" : "    environment:\n" + environment)
              jaeger:
                image: jaegertracing/jaeger:2.5.0
              tempo:
                image: grafana/tempo:2.7.0
            """,
            "otel-collector-config.yaml": """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
            \(processors.isEmpty ? "" : "processors:\n" + processors)
            exporters:
            \(exporters)
            service:
              pipelines:
                traces:
                  receivers: [otlp]
            \(pipelineProcessors.isEmpty ? "" : "      processors: [\(pipelineProcessors)]\n")      exporters: [\(exporterIDs.joined(separator: ", "))]
            """,
        ])
    }

    func starts(_ diagnostics: [Diagnostic]) -> [LineColumn] { diagnostics.map(\.location.start) }

    // MARK: OTL203

    func testAGRPCExporterToTheHTTPPortIsReportedAtThePortAndFixed() throws {
        let project = try project(exporters: "  otlp/tempo:\n    endpoint: tempo:4318\n    tls:\n      insecure: true")
        let found = project.diagnostics("OTL203")
        XCTAssertEqual(starts(found), [LineColumn(line: 9, column: 21)])
        XCTAssertTrue(found.first?.message.contains("`exporters.otlp/tempo.endpoint` uses port 4318") == true, found.first?.message ?? "")
        XCTAssertTrue(found.first?.why?.contains("the collector's `otlp` exporter speaks OTLP/gRPC only") == true, found.first?.why ?? "")
        try project.assertFix("OTL203", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "tempo:4318", with: "tempo:4317"))
    }

    func testAnHTTPExporterToTheGRPCPortIsReported() throws {
        let project = try project(exporters: "  otlp_http/jaeger:\n    endpoint: http://jaeger:4317")
        XCTAssertEqual(starts(project.diagnostics("OTL203")), [LineColumn(line: 9, column: 29)])
    }

    func testMatchingPortsAreFine() throws {
        let project = try project(exporters: "  otlp/tempo:\n    endpoint: tempo:4317\n    tls:\n      insecure: true\n  otlphttp/jaeger:\n    endpoint: http://jaeger:4318")
        for rule in ["OTL203", "OTL204", "OTL205", "OTL206", "OTL209"] {
            XCTAssertEqual(project.diagnostics(rule).map(\.message), [], rule)
        }
    }

    // MARK: OTL204

    func testASignalPathOnTheHTTPBaseEndpointIsRemoved() throws {
        let project = try project(exporters: "  otlphttp:\n    endpoint: http://jaeger:4318/v1/traces")
        let found = project.diagnostics("OTL204")
        XCTAssertEqual(starts(found), [LineColumn(line: 9, column: 33)])
        XCTAssertTrue(found.first?.message.contains("the collector's `otlphttp` exporter appends the signal path") == true, found.first?.message ?? "")
        XCTAssertTrue(found.first?.help?.contains("`traces_endpoint`") == true, found.first?.help ?? "")
        try project.assertFix("OTL204", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "4318/v1/traces", with: "4318"))
    }

    func testAPerSignalEndpointWithoutItsPathGetsIt() throws {
        let project = try project(exporters: "  otlphttp:\n    traces_endpoint: http://jaeger:4318")
        let found = project.diagnostics("OTL204")
        XCTAssertEqual(found.map(\.message), ["`exporters.otlphttp.traces_endpoint` has no `/v1/traces` path: the exporter sends to `traces_endpoint` as written, so traces are sent to `/` and rejected"])
        try project.assertFix("OTL204", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "4318\n", with: "4318/v1/traces\n"))
    }

    func testAnEndpointFromTheServiceEnvironmentIsJudgedWithoutFix() throws {
        let project = try project(exporters: "  otlphttp:\n    endpoint: ${env:BACKEND}",
                                  environment: "      BACKEND: http://jaeger:4318/v1/traces\n")
        let found = project.diagnostics("OTL204")
        XCTAssertEqual(starts(found), [LineColumn(line: 9, column: 15)])
        XCTAssertNil(found.first?.fix)
        XCTAssertEqual(found.first?.related.map(\.message), ["`BACKEND` is set here"])
    }

    func testAnEndpointFromAnUnsetVariableOrAPlaceholderIsNotJudged() throws {
        for value in ["${env:BACKEND}", "${BACKEND}", "BACKEND_TRACES_URL", "<your-endpoint>"] {
            let project = try project(exporters: "  otlphttp:\n    traces_endpoint: \(value)")
            for rule in ["OTL204", "OTL205", "OTL206"] {
                XCTAssertEqual(project.diagnostics(rule).map(\.message), [], "\(rule) on \(value)")
            }
        }
    }

    // MARK: OTL205

    func testAnHTTPExporterWithoutSchemeIsReported() throws {
        let project = try project(exporters: "  otlp_http:\n    endpoint: jaeger:4318")
        let found = project.diagnostics("OTL205")
        XCTAssertEqual(starts(found), [LineColumn(line: 9, column: 15)])
        XCTAssertTrue(found.first?.why?.contains("the collector's `otlp_http` exporter checks it") == true, found.first?.why ?? "")
    }

    func testAPlaintextGRPCEndpointWithoutPortIsReported() throws {
        let project = try project(exporters: "  otlp:\n    endpoint: http://tempo")
        XCTAssertEqual(project.diagnostics("OTL205").map(\.message),
                       ["the gRPC endpoint `exporters.otlp.endpoint` has no port: the collector connects to port 443 in plaintext, where no OTLP/gRPC receiver listens"])
        // `host:port` without scheme and `https://` on 443 are what the gRPC exporter expects.
        let fine = try self.project(exporters: "  otlp:\n    endpoint: tempo:4317\n    tls:\n      insecure: true\n  otlp/vendor:\n    endpoint: https://api.vendor.example.com")
        XCTAssertEqual(fine.diagnostics("OTL205").map(\.message), [])
    }

    // MARK: OTL206

    func testALoopbackExporterInACollectorContainerIsReported() throws {
        let project = try project(exporters: "  otlp/jaeger:\n    endpoint: localhost:4317\n    tls:\n      insecure: true")
        let found = project.diagnostics("OTL206")
        XCTAssertEqual(starts(found), [LineColumn(line: 9, column: 15)])
        XCTAssertEqual(found.first?.message,
                       "exporter `otlp/jaeger` of service `otel-collector` exports to `localhost`, which inside its container is the container itself: the telemetry never reaches its backend")
    }

    func testATypoInTheBackendHostIsFixed() throws {
        let project = try project(exporters: "  otlp/jaeger:\n    endpoint: jaegr:4317\n    tls:\n      insecure: true")
        XCTAssertTrue(project.diagnostics("OTL206").first?.message.contains("did you mean `jaeger`?") == true)
        try project.assertFix("OTL206", file: "otel-collector-config.yaml",
                              becomes: try project.read("otel-collector-config.yaml").replacingOccurrences(of: "jaegr:", with: "jaeger:"))
    }

    func testACustomCollectorImageMayForwardToItsOwnContainer() throws {
        let project = try project(exporters: "  otlp:\n    endpoint: localhost:4317\n    tls:\n      insecure: true", image: "example/collector-with-agent:1.0")
        XCTAssertEqual(project.diagnostics("OTL206").map(\.message), [])
    }

    // MARK: OTL207

    func testTheJaegerExporterOnAReleaseThatStillHasItIsDeprecated() throws {
        let exporters = "  jaeger:\n    endpoint: jaeger:14250\n    tls:\n      insecure: true"
        let old = try project(exporters: exporters, image: "otel/opentelemetry-collector-contrib:0.80.0")
        let found = old.diagnostics("OTL207")
        XCTAssertEqual(starts(found), [LineColumn(line: 8, column: 3)])
        XCTAssertTrue(found.first?.help?.contains("`jaeger:4317`") == true, found.first?.help ?? "")
        XCTAssertEqual(old.diagnostics("OTL704").map(\.message), [])
        // Removed in this release: the collector refuses to start, which is OTL704's finding alone.
        let new = try project(exporters: exporters)
        XCTAssertEqual(new.diagnostics("OTL207").map(\.message), [])
        XCTAssertEqual(new.diagnostics("OTL704").count, 1)
    }

    // MARK: OTL209

    func testPlaintextToARemoteHostInProductionIsReportedAtTheTLSSetting() throws {
        let project = try project(exporters: "  otlp/vendor:\n    endpoint: otlp.eu01.nr-data.net:4317\n    headers:\n      api-key: ${env:VENDOR_KEY}\n    tls:\n      insecure: true",
                                  composeName: "docker-compose.prod.yml")
        let found = project.diagnostics("OTL209")
        XCTAssertEqual(starts(found), [LineColumn(line: 13, column: 17)])
        XCTAssertEqual(found.first?.severity, .error, "credentials travel in plaintext")
        XCTAssertTrue(found.first?.message.contains("the headers of `exporters.otlp/vendor.headers`") == true, found.first?.message ?? "")
    }

    func testWeakTLSAndHTTPToARemoteHostInProductionAreReported() throws {
        let project = try project(exporters: """
              otlp/vendor:
                endpoint: otlp.eu01.nr-data.net:4317
                tls:
                  insecure_skip_verify: true
                  min_version: "1.0"
              otlphttp/vendor:
                endpoint: http://otlp.eu01.nr-data.net:4318
            """, composeName: "docker-compose.prod.yml")
        let found = project.diagnostics("OTL209")
        XCTAssertEqual(Set(starts(found)), [LineColumn(line: 11, column: 29), LineColumn(line: 12, column: 20), LineColumn(line: 14, column: 15)])
        // The same file outside production, and TLS to a service of the project, are fine.
        let development = try self.project(exporters: "  otlphttp/vendor:\n    endpoint: http://otlp.eu01.nr-data.net:4318")
        XCTAssertEqual(development.diagnostics("OTL209").map(\.message), [])
    }

    // MARK: OTL101

    func testATailSamplerThatKeepsEverythingInProductionIsReported() throws {
        let processors = """
          tail_sampling:
            policies:
              - name: errors
                type: status_code
                status_code: {status_codes: [ERROR]}
              - name: everything
                type: always_sample
        """
        let exporters = "  otlp/tempo:\n    endpoint: tempo:4317\n    tls:\n      insecure: true"
        let production = try project(exporters: exporters, processors: processors, pipelineProcessors: "tail_sampling", composeName: "docker-compose.prod.yml")
        let found = production.diagnostics("OTL101")
        XCTAssertEqual(starts(found), [LineColumn(line: 13, column: 15)])
        XCTAssertTrue(found.first?.message.hasPrefix("`tail_sampling` keeps every trace in production (an `always_sample` policy)") == true, found.first?.message ?? "")
        let development = try project(exporters: exporters, processors: processors, pipelineProcessors: "tail_sampling")
        XCTAssertEqual(development.diagnostics("OTL101").map(\.message), [])
    }

    func testAProbabilisticSamplerBelowHundredIsFine() throws {
        let processors = "  probabilistic_sampler:\n    sampling_percentage: 25\n"
        let project = try project(exporters: "  otlp/tempo:\n    endpoint: tempo:4317\n    tls:\n      insecure: true", processors: processors,
                                  pipelineProcessors: "probabilistic_sampler", composeName: "docker-compose.prod.yml")
        XCTAssertEqual(project.diagnostics("OTL101").map(\.message), [])
    }
}
