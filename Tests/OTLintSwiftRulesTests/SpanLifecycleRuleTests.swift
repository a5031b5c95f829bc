import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class SpanLifecycleRuleTests: XCTestCase {
    // MARK: OTL502

    func testNeverEndedSpanIsReportedAtItsNameWithADeferFix() {
        let source = """
        import Tracing

        func warm() {
            let span = startSpan("warm")
            cache.warm()
        }

        """
        let found = analyzeSwift(source).with("OTL502")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 4, column: 9))
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.fix?.applicability, .unsafe)
        let fixed = fixing("OTL502", in: source)
        XCTAssertEqual(fixed, """
        import Tracing

        func warm() {
            let span = startSpan("warm")
            defer { span.end() }
            cache.warm()
        }

        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL502").isEmpty, "the fix is idempotent")
    }

    func testEarlyReturnBeforeTheOnlyEndIsReportedAndFixedByMovingTheEndIntoDefer() {
        let source = """
        import OpenTelemetryApi

        func load(tracer: Tracer, id: String) -> Cart? {
            let span = tracer.spanBuilder(spanName: "load-cart").startSpan()
            guard let cart = store.cart(id) else { return nil }
            span.end()
            return cart
        }

        """
        let found = analyzeSwift(source).with("OTL502")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 5, column: 44))
        let fixed = fixing("OTL502", in: source)
        XCTAssertEqual(fixed, """
        import OpenTelemetryApi

        func load(tracer: Tracer, id: String) -> Cart? {
            let span = tracer.spanBuilder(spanName: "load-cart").startSpan()
            defer { span.end() }
            guard let cart = store.cart(id) else { return nil }
            return cart
        }

        """)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL502").isEmpty)
    }

    func testUncaughtTryBeforeEndIsAnExitButCaughtTryIsNot() {
        let leaking = """
        import Tracing
        func charge() async throws {
            let span = startSpan("charge")
            try await payments.charge()
            span.end()
        }
        """
        XCTAssertEqual(analyzeSwift(leaking).with("OTL502").count, 1)
        let caught = """
        import Tracing
        func charge() async {
            let span = startSpan("charge")
            do {
                try await payments.charge()
            } catch {
                span.recordError(error)
            }
            let value = try? compute()
            span.end()
        }
        """
        XCTAssertTrue(analyzeSwift(caught).with("OTL502").isEmpty)
    }

    func testEscapingSpansAreNotJudged() {
        for use in ["return span", "self.span = span", "register(span)", "spans.append(span)",
                    "promise.futureResult.whenComplete { _ in span.end() }"] {
            let source = """
            import Tracing
            func begin() -> (any Span)? {
                let span = startSpan("job")
                \(use)
                return nil
            }
            """
            XCTAssertTrue(analyzeSwift(source).with("OTL502").isEmpty, use)
        }
    }

    func testBreakInsideANestedLoopDoesNotLeaveTheScope() {
        let source = """
        import Tracing
        func scan(_ items: [Int]) {
            let span = startSpan("scan")
            for item in items {
                if item < 0 { break }
            }
            span.end()
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL502").isEmpty)
    }

    func testImplicitReturnAndDiscardedResult() {
        let wrapper = """
        import Tracing
        func makeSpan() -> any Span { startSpan("x") }
        """
        XCTAssertTrue(analyzeSwift(wrapper).with("OTL502").isEmpty)
        let discarded = """
        import Tracing
        func f() {
            _ = InstrumentationSystem.tracer.startSpan("lost")
        }
        """
        XCTAssertEqual(analyzeSwift(discarded).with("OTL502").count, 1)
    }

    func testStartSpanWithoutTracingImportOrWithoutANameIsNotASpan() {
        let custom = """
        import Foundation
        func f() { let span = recorder.startSpan("x") }
        """
        XCTAssertTrue(analyzeSwift(custom).isEmpty)
        let w3c = """
        import W3CTraceContext
        func f(id: TraceID) { id.withSpan { bytes in print(bytes.count) } }
        """
        XCTAssertTrue(analyzeSwift(w3c).isEmpty)
    }

    // MARK: OTL501

    func testSpanInForEachAndTaskGroupLoopIsReported() {
        let source = """
        import Tracing
        func run(_ jobs: [Job]) async {
            jobs.forEach { job in
                withSpan("job") { _ in job.run() }
            }
            await withTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask { await withSpan("job") { _ in await job.run() } }
                }
            }
        }
        """
        let found = analyzeSwift(source).with("OTL501")
        XCTAssertEqual(found.map(\.location.start.line), [4, 8])
    }

    func testHandlersRegisteredInALoopAndEventsInLoopsAreNotReported() {
        let source = """
        import Tracing
        func routes(_ router: Router, paths: [String]) {
            for path in paths {
                router.get(path) { request, context in
                    try await withSpan("handle") { span in "ok" }
                }
            }
        }
        func events(_ items: [Item]) {
            withSpan("batch") { span in
                for item in items { span.addEvent("item \\(item.id)") }
            }
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL501").isEmpty)
    }

    func testASimpleProcessorOfferedBesideBatchingIsTheUsersChoice() {
        let source = """
        import OpenTelemetrySdk
        func processor(_ choice: Processing, exporter: SpanExporter) -> SpanProcessor {
            switch choice {
            case .simple: return SimpleSpanProcessor(spanExporter: exporter)
            case .batch: return BatchSpanProcessor(spanExporter: exporter)
            }
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL201").map(\.message), [])
    }

    // MARK: OTL201

    func testSimpleSpanProcessorFixIsSafeAndIdempotent() {
        let source = """
        import OpenTelemetrySdk
        let provider = TracerProviderBuilder()
            .add(spanProcessor: SimpleSpanProcessor(spanExporter: exporter)) // keep
            .build()
        """
        let found = analyzeSwift(source).with("OTL201")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 25))
        XCTAssertEqual(found.first?.fix?.applicability, .safe)
        let fixed = fixing("OTL201", in: source)
        XCTAssertEqual(fixed, source.replacingOccurrences(of: "SimpleSpanProcessor(", with: "BatchSpanProcessor("))
        XCTAssertTrue(analyzeSwift(fixed).with("OTL201").isEmpty)
    }

    func testSimpleSpanProcessorInFrontOfAConsoleOrMemoryExporterIsNotReported() {
        let local = """
        import OpenTelemetrySdk
        let stdout = StdoutSpanExporter()
        let a = SimpleSpanProcessor(spanExporter: stdout)
        let b = SimpleSpanProcessor(spanExporter: StdoutSpanExporter(isDebug: true))
        let c = SimpleSpanProcessor(spanExporter: InMemoryExporter())
        let otlp = OtlpHttpTraceExporter(endpoint: url)
        let d = SimpleSpanProcessor(spanExporter: otlp)
        """
        XCTAssertEqual(analyzeSwift(local).with("OTL201").map(\.location.start.line), [7], "only the processor in front of OTLP")
    }

    func testSimpleSpanProcessorInTestsAndOtherModulesIsNotReported() {
        let inTests = """
        import OpenTelemetrySdk
        let p = SimpleSpanProcessor(spanExporter: exporter)
        """
        XCTAssertTrue(analyzeSwift(inTests, path: "Tests/AppTests/Setup.swift").isEmpty)
        let unrelated = """
        import MyTelemetry
        let p = SimpleSpanProcessor(spanExporter: exporter)
        """
        XCTAssertTrue(analyzeSwift(unrelated).isEmpty)
    }
}
