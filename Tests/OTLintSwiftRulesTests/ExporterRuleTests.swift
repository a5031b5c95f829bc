import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// OTL210 secret-in-exporter-headers, OTL209 insecure-remote-export, OTL207 deprecated-jaeger-exporter,
/// OTL205 malformed-endpoint, OTL202 batch-limits (Swift parts).
final class ExporterRuleTests: XCTestCase {
    // MARK: OTL210

    func testLiteralApiKeyInOtlpConfigurationIsReportedAndMasked() {
        let source = """
        import OpenTelemetryProtocolExporterHttp

        let config = OtlpConfiguration(headers: [("x-api-key", "b3f1c9d2e4a5f6071829")])
        """
        let found = analyzeSwift(source).with("OTL210")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 56))
        XCTAssertFalse(found.first!.message.contains("b3f1c9d2"), "the secret never appears in the message")
        let masked = found.first!.maskedRanges.first!
        XCTAssertEqual(String(decoding: Array(source.utf8)[masked.start..<masked.end], as: UTF8.self), "b3f1c9d2e4a5f6071829")
    }

    func testBearerTokenAssignedToSwiftOTelHeadersIsReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.logs.otlpExporter.headers = [("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9")]
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL210").count, 1)
    }

    func testHeadersFromTheEnvironmentPlaceholdersAndHarmlessHeadersAreNotReported() {
        let source = """
        import OTel
        import Foundation
        func configure() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.headers = [("x-api-key", ProcessInfo.processInfo.environment["KEY"] ?? "")]
            config.metrics.otlpExporter.headers = [("authorization", "Bearer <token>"), ("x-scope-orgid", "tenant-1")]
            config.logs.otlpExporter.headers = [("api-key", "YOUR_API_KEY"), ("x-api-key", "\\(key)")]
            var request = HTTPClientRequest(url: "https://example.com")
            request.headers = [("authorization", "Bearer abcdefghijkl")]
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL210").isEmpty)
    }

    // MARK: OTL209

    func testPlaintextHttpToPublicHostIsReportedWithAnHttpsFix() {
        let source = """
        import OpenTelemetryProtocolExporterHttp

        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://api.honeycomb.io/v1/traces")!)
        """
        let found = analyzeSwift(source).with("OTL209")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 61), "the scheme, as in env files")
        XCTAssertEqual(found.first?.location.end, LineColumn(line: 3, column: 65))
        XCTAssertEqual(found.first?.fix?.applicability, .unsafe)
        let fixed = fixing("OTL209", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetryProtocolExporterHttp

        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "https://api.honeycomb.io/v1/traces")!)
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL209").isEmpty, "the fix is idempotent")
    }

    func testInsecureGrpcConnectionToPublicHostIsReported() {
        let source = """
        import GRPC
        import OpenTelemetryProtocolExporterGrpc
        let channel = ClientConnection.insecure(group: group).connect(host: "otlp.vendor.com", port: 4317)
        let tls = ClientConnection.usingPlatformAppropriateTLS(for: group).connect(host: "otlp.vendor.com", port: 4317)
        """
        let found = analyzeSwift(source).with("OTL209")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start.line, 3)
        XCTAssertNil(found.first?.fix)
    }

    func testSwiftOTelZeroReleasesExportersAreJudged() {
        // 0.9–0.12: `OTLPGRPCSpanExporterConfiguration`, spelled out or as `.init` in the exporter's `configuration:`.
        let current = """
        import OTel
        import OTLPGRPC
        let a = try OTLPGRPCSpanExporter(configuration: .init(environment: environment, endpoint: "collector:4318"))
        let b = try OTLPGRPCSpanExporter(configuration: OTLPGRPCSpanExporterConfiguration(
            environment: environment, endpoint: "ingest.vendor.io:4317", shouldUseAnInsecureConnection: true))
        let c = try OTLPGRPCMetricExporter(configuration: .init(environment: environment, endpoint: "ingest.vendor.io:4317", shouldUseAnInsecureConnection: false))
        """
        let found = analyzeSwift(current).filter { ["OTL203", "OTL209"].contains($0.ruleID) }
        XCTAssertEqual(found.map(\.ruleID), ["OTL203", "OTL209"])
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["3:102", "5:41"])
        XCTAssertEqual(found.first?.message.hasPrefix("`OTLPGRPCSpanExporterConfiguration(endpoint:)` uses port 4318"), true, found.first?.message ?? "")

        // Up to 0.8: `OtlpGRPCSpanExporter.Config(eventLoopGroup:host:port:)`, whose connection is always plaintext.
        let legacy = """
        import OpenTelemetry
        import OtlpGRPCSpanExporting
        let a = OtlpGRPCSpanExporter(config: OtlpGRPCSpanExporter.Config(eventLoopGroup: group, host: "ingest.vendor.io", port: 4317))
        let b = OtlpGRPCSpanExporter(config: .init(eventLoopGroup: group, host: "otel-collector", port: 4317))
        let c = OtlpGRPCLogRecordExporter(config: .init(eventLoopGroup: group, host: "logs.vendor.io"))
        """
        let legacyFound = analyzeSwift(legacy).with("OTL209")
        XCTAssertEqual(legacyFound.map { "\($0.location.start.line):\($0.location.start.column)" }, ["3:95", "5:78"])
        XCTAssertEqual(legacyFound.first?.message,
                       "`OtlpGRPCSpanExporter.Config(host:)` sends telemetry unencrypted (an insecure connection) to the remote host `ingest.vendor.io`")
    }

    func testPlaintextToLocalClusterOrPrivateHostsIsNotReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.endpoint = "http://otel-collector:4318/v1/traces"
            config.metrics.otlpExporter.endpoint = "http://collector.observability:4318/v1/metrics"
            config.logs.otlpExporter.endpoint = "http://collector.observability.svc.cluster.local:4318/v1/logs"
            config.traces.otlpExporter.endpoint = "http://10.0.3.7:4318/v1/traces"
            config.traces.otlpExporter.endpoint = "http://localhost:4318/v1/traces"
            config.traces.otlpExporter.endpoint = "https://otlp.vendor.com:4318/v1/traces"
            config.traces.otlpExporter.endpoint = "http://otel.example.com:4318/v1/traces"
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL209").isEmpty)
    }

    // MARK: OTL207

    func testJaegerSpanExporterIsReported() {
        let source = """
        import JaegerExporter

        let exporter = JaegerSpanExporter(serviceName: "checkout", collectorAddress: "tracing:6831")
        """
        let found = analyzeSwift(source).with("OTL207")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 16))
        XCTAssertTrue(found.first?.help?.contains("http://tracing:4318/v1/traces") == true)
        XCTAssertTrue(analyzeSwift("import Tracing\nlet e = JaegerSpanExporter()\n").with("OTL207").isEmpty)
    }

    // MARK: OTL205

    func testUrlWithoutSchemeIsReportedWithAnUnsafeHttpFix() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "otel-collector:4318/v1/traces")!)
        """
        let found = analyzeSwift(source).with("OTL205")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 2, column: 60))
        XCTAssertEqual(found.first?.fix?.applicability, .unsafe)
        let fixed = fixing("OTL205", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetryProtocolExporterHttp
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://otel-collector:4318/v1/traces")!)
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL205").isEmpty)
    }

    func testGrpcHostWithSchemeAndPortIsFixedSafely() {
        let source = """
        import GRPC
        import OpenTelemetryProtocolExporterGrpc
        let channel = ClientConnection.insecure(group: group).connect(host: "http://otel-collector:4317", port: 4317)
        """
        let found = analyzeSwift(source).with("OTL205")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("a scheme and a port") == true)
        XCTAssertEqual(found.first?.fix?.applicability, .safe)
        let fixed = fixing("OTL205", in: source)
        XCTAssertEqual(fixed, """
        import GRPC
        import OpenTelemetryProtocolExporterGrpc
        let channel = ClientConnection.insecure(group: group).connect(host: "otel-collector", port: 4317)
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL205").isEmpty)
    }

    func testSwiftOTelGrpcEndpointWithoutPortAndUnsupportedSchemeAreReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.protocol = .grpc
            config.traces.otlpExporter.endpoint = "https://otlp.vendor.com"
            config.metrics.otlpExporter.endpoint = "grpc://collector:4317"
            config.logs.otlpExporter.endpoint = "https://otlp.vendor.com"
        }
        """
        let found = analyzeSwift(source).with("OTL205")
        XCTAssertEqual(found.map(\.location.start.line), [5, 6])
        XCTAssertTrue(found[0].message.contains("no port"))
        XCTAssertTrue(found[1].message.contains("grpc://"))
    }

    func testWellFormedEndpointsAreNotReported() {
        let source = """
        import OTel
        func configure(host: String) {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.protocol = .grpc
            config.traces.otlpExporter.endpoint = "http://collector:4317"
            config.metrics.otlpExporter.endpoint = "https://[::1]:4318/v1/metrics"
            config.logs.otlpExporter.endpoint = "http://\\(host):4318/v1/logs"
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL205").isEmpty)
    }

    // MARK: OTL202

    func testMillisecondDelaysAreReportedAndConvertedToSeconds() {
        let source = """
        import OpenTelemetrySdk
        let processor = BatchSpanProcessor(spanExporter: exporter, scheduleDelay: 5000, exportTimeout: 30000)
        """
        let found = analyzeSwift(source).with("OTL202")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 2, column: 75))
        XCTAssertTrue(found.first?.message.contains("83.3 minutes") == true)
        let fixed = fixing("OTL202", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetrySdk
        let processor = BatchSpanProcessor(spanExporter: exporter, scheduleDelay: 5, exportTimeout: 30)
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL202").isEmpty)
    }

    func testBatchLargerThanQueueZeroDelayAndIgnoredSizesAreReported() {
        let source = """
        import OpenTelemetrySdk
        let a = BatchSpanProcessor(spanExporter: exporter, maxQueueSize: 1000, maxExportBatchSize: 4096)
        let b = BatchLogRecordProcessor(logRecordExporter: exporter, scheduleDelay: 0, maxExportBatchSize: 0)
        let c = BatchSpanProcessor(spanExporter: exporter, maxExportBatchSize: 4096)
        """
        let found = analyzeSwift(source).with("OTL202")
        XCTAssertEqual(found.map(\.location.start.line), [2, 3, 3, 4])
        XCTAssertEqual(found[0].related.count, 1)
        XCTAssertTrue(found[3].message.contains("the default"))
    }

    func testSwiftOTelBatchConfiguration() {
        let bad = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.batchSpanProcessor.maxQueueSize = 256
            config.traces.batchSpanProcessor.maxExportBatchSize = 512
            config.logs.batchLogRecordProcessor.scheduleDelay = .zero
        }
        """
        XCTAssertEqual(analyzeSwift(bad).with("OTL202").map(\.location.start.line), [5, 6])
        let good = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.batchSpanProcessor.maxQueueSize = 8192
            config.traces.batchSpanProcessor.maxExportBatchSize = 4096
            config.traces.batchSpanProcessor.scheduleDelay = .milliseconds(500)
        }
        """
        XCTAssertTrue(analyzeSwift(good).with("OTL202").isEmpty)
        let sensible = """
        import OpenTelemetrySdk
        let p = BatchSpanProcessor(spanExporter: exporter, scheduleDelay: 2, exportTimeout: 10, maxQueueSize: 4096, maxExportBatchSize: 1024)
        """
        XCTAssertTrue(analyzeSwift(sensible).with("OTL202").isEmpty)
    }

    func testBatchFindingsPointAtTheValueAndTheQueueSizeValue() {
        let source = """
        import OpenTelemetrySdk
        let a = BatchSpanProcessor(spanExporter: exporter, scheduleDelay: -1, maxQueueSize: 1000, maxExportBatchSize: 4096)
        """
        let found = analyzeSwift(source).with("OTL202")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 67), LineColumn(line: 2, column: 111)])
        XCTAssertEqual(found[0].message, "a negative `scheduleDelay` is ignored: `BatchSpanProcessor` falls back to 5 seconds")
        XCTAssertEqual(found[1].related.map(\.location.start), [LineColumn(line: 2, column: 85)])
    }

    func testSwiftOTelDurationsCarryTheirUnit() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.batchSpanProcessor.scheduleDelay = .seconds(0)
            config.logs.batchLogRecordProcessor.scheduleDelay = .seconds(5000)
        }
        """
        let found = analyzeSwift(source).with("OTL202")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 4, column: 54)])
        XCTAssertEqual(found.first?.message, "a zero `scheduleDelay` makes the batch processor export in a busy loop")
    }

    func testBenchmarkBatchSettingsAreQuiet() {
        let source = """
        import OpenTelemetrySdk
        let a = BatchSpanProcessor(spanExporter: exporter, scheduleDelay: 0, maxExportBatchSize: 4096)
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL202").count, 2)
        XCTAssertEqual(analyzeSwift(source, path: "Benchmarks/Export/main.swift").with("OTL202").count, 0)
    }
}

/// Constants declared with `let` in the same file stand for their literal.
final class ExporterConstantTests: XCTestCase {
    func testSecretInAConstantIsReportedOnceAtItsLiteral() {
        let source = """
        import OpenTelemetryProtocolExporterHttp

        let authToken = "Basic aW5zdGFuY2U6dG9rZW4xMjM0"
        let traces = OtlpHttpTraceExporter(endpoint: url, config: OtlpConfiguration(headers: [("Authorization", authToken)]))
        let logs = OtlpHttpLogExporter(endpoint: url, config: OtlpConfiguration(headers: [("Authorization", authToken)]))
        """
        let found = analyzeSwift(source).with("OTL210")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 17))
        XCTAssertEqual(found.first?.related.first?.location.start.line, 4)
    }

    func testShadowedOrVariableNamesAreNotResolved() {
        let source = """
        import OpenTelemetryProtocolExporterHttp

        let authToken = "Basic aW5zdGFuY2U6dG9rZW4xMjM0"
        func make(authToken: String) -> OtlpConfiguration {
            OtlpConfiguration(headers: [("Authorization", authToken)])
        }
        var endpoint = "collector:4318/v1/traces"
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: endpoint)!)
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL210").isEmpty)
        XCTAssertTrue(analyzeSwift(source).with("OTL205").isEmpty)
    }

    func testEndpointConstantIsJudged() {
        let source = """
        import OpenTelemetryProtocolExporterHttp

        let tracesEndpoint = "http://otlp.vendor.com/v1/traces"
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: tracesEndpoint)!)
        """
        let found = analyzeSwift(source).with("OTL209")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 23), "the scheme of the constant's literal")
    }
}
