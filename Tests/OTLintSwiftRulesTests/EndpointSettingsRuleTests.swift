import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// OTL203 endpoint-protocol-mismatch in Swift code: the settings rule judges the transport the exporter type (or
/// swift-otel's `.protocol`) fixes against the port of its URL.
final class EndpointProtocolMismatchSwiftTests: XCTestCase {
    func testHTTPExporterOnTheGRPCPortIsReportedAtThePortAndFixed() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4317/v1/traces")!)
        """
        let found = analyzeSwift(source).with("OTL203")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 78)])
        XCTAssertEqual(found.first?.location.end, LineColumn(line: 2, column: 82))
        XCTAssertEqual(found.first?.message,
                       "`OtlpHttpTraceExporter(endpoint:)` uses port 4317 but the exporter speaks OTLP/HTTP: OTLP/HTTP is served on 4318")
        XCTAssertEqual(found.first?.fix?.applicability, .safe)
        let fixed = fixing("OTL203", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetryProtocolExporterHttp
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4318/v1/traces")!)
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL203").isEmpty)
    }

    func testSwiftOTelGRPCExporterOnTheHTTPPortIsReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.protocol = .grpc
            config.traces.otlpExporter.endpoint = "http://collector:4318"
            config.metrics.otlpExporter.endpoint = "http://collector:4318/v1/metrics"
            config.logs.otlpExporter.protocol = .grpc
            config.logs.otlpExporter.endpoint = "http://collector:4317"
        }
        """
        let found = analyzeSwift(source).with("OTL203")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 5, column: 61)])
        XCTAssertTrue(found.first?.message.contains("the exporter speaks OTLP/gRPC: OTLP/gRPC is served on 4317") == true, found.first?.message ?? "")
        XCTAssertTrue(found.first?.help?.contains("remove `.protocol = .grpc`") == true, found.first?.help ?? "")
        XCTAssertTrue(fixing("OTL203", in: source).contains(#"config.traces.otlpExporter.endpoint = "http://collector:4317""#))
    }

    func testForeignPortIsReportedAndZipkinIsNot() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        import ZipkinExporter
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://jaeger:14268/api/traces")!)
        let zipkin = ZipkinTraceExporterOptions(endpoint: "http://zipkin:9411/api/v2/spans")
        """
        let found = analyzeSwift(source).with("OTL203")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 3, column: 75)])
        XCTAssertTrue(found.first?.message.contains("Jaeger's Thrift HTTP protocol") == true, found.first?.message ?? "")
        XCTAssertNil(found.first?.fix)
    }

    func testMatchingPortsAreNotReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.endpoint = "https://collector:4318/v1/traces"
            config.logs.otlpExporter.protocol = .grpc
            config.logs.otlpExporter.endpoint = "https://collector:4317"
            config.metrics.otlpExporter.endpoint = "https://otlp.vendor.example.com/v1/metrics"
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL203").isEmpty)
        let swapped = source.replacingOccurrences(of: "https://collector:4317", with: "https://collector:4318")
        XCTAssertEqual(analyzeSwift(swapped).with("OTL203").map(\.location.start.line), [6], "the same file with a mismatch is reported")
    }
}

/// OTL209 in code: code applies in every deployment tier unless a condition guards it.
final class InsecureRemoteExportSwiftTests: XCTestCase {
    func testGuardedEndpointsAreNotJudgedAsProduction() {
        let source = """
        import Foundation
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            #if DEBUG
            config.traces.otlpExporter.endpoint = "http://otlp.vendor-cloud.com:4318/v1/traces"
            #endif
            if ProcessInfo.processInfo.environment["STAGE"] == "dev" {
                config.metrics.otlpExporter.endpoint = "http://otlp.vendor-cloud.com:4318/v1/metrics"
            }
            config.logs.otlpExporter.endpoint = "http://otlp.vendor-cloud.com:4318/v1/logs"
        }
        """
        let found = analyzeSwift(source).with("OTL209")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 11, column: 42)])
        XCTAssertEqual(found.first?.message,
                       "`config.logs.otlpExporter.endpoint` sends telemetry unencrypted (`http://`) to the remote host `otlp.vendor-cloud.com`")
        XCTAssertTrue(found.first?.why?.contains("runs in every deployment, production included") == true, found.first?.why ?? "")
    }
}

/// OTL204 in code: an endpoint used as-is that ends with another signal's path.
final class SignalPathInEndpointSwiftTests: XCTestCase {
    func testAnotherSignalsPathIsReported() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let metrics = OtlpHttpMetricExporter(endpoint: URL(string: "http://collector:4318/v1/traces")!)
        let traces = OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4318/v1/traces")!)
        """
        let found = analyzeSwift(source).with("OTL204")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 60)])
        XCTAssertEqual(found.first?.message, "`OtlpHttpMetricExporter(endpoint:)` ends with `/v1/traces`: metrics are sent to another signal's path")
    }

    func testMissingPathMessageNamesTheLibrary() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let traces = OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4318")!)
        """
        let found = analyzeSwift(source).with("OTL204")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 58)])
        XCTAssertEqual(found.first?.message,
                       "`OtlpHttpTraceExporter(endpoint:)` has no `/v1/traces` path: opentelemetry-swift sends to this URL as-is, so traces are sent to `/` and rejected")
        XCTAssertEqual(fixing("OTL204", in: source), """
        import OpenTelemetryProtocolExporterHttp
        let traces = OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4318/v1/traces")!)
        """)
    }
}

/// OTL210 in code, with the one credential judge (`Credentials`).
final class SecretInExporterHeadersSwiftTests: XCTestCase {
    func testHeaderNamesAreJudgedOnWholeWords() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let a = OtlpConfiguration(headers: [("x-team-id", "checkout-payments"), ("x-honeycomb-team", "hcaik_01j9qz3v5x7k2m8n")])
        let b = OtlpConfiguration(headers: [("X-License-Key", "0123456789abcdef0123"), ("x-author", "jane.doe.42")])
        """
        let found = analyzeSwift(source).with("OTL210")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 94), LineColumn(line: 3, column: 55)])
    }
}
