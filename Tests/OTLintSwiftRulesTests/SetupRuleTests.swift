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
