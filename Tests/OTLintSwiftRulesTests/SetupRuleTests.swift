import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class SetupRuleTests: XCTestCase {
    func testClientBeforeBootstrapInTheSameFunction() {
        let source = """
        import AsyncHTTPClient
        import Tracing
        func main() async throws {
            let early = HTTPClient(eventLoopGroupProvider: .singleton)
            InstrumentationSystem.bootstrap(tracer)
            let late = HTTPClient(eventLoopGroupProvider: .singleton)
        }
        func elsewhere() { let client = HTTPClient(eventLoopGroupProvider: .singleton) }
        """
        let found = analyzeSwift(source).with("OTL605")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 4, column: 17)])
        XCTAssertEqual(found.first?.related.first?.location.start.line, 5)
    }

    func testLiteralCredentialsInExporterHeaders() {
        let source = """
        import OpenTelemetryProtocolExporterHttp
        let a = OtlpConfiguration(headers: [("authorization", "Bearer abc123")])
        let b = OtlpConfiguration(headers: [("authorization", "Bearer \\(token)")])
        let c = OtlpConfiguration(headers: [("x-tenant", "shop")])
        let d = OtlpConfiguration(headers: [("x-api-key", apiKey)])
        """
        let found = analyzeSwift(source).with("OTL210")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 55)])
    }

    func testTracerProviderWithoutResource() {
        let source = """
        import OpenTelemetrySdk
        let a = TracerProviderBuilder().add(spanProcessor: p).build()
        let b = TracerProviderBuilder().add(spanProcessor: p).with(resource: r).build()
        let builder = TracerProviderBuilder()
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL301").map(\.location.start.line), [2])
    }
}

final class EndpointRuleTests: XCTestCase {
    func testMissingSignalPathFixIsSafeAndIdempotent() {
        let source = """
        import OTel
        func f() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.endpoint = "http://collector:4318/"
            config.metrics.otlpExporter.endpoint = "http://collector:4318"
            config.logs.otlpExporter.protocol = .grpc
            config.logs.otlpExporter.endpoint = "http://collector:4317"
        }
        """
        let found = analyzeSwift(source).with("OTL204")
        XCTAssertEqual(found.map(\.location.start.line), [4, 5])
        XCTAssertEqual(found.first?.fix?.applicability, .safe)
        let fixed = fixing("OTL204", in: source)
        XCTAssertTrue(fixed.contains(#"endpoint = "http://collector:4318/v1/traces""#), fixed)
        XCTAssertTrue(fixed.contains(#"endpoint = "http://collector:4318/v1/metrics""#), fixed)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL204").isEmpty)
    }

    func testEndpointWithoutSchemeAndGRPCPath() {
        let source = """
        import OTel
        func f() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.endpoint = "collector:4318/v1/traces"
            config.logs.otlpExporter.protocol = .grpc
            config.logs.otlpExporter.endpoint = "http://collector:4317/v1/logs"
        }
        """
        let found = analyzeSwift(source).with("OTL205")
        XCTAssertEqual(found.map(\.location.start.line), [4, 6])
        let fixed = fixing("OTL205", in: source)
        XCTAssertTrue(fixed.contains(#""http://collector:4318/v1/traces""#))
    }
}

final class ResourceKeyRuleTests: XCTestCase {
    func testNonStandardResourceKeyFixIsIdempotent() {
        let source = """
        import OpenTelemetrySdk
        let r = Resource(attributes: ["env": .string("prod"), "service.name": .string("api")])
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL303").map(\.location.start), [LineColumn(line: 2, column: 31)])
        let fixed = fixing("OTL303", in: source)
        XCTAssertTrue(fixed.contains(#"["deployment.environment.name": .string("prod")"#), fixed)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL303").isEmpty)
    }
}

final class InsecureExportRuleTests: XCTestCase {
    func testOnlyPublicPlaintextHostsAreReported() {
        let source = """
        import OTel
        func f() {
            var config = OTel.Configuration.default
            config.traces.otlpExporter.endpoint = "http://otlp.example-vendor.com:4318/v1/traces"
            config.metrics.otlpExporter.endpoint = "http://otel-collector:4318/v1/metrics"
            config.logs.otlpExporter.endpoint = "http://collector.monitoring:4318/v1/logs"
            config.traces.otlpExporter.endpoint = "http://10.1.2.3:4318/v1/traces"
            config.traces.otlpExporter.endpoint = "https://otlp.example-vendor.com/v1/traces"
            config.traces.otlpExporter.endpoint = "http://34.120.5.9:4318/v1/traces"
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL209").map(\.location.start.line), [4, 9])
    }
}
