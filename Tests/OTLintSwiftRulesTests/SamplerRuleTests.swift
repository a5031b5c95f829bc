import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class SamplerRuleTests: XCTestCase {
    func testAlwaysOnSpellingsInBothEcosystems() {
        let otelSwift = """
        import OpenTelemetrySdk
        let a = TracerProviderBuilder().with(sampler: Samplers.alwaysOn).build()
        let b = TracerProviderBuilder().with(sampler: Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 1.0))).build()
        let c = TracerProviderBuilder().with(sampler: Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0.1))).build()
        """
        XCTAssertEqual(analyzeSwift(otelSwift).with("OTL101").map(\.location.start.line), [2, 3])
        let swiftOTel = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.sampler = .alwaysOn
            config.traces.sampler = .parentBasedTraceIDRatio
            config.traces.sampler = .traceIDRatio(ratio: 1)!
            config.traces.sampler = .parentBasedTraceIDRatio(ratio: 0.2)!
        }
        """
        XCTAssertEqual(analyzeSwift(swiftOTel).with("OTL101").map(\.location.start.line), [4, 5, 6])
    }

    func testConditionalDebugAndTestSamplersAreNotReported() {
        let source = """
        import OTel
        func configure(debug: Bool) {
            var config = OTel.Configuration.default
            if debug { config.traces.sampler = .alwaysOn }
            config.traces.sampler = debug ? .alwaysOn : .parentBasedTraceIDRatio(ratio: 0.1)!
            #if DEBUG
            config.traces.sampler = .alwaysOn
            #endif
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL101").isEmpty)
        XCTAssertTrue(analyzeSwift("import OpenTelemetrySdk\nlet s = Samplers.alwaysOn\n", path: "Tests/AppTests/T.swift").with("OTL101").isEmpty)
    }

    func testExampleCodeIsNotJudgedButTheSameLineInAnAppIs() {
        let source = "import OpenTelemetrySdk\nlet s = Samplers.alwaysOn\n"
        XCTAssertEqual(analyzeSwift(source, path: "Sources/App/Tracing.swift").with("OTL101").map(\.location.start), [LineColumn(line: 2, column: 18)])
        XCTAssertEqual(analyzeSwift(source, path: "Examples/hello/Sources/Hello/main.swift").with("OTL101").count, 0)
        XCTAssertEqual(analyzeSwift(source, path: "Samples/Dinner/Sources/Onboarding/main.swift").with("OTL101").count, 0)
    }

    func testRatioOutOfRange() {
        let source = """
        import OpenTelemetrySdk
        let s = Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 10))
        let t = Samplers.parentBased(root: Samplers.traceIdRatio(ratio: -0.5))
        """
        let found = analyzeSwift(source).with("OTL102")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 2, column: 65))
    }

    func testParentBasedFixForBothEcosystemsIsUnsafeAndIdempotent() {
        let otelSwift = """
        import OpenTelemetrySdk
        let p = TracerProviderBuilder().with(sampler: Samplers.traceIdRatio(ratio: 0.1)).build()
        """
        let fixed = fixing("OTL103", in: otelSwift)
        XCTAssertEqual(fixed, """
        import OpenTelemetrySdk
        let p = TracerProviderBuilder().with(sampler: Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0.1))).build()
        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL103").isEmpty)
        let swiftOTel = """
        import OTel
        func f() { var config = OTel.Configuration.default; config.traces.sampler = .traceIDRatio(ratio: 0.1)! }
        """
        let diagnostics = analyzeSwift(swiftOTel).with("OTL103")
        XCTAssertEqual(diagnostics.first?.fix?.applicability, .unsafe)
        let fixedSwiftOTel = fixing("OTL103", in: swiftOTel)
        XCTAssertTrue(fixedSwiftOTel.contains(".parentBasedTraceIDRatio(ratio: 0.1)!"))
        XCTAssertTrue(analyzeSwift(fixedSwiftOTel).with("OTL103").isEmpty)
    }
}
