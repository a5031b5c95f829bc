import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// OTL303 non-standard-resource-key and OTL301 missing-service-name (Swift parts).
final class ResourceRuleTests: XCTestCase {
    // MARK: OTL303

    func testDeprecatedEnvironmentKeyIsReportedAndRenamed() {
        let source = """
        import OpenTelemetrySdk
        let resource = Resource(attributes: ["service.name": .string("api"), "deployment.environment": .string("production")])
        """
        let found = analyzeSwift(source).with("OTL303")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 2, column: 70))
        // The semantic conventions renamed the key: renaming it is safe, in code as in `OTEL_RESOURCE_ATTRIBUTES`.
        XCTAssertEqual(found.first?.fix?.applicability, .safe)
        let fixed = fixing("OTL303", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetrySdk
        let resource = Resource(attributes: ["service.name": .string("api"), "deployment.environment.name": .string("production")])
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL303").isEmpty)
        XCTAssertTrue(analyzeSwift(source).with("OTL405").isEmpty, "one finding per key: OTL303 owns resource keys it renames")
    }

    func testSwiftOTelDictionaryAndSubscriptKeysAreReported() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.resourceAttributes = ["env": "prod", "version": "1.2.0"]
            config.resourceAttributes["environment"] = "prod"
        }
        """
        let found = analyzeSwift(source).with("OTL303")
        XCTAssertEqual(found.count, 3)
        let fixed = fixing("OTL303", in: source)
        XCTAssertTrue(fixed.contains(#"["deployment.environment.name": "prod", "service.version": "1.2.0"]"#))
        XCTAssertTrue(fixed.contains(#"config.resourceAttributes["deployment.environment.name"] = "prod""#))
    }

    func testNoRenameWhenTheStandardKeyIsAlreadyThere() {
        let source = """
        import OpenTelemetrySdk
        let resource = Resource(attributes: ["deployment.environment.name": .string("prod"), "env": .string("prod")])
        """
        let found = analyzeSwift(source).with("OTL303")
        XCTAssertEqual(found.count, 1)
        XCTAssertNil(found.first?.fix)
        XCTAssertTrue(found.first?.help?.contains("already set") == true)
    }

    func testStandardKeysAndOtherDictionariesAreNotReported() {
        let source = """
        import OpenTelemetrySdk
        import Tracing
        let resource = Resource(attributes: ["service.version": .string("1.0"), "deployment.environment.name": .string("prod")])
        let labels = ["env": "prod", "version": "2"]
        func tag(_ span: any Span) { span.attributes["environment"] = "prod" }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL303").isEmpty)
    }

    // MARK: OTL304

    func testSwiftOTelServiceNameAndAResourceServiceNameThatDisagree() {
        let source = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.serviceName = "checkout"
            config.resourceAttributes = ["service.name": "checkout-api"]
        }
        """
        let found = analyzeSwift(source).with("OTL304")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 5, column: 50)])
        XCTAssertEqual(found.first?.related.map(\.location.start), [LineColumn(line: 4, column: 26)])
        XCTAssertEqual(found.first?.message,
                       "`service.name=checkout-api` in `config.resourceAttributes` disagrees with `config.serviceName` (`checkout`); the service reports as `checkout`")
    }

    func testAgreeingOrUnsetServiceNamesInCodeAreQuiet() {
        let agreeing = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.serviceName = "checkout"
            config.resourceAttributes["service.name"] = "checkout"
        }
        """
        XCTAssertTrue(analyzeSwift(agreeing).with("OTL304").isEmpty)
        // opentelemetry-swift has no service name of its own: the resource decides.
        let resourceOnly = """
        import OpenTelemetrySdk
        let resource = Resource(attributes: ["service.name": .string("checkout")])
        """
        XCTAssertTrue(analyzeSwift(resourceOnly).with("OTL304").isEmpty)
    }

    // MARK: OTL301

    func testTracerProviderWithoutResourceIsReportedAtTheBuilder() {
        let source = """
        import OpenTelemetrySdk
        let provider = TracerProviderBuilder()
            .add(spanProcessor: BatchSpanProcessor(spanExporter: exporter))
            .build()
        """
        let found = analyzeSwift(source).with("OTL301")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 2, column: 16))
        XCTAssertEqual(found.first?.severity, .warning)
    }

    func testResourceWithoutServiceNameAndMeterProviderWithoutResourceAreReported() {
        let source = """
        import OpenTelemetrySdk
        let traces = TracerProviderBuilder().with(resource: Resource(attributes: ["team": .string("payments")])).build()
        let metrics = MeterProviderSdk.builder().registerMetricReader(reader: reader).build()
        let bare = TracerProviderBuilder().with(resource: Resource()).build()
        """
        let found = analyzeSwift(source).with("OTL301")
        XCTAssertEqual(found.map(\.location.start.line), [2, 3, 4])
        XCTAssertEqual(found.first?.location.start.column, 53)
    }

    func testNamedOrMergedOrUnknownResourcesAreNotReported() {
        let source = """
        import OpenTelemetrySdk
        let a = TracerProviderBuilder().with(resource: Resource(attributes: ["service.name": .string("api")])).build()
        let b = TracerProviderBuilder().with(resource: Resource(attributes: ["team": .string("x")]).merging(other: EnvVarResource.get())).build()
        let c = TracerProviderBuilder().with(resource: resource).build()
        let d = TracerProviderBuilder().with(resource: Resource(attributes: [SemanticConventions.Service.name.rawValue: .string("api")])).build()
        let e = MeterProviderSdk.builder().setResource(resource: resource).build()
        let builder = TracerProviderBuilder()
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL301").isEmpty)
        let swiftOTel = """
        import OTel
        func start() throws { let observability = try OTel.bootstrap(configuration: .default) }
        """
        XCTAssertTrue(analyzeSwift(swiftOTel).with("OTL301").isEmpty)
    }
}

extension ResourceRuleTests {
    func testProvidersThatOnlyPrintAreNotReported() {
        let source = """
        import OpenTelemetrySdk
        import StdoutExporter
        import OpenTelemetryProtocolExporterGrpc
        let remote = OtlpMetricExporter(channel: channel)
        let local = MeterProviderSdk.builder()
            .registerMetricReader(reader: PeriodicMetricReaderBuilder(exporter: StdoutMetricExporter(isDebug: true)).build())
            .build()
        let printed = TracerProviderBuilder().add(spanProcessor: SimpleSpanProcessor(spanExporter: StdoutSpanExporter())).build()
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL301").isEmpty)
    }
}
