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

    func testTracingOffInApplicationCodeIsReportedInBothEcosystems() {
        let otelSwift = """
        import OpenTelemetrySdk
        let a = TracerProviderBuilder().with(sampler: Samplers.alwaysOff).build()
        let b = TracerProviderBuilder().with(sampler: Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0))).build()
        let c = TracerProviderBuilder().with(sampler: Samplers.parentBased(root: Samplers.alwaysOff)).build()
        """
        let found = analyzeSwift(otelSwift, path: "Sources/App/Tracing.swift").with("OTL104")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 2, column: 56), LineColumn(line: 3, column: 103), LineColumn(line: 4, column: 83)])
        XCTAssertEqual(found.map(\.severity), [.warning, .warning, .info])
        XCTAssertEqual(found.first?.message, "the sampler `Samplers.alwaysOff` records no traces: in production nothing is traced")
        XCTAssertTrue(found.first?.why?.contains("opentelemetry-swift ignores `OTEL_TRACES_SAMPLER`") == true)
        let swiftOTel = """
        import OTel
        func configure() {
            var config = OTel.Configuration.default
            config.traces.sampler = .alwaysOff
            config.traces.sampler = .traceIDRatio(ratio: 0.0)!
            let sampler = OTelConstantSampler(isOn: false)
        }
        """
        let swiftOTelFound = analyzeSwift(swiftOTel).with("OTL104")
        XCTAssertEqual(swiftOTelFound.map(\.location.start), [LineColumn(line: 4, column: 30), LineColumn(line: 5, column: 50), LineColumn(line: 6, column: 19)])
        XCTAssertTrue(swiftOTelFound.first?.why?.contains("only `OTEL_TRACES_SAMPLER` in the environment overrides it") == true)
    }

    func testGuardedTestExampleAndBenchmarkSamplersThatTurnTracingOffAreQuiet() {
        let guarded = """
        import OTel
        func configure(loadTest: Bool) {
            var config = OTel.Configuration.default
            if loadTest { config.traces.sampler = .alwaysOff }
            #if DEBUG
            config.traces.sampler = .traceIDRatio(ratio: 0)!
            #endif
        }
        """
        XCTAssertEqual(analyzeSwift(guarded).with("OTL104").count, 0)
        let source = "import OpenTelemetrySdk\nlet s = Samplers.alwaysOff\n"
        XCTAssertEqual(analyzeSwift(source, path: "Sources/App/Tracing.swift").with("OTL104").map(\.location.start), [LineColumn(line: 2, column: 18)])
        for path in ["Tests/AppTests/T.swift", "Examples/hello/Sources/Hello/main.swift", "Benchmarks/Tracing/main.swift"] {
            XCTAssertEqual(analyzeSwift(source, path: path).with("OTL104").count, 0, path)
        }
        // The parent-state samplers of a parent-based sampler decide nothing about root spans.
        let parentStates = """
        import OpenTelemetrySdk
        let s = Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0.1), remoteParentNotSampled: Samplers.alwaysOff, localParentSampled: Samplers.alwaysOn)
        """
        let diagnostics = analyzeSwift(parentStates, path: "Sources/App/Tracing.swift")
        XCTAssertEqual(diagnostics.filter { ["OTL101", "OTL103", "OTL104"].contains($0.ruleID) }.count, 0)
        XCTAssertEqual(analyzeSwift("import OpenTelemetrySdk\nlet s = Samplers.traceIdRatio(ratio: 0.1)\n").with("OTL103").count, 1)
    }

    func testParentBasedRootOfSwiftOTelSamplerIsNotReportedAsRatioWithoutParent() {
        let source = """
        import OTel
        let sampler = OTelParentBasedSampler(rootSampler: OTelTraceIDRatioBasedSampler(ratio: 0.1))
        let bare = OTelTraceIDRatioBasedSampler(ratio: 0.1)
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL103").map(\.location.start), [LineColumn(line: 3, column: 12)])
    }

    func testBareTraceIDRatioPropertyIsNotParentBasedEither() {
        let source = """
        import OTel
        func f() { var config = OTel.Configuration.default; config.traces.sampler = .traceIDRatio }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL103").map(\.location.start), [LineColumn(line: 2, column: 78)])
        XCTAssertEqual(fixing("OTL103", in: source), """
        import OTel
        func f() { var config = OTel.Configuration.default; config.traces.sampler = .parentBasedTraceIDRatio }
        """)
    }
}
