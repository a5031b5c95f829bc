import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class ErrorAndPropagationRuleTests: XCTestCase {
    // MARK: OTL503

    func testLoggedErrorInsideWithSpanIsReportedWithAnUnsafeFix() {
        let source = """
        import Tracing
        func price() async -> Int? {
            await withSpan("price") { span in
                do {
                    return try await pricing.price()
                } catch {
                    logger.error("failed")
                    return nil
                }
            }
        }
        """
        let found = analyzeSwift(source).with("OTL503")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 6, column: 11))
        XCTAssertEqual(found.first?.fix?.applicability, .unsafe)
        let fixed = fixing("OTL503", in: source)
        XCTAssertTrue(fixed.contains("""
                } catch {
                    span.recordError(error)
                    span.setStatus(SpanStatus(code: .error))
                    logger.error("failed")
        """), fixed)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL503").isEmpty)
    }

    func testRecoveredRethrownOrRecordedErrorsAreNotReported() {
        for body in ["return nil", "throw error", "span.recordError(error); logger.error(\"x\"); return nil",
                     "logger.warning(\"retrying\"); return nil"] {
            let source = """
            import Tracing
            func price() async throws -> Int? {
                try await withSpan("price") { span in
                    do { return try await pricing.price() } catch { \(body) }
                }
            }
            """
            XCTAssertTrue(analyzeSwift(source).with("OTL503").isEmpty, body)
        }
    }

    func testCatchAfterTheManualSpanEndedIsNotReported() {
        let ended = """
        import Tracing
        func f() async {
            let span = startSpan("load")
            await load()
            span.end()
            do { try await save() } catch { logger.error("save failed") }
        }
        """
        XCTAssertTrue(analyzeSwift(ended).with("OTL503").isEmpty)
        let open = """
        import Tracing
        func f() async {
            let span = startSpan("load")
            defer { span.end() }
            do { try await save() } catch { logger.error("save failed") }
        }
        """
        XCTAssertEqual(analyzeSwift(open).with("OTL503").count, 1)
    }

    func testCatchOutsideAnySpanIsNotReported() {
        let source = """
        import Tracing
        func price() async -> Int? {
            do { return try await pricing.price() } catch { logger.error("failed"); return nil }
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL503").isEmpty)
    }

    func testPrintedErrorThatEndsTheSpanIsReportedWithAFix() {
        let source = """
        import Tracing
        func sync() async {
            await withSpan("sync") { span in
                do {
                    try await store.sync()
                } catch {
                    print("sync failed: \\(error)")
                }
            }
        }
        """
        let found = analyzeSwift(source).with("OTL503")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 6, column: 11)])
        XCTAssertEqual(found.first?.message, "this error is printed but not recorded on span `span`, which is exported as successful")
        XCTAssertEqual(found.first?.related.first?.location.start, LineColumn(line: 7, column: 13))
        XCTAssertEqual(fixing("OTL503", in: source), """
        import Tracing
        func sync() async {
            await withSpan("sync") { span in
                do {
                    try await store.sync()
                } catch {
                    span.recordError(error)
                    span.setStatus(SpanStatus(code: .error))
                    print("sync failed: \\(error)")
                }
            }
        }
        """)
    }

    func testWarningAboutTheBoundErrorBeforeReturningIsReportedAndTheFixUsesItsName() {
        let source = """
        import OpenTelemetryApi
        func price(tracer: Tracer) -> Int? {
            tracer.spanBuilder(spanName: "price").withActiveSpan { span in
                do {
                    return try pricing.price()
                } catch let failure {
                    logger.warning("pricing failed", metadata: ["error": "\\(failure)"])
                    return nil
                }
            }
        }
        """
        let found = analyzeSwift(source).with("OTL503")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 6, column: 11)])
        XCTAssertTrue(found.first?.message.hasPrefix("this error is logged at `warning` level but not recorded") == true, found.first?.message ?? "")
        XCTAssertTrue(fixing("OTL503", in: source).contains("""
                } catch let failure {
                    span.status = .error(description: "\\(failure)")
                    logger.warning(
        """))
    }

    /// Each body is quiet inside the span, while the control (the same error printed, then nothing else) is
    /// reported: the test fails if the control stops triggering.
    func testSwallowedErrorsTheCodeExpectsAreNotReported() {
        func source(_ doBody: String = "try await store.sync()", _ catches: String) -> String {
            """
            import Tracing
            func sync() async -> Int? {
                await withSpan("sync") { span in
                    do {
                        \(doBody)
                    } \(catches)
                    try await store.acknowledge()
                    return 1
                }
            }
            """
        }
        let control = source("return try await store.sync()", "catch { print(\"sync failed: \\(error)\"); return nil }")
        XCTAssertEqual(analyzeSwift(control).with("OTL503").map(\.location.start), [LineColumn(line: 6, column: 11)])
        let quiet = [
            // cancellation
            source("return try await store.sync()", "catch is CancellationError { print(\"cancelled\"); return nil } catch { span.recordError(error); return nil }"),
            source("return try await store.sync()", "catch { if error is CancellationError { return nil }; print(\"sync failed: \\(error)\"); return nil }"),
            source("return try await store.sync()", "catch { if !Task.isCancelled { print(\"sync failed: \\(error)\") }; return nil }"),
            // expected errors picked by a pattern
            source("return try await store.sync()", "catch let e as DecodingError { print(\"bad data: \\(e)\"); return nil }"),
            source("return try await store.sync()", "catch StoreError.notFound { print(\"missing\"); return nil }"),
            // a lookup, where a miss is an answer
            source("return try await cache.get(key)", "catch { logger.warning(\"cache read failed: \\(error)\"); return nil }"),
            source("return try await users.findUser(id)", "catch { print(\"no user: \\(error)\"); return nil }"),
            // retries and fallbacks
            source("return try await store.sync()", "catch { logger.warning(\"sync failed, retrying: \\(error)\"); return nil }"),
            source("return try await store.sync()", "catch { print(\"primary failed: \\(error)\"); return try await replica.sync() }"),
            // rethrown, recorded, handed on
            source("return try await store.sync()", "catch { print(\"sync failed: \\(error)\"); throw error }"),
            source("return try await store.sync()", "catch { print(\"sync failed: \\(error)\"); span.recordError(error); return nil }"),
            source("return try await store.sync()", "catch { print(\"sync failed: \\(error)\"); lastError = error; return nil }"),
            // debug level, or a message without the error
            source("return try await store.sync()", "catch { logger.debug(\"sync failed: \\(error)\"); return nil }"),
            source("return try await store.sync()", "catch { logger.warning(\"sync failed\"); return nil }"),
            // a fallback value
            source("return try await store.sync()", "catch { print(\"sync failed, serving the stale copy: \\(error)\"); return stale }"),
            // a returned default alone
            source("return try await store.sync()", "catch { return nil }"),
            // best effort: the span's work goes on after the catch
            source("try await store.sync()", "catch { print(\"sync failed: \\(error)\") }"),
            // a client error answer
            source("return try await store.sync()", "catch { logger.warning(\"bad input: \\(error)\"); return Response(status: .badRequest) }"),
        ]
        for text in quiet {
            XCTAssertEqual(analyzeSwift(text).with("OTL503").map(\.message), [], text)
        }
        let retryLoop = """
        import Tracing
        func sync() async -> Int? {
            await withSpan("sync") { span in
                for attempt in 1...3 {
                    do { return try await store.sync() } catch { logger.warning("attempt \\(attempt) failed: \\(error)") }
                }
                return nil
            }
        }
        """
        XCTAssertEqual(analyzeSwift(retryLoop).with("OTL503").map(\.message), [])
        let withoutLoop = """
        import Tracing
        func sync() async -> Int? {
            await withSpan("sync") { span in
                do { return try await store.sync() } catch { logger.warning("failed: \\(error)") }
                return nil
            }
        }
        """
        XCTAssertEqual(analyzeSwift(withoutLoop).with("OTL503").map(\.location.start), [LineColumn(line: 4, column: 46)])
    }

    func testGeneralCatchAfterACancellationClauseIsStillJudged() {
        let source = """
        import Tracing
        func sync() async {
            await withSpan("sync") { span in
                do {
                    try await store.sync()
                } catch is CancellationError {
                    logger.error("sync cancelled")
                } catch {
                    print("sync failed: \\(error)")
                }
            }
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL503").map(\.location.start), [LineColumn(line: 8, column: 11)])
    }

    func testErrorThrownOutOfAFunctionWithADeferEndedSpanIsReported() {
        let source = """
        import Tracing
        func load(tracer: (any Tracer)?) async throws -> Int {
            let span = tracer?.startSpan("load")
            defer { span?.end() }
            do {
                return try await store.load()
            } catch {
                throw LoadError(underlying: error)
            }
        }
        """
        let found = analyzeSwift(source).with("OTL503")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 7, column: 7)])
        XCTAssertEqual(found.first?.message, "this error is thrown out of the function but not recorded on span `span`, which is exported as successful")
        XCTAssertTrue(fixing("OTL503", in: source).contains("""
            } catch {
                span?.recordError(error)
                span?.setStatus(SpanStatus(code: .error))
                throw LoadError(underlying: error)
        """))
        // The same span declared under `#if`: still reported, but no fix that would not build without the flag.
        let conditional = source.replacingOccurrences(of: "    let span = tracer?.startSpan(\"load\")\n    defer { span?.end() }\n",
                                                      with: "    #if TRACING\n    let span = tracer?.startSpan(\"load\")\n    defer { span?.end() }\n    #endif\n")
        let conditionalFound = analyzeSwift(conditional).with("OTL503")
        XCTAssertEqual(conditionalFound.count, 1)
        XCTAssertNil(conditionalFound.first?.fix)
    }

    func testThrownErrorsThatAreRecordedOrLeaveAClosureSpanAreNotReported() {
        let recordedOutside = """
        import Tracing
        func load() async throws -> Int {
            let span = startSpan("load")
            defer { span.end() }
            do {
                do { return try await store.load() } catch { throw LoadError(underlying: error) }
            } catch {
                span.recordError(error)
                throw error
            }
        }
        """
        XCTAssertEqual(analyzeSwift(recordedOutside).with("OTL503").map(\.message), [])
        // Without the outer recording the outer catch is reported (the inner one hands its error to it).
        let unrecorded = recordedOutside.replacingOccurrences(of: "        span.recordError(error)\n", with: "")
        XCTAssertEqual(analyzeSwift(unrecorded).with("OTL503").map(\.location.start), [LineColumn(line: 7, column: 7)])
        let scoped = """
        import Tracing
        func load() async throws -> Int {
            try await withSpan("load") { span in
                do { return try await store.load() } catch { throw LoadError(underlying: error) }
            }
        }
        """
        XCTAssertEqual(analyzeSwift(scoped).with("OTL503").map(\.message), [])
        let endedByHand = """
        import Tracing
        func load() async throws -> Int {
            let span = startSpan("load")
            do { _ = try await store.load() } catch { throw LoadError(underlying: error) }
            span.end()
            return 1
        }
        """
        XCTAssertEqual(analyzeSwift(endedByHand).with("OTL503").map(\.message), [])
    }

    // MARK: OTL505

    func testThrowingWithActiveSpanWithoutRecordingIsReported() {
        let source = """
        import OpenTelemetryApi
        func load(tracer: Tracer) throws -> Int {
            try tracer.spanBuilder(spanName: "load").withActiveSpan { span in
                try store.load()
            }
        }
        """
        let found = analyzeSwift(source).with("OTL505")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 46))
    }

    func testExistingSpanScopeAndNonThrowingClosuresAreNotReported() {
        let source = """
        import OpenTelemetryApi
        func load(span: Span) throws -> Int {
            try OpenTelemetry.instance.contextProvider.withActiveSpan(span) {
                try store.load()
            }
        }
        func render(tracer: Tracer) -> String {
            tracer.spanBuilder(spanName: "render").withStartedSpan { _ in (try? template.render()) ?? "" }
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL505").isEmpty)
    }

    // MARK: OTL504

    func testSetActiveIsReportedOnlyForServerCode() {
        let server = """
        import OpenTelemetryApi
        import NIOCore
        func f(tracer: Tracer) { let s = tracer.spanBuilder(spanName: "x").setActive(true).startSpan(); defer { s.end() } }
        """
        XCTAssertEqual(analyzeSwift(server).with("OTL504").count, 1)
        let app = """
        import OpenTelemetryApi
        import UIKit
        func f(tracer: Tracer) { let s = tracer.spanBuilder(spanName: "x").setActive(true).startSpan(); defer { s.end() } }
        """
        XCTAssertTrue(analyzeSwift(app).with("OTL504").isEmpty)
        let serverPackage: [(path: String, text: String)] = [
            ("Package.swift", #".package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")"#),
            ("Sources/App/Work.swift", """
            import OpenTelemetryApi
            func f(span: Span) { OpenTelemetry.instance.contextProvider.setActiveSpan(span) }
            """),
        ]
        XCTAssertEqual(analyzeSwift(serverPackage).with("OTL504").count, 1)
    }

    func testLinuxEvidenceFromFoundationNetworkingIfOSLinuxAndTheNearestManifest() {
        let chain = "let s = tracer.spanBuilder(spanName: \"x\").setSpanKind(spanKind: .server).setActive(true).startSpan(); defer { s.end() }"
        let crossPlatform = """
        import OpenTelemetryApi
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif
        func f(tracer: Tracer) { \(chain) }
        """
        let found = analyzeSwift(crossPlatform).with("OTL504")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 5, column: 99)], "at `setActive` after another builder call")
        XCTAssertEqual(found.first?.why?.hasSuffix("this file imports `FoundationNetworking`, which exists only outside Apple platforms, so it is built for Linux"),
                       true, found.first?.why ?? "")
        let linuxBranch = """
        import OpenTelemetryApi
        #if os(Linux)
        func f(tracer: Tracer) { \(chain) }
        #else
        func f(tracer: Tracer) { \(chain) }
        #endif
        """
        XCTAssertEqual(analyzeSwift(linuxBranch).with("OTL504").map(\.location.start.line), [3])

        // Each file is judged by its nearest manifest: the server package's file is reported, the app package's not.
        let work = "import OpenTelemetryApi\nfunc f(tracer: Tracer) { \(chain) }\n"
        let monorepo: [(path: String, text: String)] = [
            ("server/Package.swift", #".package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0")"#),
            ("server/Sources/Server/Work.swift", work),
            ("app/Package.swift", #".package(url: "https://github.com/open-telemetry/opentelemetry-swift", from: "2.0.0")"#),
            ("app/Sources/App/Work.swift", work),
        ]
        XCTAssertEqual(analyzeSwift(monorepo).with("OTL504").map(\.location.path), ["/otlint-test-project/server/Sources/Server/Work.swift"])
    }

    // MARK: OTL601
    // MARK: OTL601

    func testLegacyClientCallsAreReportedAndAsyncExecuteOrInjectionIsNot() {
        let legacy = """
        import AsyncHTTPClient
        import Tracing
        func f(client: HTTPClient) async throws {
            _ = try await client.get(url: "http://a/b").get()
            _ = try await client.execute(request: try HTTPClient.Request(url: "http://a")).get()
        }
        """
        XCTAssertEqual(analyzeSwift(legacy).with("OTL601").count, 2)
        let modern = """
        import AsyncHTTPClient
        import Tracing
        func f(client: HTTPClient) async throws {
            _ = try await client.execute(HTTPClientRequest(url: "http://a"), timeout: .seconds(1))
        }
        func g(client: HTTPClient) async throws {
            var request = try HTTPClient.Request(url: "http://a")
            InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &request.headers, using: Injector())
            _ = try await client.execute(request: request).get()
        }
        """
        XCTAssertTrue(analyzeSwift(modern).with("OTL601").isEmpty)
    }

    func testRequestsThatAreNoHTTPCallOrCarryTheContextAreNotReported() {
        let source = """
        import Vapor
        import Valkey
        import Tracing
        struct Limits {
            let client: ValkeyClient
            func count(_ key: String) async throws -> String? { try await client.get(ValkeyKey(key)).map(String.init) }
        }
        func call(_ req: Request, client: Client) async throws {
            _ = try await req.client.get("https://inventory/items")
            _ = try await client.post(URI(string: "https://\\(host)/api/1/envelope/"), headers: ["X-Sentry-Auth": auth])
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL601").map(\.location.start.line), [9],
                       "only Vapor's client: a Valkey GET is no HTTP request, an error tracker's envelope continues no trace")
        let helper = """
        import Foundation
        import FoundationNetworking
        import Tracing
        func send(_ url: URL, session: URLSession) async throws {
            var request = URLRequest(url: url)
            injectTraceContext(into: &request)
            _ = try await session.data(for: request)
        }
        func perform(_ request: URLRequest) async throws { _ = try await URLSession.shared.data(for: request) }
        func injectTraceContext(into request: inout URLRequest) {
            InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &request, using: RequestInjector())
        }
        """
        XCTAssertEqual(analyzeSwift(helper).with("OTL601").map(\.message), [],
                       "a helper injects; a request handed in was built where the file injects")
        let appleBranch = """
        import Foundation
        import OpenTelemetryApi
        func fetch(_ request: URLRequest) async throws -> Data {
            #if canImport(FoundationNetworking)
            return Data()
            #else
            return try await URLSession.shared.data(for: request).0
            #endif
        }
        """
        XCTAssertEqual(analyzeSwift(appleBranch + "\nimport NIOCore\n").with("OTL601").map(\.message), [], "the `#else` builds on Apple platforms only")
        let linuxBranch = appleBranch.replacingOccurrences(of: "#if canImport(FoundationNetworking)", with: "#if !os(Linux)")
        XCTAssertEqual(analyzeSwift(linuxBranch + "\nimport NIOCore\n").with("OTL601").count, 1, "the `#else` of `#if !os(Linux)` is the Linux branch")
    }

    func testURLSessionInServerCodeIsReportedUnlessTheProjectInstallsItsInstrumentation() {
        let request = """
        import Foundation
        import NIOCore
        import OpenTelemetryApi
        func fetch(session: URLSession, url: URL) async throws {
            let (data, _) = try await session.data(from: url)
            _ = data
        }
        """
        XCTAssertEqual(analyzeSwift(request).with("OTL601").map(\.location.start), [LineColumn(line: 5, column: 39)], "at `data`")
        let setUp = """
        import URLSessionInstrumentation
        let instrumentation = URLSessionInstrumentation(configuration: URLSessionInstrumentationConfiguration())
        """
        // Installed in another file of the project: the target may run on Apple platforms only, where it injects.
        XCTAssertTrue(analyzeSwift([("Sources/App/Fetch.swift", request), ("Sources/App/Setup.swift", setUp)]).with("OTL601").isEmpty)
    }

    func testURLSessionInAFileBuiltForLinuxIsReported() {
        let request = """
        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif
        import OpenTelemetryApi
        func fetch(url: URL) async throws -> Data {
            try await URLSession.shared.data(from: url).0
        }
        """
        let found = analyzeSwift(request).with("OTL601")
        XCTAssertEqual(found.map(\.location.start), [LineColumn(line: 7, column: 33)])
        XCTAssertEqual(found.first?.why?.contains("`FoundationNetworking`"), true, found.first?.why ?? "")
        let appleOnly = request.replacingOccurrences(of: "#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n", with: "")
        XCTAssertTrue(analyzeSwift(appleOnly).with("OTL601").isEmpty, "without Linux evidence opentelemetry-swift code may be an Apple app")
        // URLSession instrumentation by method swizzling needs the Objective-C runtime: Apple platforms only.
        let swizzling = request + "\nlet original = class_getInstanceMethod(URLSession.self, #selector(URLSession.dataTask(with:completionHandler:)))\n"
        XCTAssertTrue(analyzeSwift(swizzling).with("OTL601").isEmpty, "\(analyzeSwift(swizzling).with("OTL601").map(\.message))")
    }

    func testUntracedProjectsAndTestsAreNotReported() {
        let untraced = """
        import AsyncHTTPClient
        func f(client: HTTPClient) async throws { _ = try await client.get(url: "http://a/b").get() }
        """
        XCTAssertTrue(analyzeSwift(untraced).with("OTL601").isEmpty)
        let test = """
        import AsyncHTTPClient
        import Tracing
        func f(client: HTTPClient) async throws { _ = try await client.get(url: "http://a/b").get() }
        """
        XCTAssertTrue(analyzeSwift(test, path: "Tests/AppTests/ClientTests.swift").with("OTL601").isEmpty)
    }

    // MARK: OTL211

    func testDiscardedAndUnusedBootstrapResultsAreReported() {
        let discarded = """
        import OTel
        func start() throws { _ = try OTel.bootstrap() }
        func tracer() throws { let (tracer, _) = try OTel.makeTracingBackend(); use(tracer) }
        func unused() throws { let observability = try OTel.bootstrap() }
        """
        XCTAssertEqual(analyzeSwift(discarded).with("OTL211").count, 3)
        let run = """
        import OTel
        func start() async throws {
            let observability = try OTel.bootstrap()
            try await ServiceGroup(services: [observability], logger: logger).run()
        }
        """
        XCTAssertTrue(analyzeSwift(run).with("OTL211").isEmpty)
    }
}
