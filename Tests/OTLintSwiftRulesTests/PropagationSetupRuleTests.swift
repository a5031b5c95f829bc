import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// OTL211 telemetry-backend-not-run, OTL605 client-created-before-bootstrap, OTL602 message-without-propagation.
final class PropagationSetupRuleTests: XCTestCase {
    // MARK: OTL211

    func testDiscardedBootstrapIsReportedAtTheCall() {
        let source = """
        import OTel

        func start() throws {
            _ = try OTel.bootstrap(configuration: .default)
        }
        """
        let found = analyzeSwift(source).with("OTL211")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 4, column: 18))
        XCTAssertEqual(found.first?.severity, .error)
    }

    func testBareBootstrapStatementAndUnusedBindingAreReported() {
        let bare = """
        import OTel
        func start() throws {
            try OTel.bootstrap()
        }
        """
        XCTAssertEqual(analyzeSwift(bare).with("OTL211").count, 1)
        let unused = """
        import OTel
        func start() async throws {
            let observability = try OTel.bootstrap()
            try await runServer()
        }
        """
        let found = analyzeSwift(unused).with("OTL211")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 9))
    }

    func testDiscardedServiceOfTracingBackendIsReportedAtTheWildcard() {
        let source = """
        import OTel
        func tracer() throws -> some Sendable {
            let (tracer, _) = try OTel.makeTracingBackend()
            return tracer
        }
        """
        let found = analyzeSwift(source).with("OTL211")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 3, column: 18))
    }

    func testServiceThatRunsIsNotReported() {
        let grouped = """
        import OTel
        import ServiceLifecycle
        func start() async throws {
            let observability = try OTel.bootstrap()
            try await ServiceGroup(services: [observability], logger: logger).run()
        }
        """
        XCTAssertTrue(analyzeSwift(grouped).with("OTL211").isEmpty)
        let backend = """
        import OTel
        func start() async throws {
            let backend = try OTel.makeTracingBackend()
            try await backend.service.run()
        }
        """
        XCTAssertTrue(analyzeSwift(backend).with("OTL211").isEmpty)
        let test = """
        import OTel
        import XCTest
        final class T: XCTestCase { func test() throws { _ = try OTel.bootstrap() } }
        """
        XCTAssertTrue(analyzeSwift(test, path: "Tests/AppTests/T.swift").with("OTL211").isEmpty)
    }

    // MARK: OTL606

    func testServerSpanWithoutTheCallersContextIsReported() {
        let middleware = """
        import Tracing
        import OpenAPIRuntime
        struct RequestTracing: ServerMiddleware {
            func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                           next: (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
                try await withSpan(operationID, ofKind: .server) { span in try await next(request, body, metadata) }
            }
        }
        """
        let route = """
        import Vapor
        import Tracing
        func routes(_ app: Application) {
            app.get("orders") { req async throws -> String in
                try await withSpan("list-orders", ofKind: .server) { _ in "[]" }
            }
        }
        """
        let found = analyzeSwift([("Sources/App/Tracing.swift", middleware), ("Sources/App/Routes.swift", route)]).with("OTL606")
        XCTAssertEqual(found.map { "\($0.location.path.split(separator: "/").last!):\($0.location.start.line):\($0.location.start.column)" },
                       ["Routes.swift:5:19", "Tracing.swift:6:19"])
        XCTAssertEqual(found.last?.why?.contains("the headers of `request`"), true, found.last?.why ?? "")
        XCTAssertEqual(found.map { $0.help?.contains("extract(req.headers,") == true }, [true, false], "Vapor's request has `headers`")
        XCTAssertEqual(found.last?.help?.contains("extract(request.headerFields,"), true, "swift-http-types' `HTTPRequest` has `headerFields`")
    }

    func testServerSpansThatGetTheCallersContextAreNotReported() {
        let extracting = """
        import Tracing
        import Instrumentation
        func handle(_ request: HTTPRequest) async throws {
            var context = ServiceContext.topLevel
            InstrumentationSystem.instrument.extract(request.headerFields, into: &context, using: FieldsExtractor())
            try await withSpan("handle", context: context, ofKind: .server) { _ in }
        }
        func child(_ request: HTTPRequest, parent: ServiceContext) async throws {
            try await withSpan("child", context: parent, ofKind: .server) { _ in }
        }
        func respond(to request: Request, baggage: Baggage) {
            let span = InstrumentationSystem.tracer.startSpan(request.head.uri, baggage: baggage, ofKind: .server)
            span.end()
        }
        func internalWork(_ job: Job) async throws {
            try await withSpan("job", ofKind: .server) { _ in }
        }
        func clientCall(_ request: HTTPRequest) async throws {
            try await withSpan("call", ofKind: .client) { _ in }
        }
        """
        XCTAssertTrue(analyzeSwift(extracting).with("OTL606").isEmpty, "\(analyzeSwift(extracting).with("OTL606").map(\.message))")

        // Vapor's own `TracingMiddleware` extracts the context before the route runs.
        let route = """
        import Vapor
        import Tracing
        func routes(_ app: Application) {
            app.get("orders") { req async throws -> String in
                try await withSpan("list-orders", ofKind: .server) { _ in "[]" }
            }
        }
        """
        let configure = "import Vapor\nfunc configure(_ app: Application) { app.middleware.use(TracingMiddleware()) }\n"
        XCTAssertTrue(analyzeSwift([("Sources/App/Routes.swift", route), ("Sources/App/configure.swift", configure)]).with("OTL606").isEmpty)
        // A `TracingMiddleware` the project declares itself is not the framework's.
        let own = "import Tracing\nstruct TracingMiddleware {}\nlet middleware = TracingMiddleware()\n"
        XCTAssertEqual(analyzeSwift([("Sources/App/Routes.swift", route), ("Sources/App/configure.swift", configure),
                                     ("Sources/App/TracingMiddleware.swift", own)]).with("OTL606").count, 1)
    }

    // MARK: OTL605

    func testClientCreatedBeforeBootstrapIsReportedWithTheBootstrapAsEvidence() {
        let source = """
        import AsyncHTTPClient
        import OTel

        func main() async throws {
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let observability = try OTel.bootstrap()
            try await run(client, observability)
        }
        """
        let found = analyzeSwift(source).with("OTL605")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 5, column: 18))
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.related.first?.location.start, LineColumn(line: 6, column: 29))
        XCTAssertTrue(found.first?.message.contains("OTel.bootstrap") == true)
    }

    func testConfigurationCreatedBeforeInstrumentationBootstrapIsReported() {
        let source = """
        import AsyncHTTPClient
        import Instrumentation

        func main() {
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .seconds(1))
            InstrumentationSystem.bootstrap(MyTracer())
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }
        """
        let found = analyzeSwift(source).with("OTL605")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start.line, 5)
        XCTAssertTrue(found.first?.message.contains("HTTPClient.Configuration") == true)
    }

    func testClientAfterBootstrapOrInAnotherFunctionOrClosureIsNotReported() {
        let after = """
        import AsyncHTTPClient
        import OTel
        func main() async throws {
            let observability = try OTel.bootstrap()
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            try await run(client, observability)
        }
        """
        XCTAssertTrue(analyzeSwift(after).with("OTL605").isEmpty)
        let elsewhere = """
        import AsyncHTTPClient
        import OTel
        struct App {
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            func makeClient() -> HTTPClient { HTTPClient() }
            func main() async throws {
                let makeLater = { HTTPClient() }
                let observability = try OTel.bootstrap()
                try await run(makeLater(), observability)
            }
        }
        """
        XCTAssertTrue(analyzeSwift(elsewhere).with("OTL605").isEmpty)
        let explicitTracer = """
        import AsyncHTTPClient
        import OTel
        func main() async throws {
            var configuration = HTTPClient.Configuration()
            let observability = try OTel.bootstrap()
            configuration.tracing.tracer = InstrumentationSystem.tracer
            let client = HTTPClient(configuration: configuration)
        }
        """
        XCTAssertTrue(analyzeSwift(explicitTracer).with("OTL605").isEmpty)
    }

    // MARK: OTL602

    func testProducerMessageWithoutHeadersIsReported() {
        let source = """
        import Kafka
        import Tracing

        func publish(_ producer: KafkaProducer, _ body: String) throws {
            let message = KafkaProducerMessage(topic: "orders", value: body)
            _ = try producer.send(message)
        }
        """
        let found = analyzeSwift(source).with("OTL602")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 5, column: 19))
        XCTAssertEqual(found.first?.severity, .warning)
    }

    func testProducerThatInjectsOrIsNotTracedIsNotReported() {
        let injecting = """
        import Kafka
        import Tracing
        import Instrumentation

        func publish(_ producer: KafkaProducer, _ body: String) throws {
            var headers: [KafkaHeader] = []
            InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &headers, using: Injector())
            _ = try producer.send(KafkaProducerMessage(topic: "orders", headers: headers, value: body))
        }
        """
        XCTAssertTrue(analyzeSwift(injecting).with("OTL602").isEmpty)
        let helper = """
        import Kafka
        import Tracing

        func publish(_ producer: KafkaProducer, _ body: String) throws {
            _ = try producer.send(KafkaProducerMessage(topic: "orders", headers: tracingHeaders(), value: body))
        }
        """
        XCTAssertTrue(analyzeSwift(helper).with("OTL602").isEmpty)
        let untraced = """
        import Kafka
        import Metrics

        func publish(_ producer: KafkaProducer, _ body: String) throws {
            _ = try producer.send(KafkaProducerMessage(topic: "orders", value: body))
        }
        """
        XCTAssertTrue(analyzeSwift(untraced).with("OTL602").isEmpty)
    }

    func testConsumerSpanWithoutExtractionIsReportedAtTheSpanStart() {
        let source = """
        import Kafka
        import Tracing

        func consume(_ consumer: KafkaConsumer) async throws {
            for try await message in consumer.messages {
                try await withSpan("handle", ofKind: .consumer) { _ in
                    try await handle(message)
                }
            }
        }
        """
        let found = analyzeSwift(source).with("OTL602")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location.start, LineColumn(line: 6, column: 19))
        XCTAssertEqual(found.first?.related.first?.location.start, LineColumn(line: 5, column: 30))
    }

    func testConsumerThatExtractsOrPassesAContextIsNotReported() {
        let extracting = """
        import Kafka
        import Tracing
        import Instrumentation

        func consume(_ consumer: KafkaConsumer) async throws {
            for try await message in consumer.messages {
                var context = ServiceContext.topLevel
                InstrumentationSystem.instrument.extract(message.headers, into: &context, using: Extractor())
                try await withSpan("handle", context: context, ofKind: .consumer) { _ in try await handle(message) }
            }
        }
        """
        XCTAssertTrue(analyzeSwift(extracting).with("OTL602").isEmpty)
        let explicitContext = """
        import Kafka
        import Tracing

        func consume(_ consumer: KafkaConsumer) async throws {
            for try await message in consumer.messages {
                try await withSpan("handle", context: contextFrom(message), ofKind: .consumer) { _ in try await handle(message) }
            }
        }
        """
        XCTAssertTrue(analyzeSwift(explicitContext).with("OTL602").isEmpty)
    }
}

extension PropagationSetupRuleTests {
    func testClientBeforeBootstrapIsNotReportedWhenTracesAreDisabled() {
        let source = """
        import AsyncHTTPClient
        import OTel
        func main() async throws {
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            var config = OTel.Configuration.default
            config.traces.enabled = false
            let observability = try OTel.bootstrap(configuration: config)
            try await run(client, observability)
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL605").isEmpty)
    }
}
