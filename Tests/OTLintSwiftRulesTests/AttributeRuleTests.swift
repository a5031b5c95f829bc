import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class AttributeRuleTests: XCTestCase {
    func testSensitiveKeysInEverySpelling() {
        let source = """
        import Tracing
        import OTelSemanticConventions
        func f(span: any Span, user: User) {
            span.attributes["db.connection_string"] = dsn
            span.attributes.set("auth.access_token", value: .string(user.token))
            span.updateAttributes { attributes in attributes["user.password"] = user.password }
            span.attributes.user.email = user.email
            span.attributes[OTelAttribute.user.email] = user.email
            span.addEvent(SpanEvent(name: "login", attributes: ["session.token": "\\(user.session)"]))
            span.attributes["http.request.header.authorization"] = [header]
        }
        """
        let found = analyzeSwift(source).with("OTL401")
        XCTAssertEqual(found.map(\.location.start.line), [4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(found.first?.location.start.column, 21)
    }

    func testSensitiveValueUnderAnInnocentKey() {
        let source = """
        import OpenTelemetryApi
        func f(span: Span, form: Form, request: Request) {
            span.setAttribute(key: "customer", value: form.email)
            span.setAttribute(key: "auth", value: request.headers["Authorization"])
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL401").count, 2)
    }

    func testQueriesAndURLsRecordedAsReceivedAreReportedAtInfo() {
        let source = """
        import Tracing
        func f(span: any Span, request: Request, url: URL?) {
            span.attributes["url.query"] = request.uri.query
            span.attributes["url.full"] = url?.absoluteString
            span.attributes["url.query"] = redactingSignatures(in: request.uri.query)
            span.attributes["url.full"] = url?.stringWithUserAndPasswordStripped
            span.attributes["url.path"] = request.uri.path
        }
        """
        let found = analyzeSwift(source).with("OTL401")
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["3:36", "4:35"],
                       "a value passed through a function, and `url.path`, are not judged")
        XCTAssertEqual(found.map(\.severity), [.info, .info])
        XCTAssertEqual(found.first?.message.hasPrefix("`url.query` is recorded as received, from `request.uri.query`"), true, found.first?.message ?? "")
    }

    func testKeysDeclaredInATypeOfKeyNamesAreJudgedAndFixed() {
        let source = """
        import Tracing
        struct TracingConfiguration {
            struct AttributeKeys: Sendable {
                var requestMethod: String = "http.request.method"
                var responseStatusCode: String = "http.status_code"
                static let flavor = "http.flavor"
            }
            struct Labels { var status = "http.status_code" }
        }
        enum GRPCTracingKeys { static let rpcSystem = "rpc.system" }
        """
        let found = analyzeSwift(source).with("OTL405")
        XCTAssertEqual(found.map { "\($0.location.start.line):\($0.location.start.column)" }, ["5:42", "6:29", "10:47"],
                       "a type not named for attribute keys (`Labels`) is not judged")
        XCTAssertEqual(fixing("OTL405", in: source).components(separatedBy: "\n")[4],
                       "        var responseStatusCode: String = \"http.response.status_code\"")
    }

    func testDescriptionsOfSecretsAreNotSensitive() {
        let source = """
        import Tracing
        func f(span: any Span, user: User) {
            span.attributes["auth.password.present"] = !user.password.isEmpty
            span.attributes["auth.token.expires_at"] = user.tokenExpiry
            span.attributes["gen_ai.usage.input_tokens"] = usage.inputTokens
            span.attributes["password.length"] = user.password.count
            span.attributes["user.id"] = user.id
            span.attributes["pagination.token"] = page.next
            span.attributes["temporal.schedule.conflict-token"] = response.conflictToken
            span.attributes["url.full"] = url?.stringWithUserAndPasswordStripped
            span.attributes["user.password"] = "***"
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL401").isEmpty, analyzeSwift(source).map(\.message).joined(separator: "\n"))
    }

    func testADecodedTokenIsNoBody() {
        let source = """
        import Tracing
        func f(span: any Span, response: Response, taskToken: TaskToken) {
            span.attributes["http.response.body"] = String(decoding: response.body, as: UTF8.self)
            span.attributes["activity.task"] = String(bytes: taskToken.bytes, encoding: .utf8)
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL403").map(\.location.start.line), [3], "the body, not the token")
    }

    func testHummingbirdRecordedHeaders() {
        let source = """
        import Hummingbird
        let m = TracingMiddleware(recordingHeaders: [.authorization, .cookie, .contentType])
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL401").count, 2)
    }

    func testDeprecatedKeyLiteralFixKeepsQuotingAndIsIdempotent() {
        let source = """
        import Tracing
        func f(span: any Span) {
            span.attributes["http.method"] = "GET" // old name
            span.attributes = ["http.status_code": 200, "net.peer.name": "db"]
        }
        """
        let found = analyzeSwift(source).with("OTL405")
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(found.map { $0.fix != nil }, [true, true, false], "split renames get no fix")
        let fixed = fixing("OTL405", in: source)
        XCTAssertEqual(fixed, """
        import Tracing
        func f(span: any Span) {
            span.attributes["http.request.method"] = "GET" // old name
            span.attributes = ["http.response.status_code": 200, "net.peer.name": "db"]
        }
        """)
        XCTAssertEqual(analyzeSwift(fixed).with("OTL405").count, 1)
        XCTAssertTrue(analyzeSwift(fixed).with("OTL405").allSatisfy { $0.fix == nil })
    }

    func testDeprecatedSemanticAttributesCaseAndDSL() {
        let source = """
        import OpenTelemetryApi
        func f(span: Span) {
            span.setAttribute(key: SemanticAttributes.httpStatusCode.rawValue, value: 200)
            span.setAttribute(key: SemanticConventions.Http.responseStatusCode, value: 200)
        }
        """
        XCTAssertEqual(analyzeSwift(source).with("OTL405").count, 1)
        let dsl = """
        import Tracing
        func f(span: any Span) { span.attributes.http.statusCode = 200; span.attributes.http.response.statusCode = 200 }
        """
        XCTAssertEqual(analyzeSwift(dsl).with("OTL405").map(\.message.count).count, 1)
    }
    // Vapor's `TracingMiddleware(setCustomAttributes:)` hands the closure the server span's `inout SpanAttributes`.
    func testVaporTracingMiddlewareHookWritesAreAttributes() {
        let source = """
        import Vapor
        func configure(_ app: Application) {
            app.middleware.use(TracingMiddleware { attributes, request in
                attributes["enduser.email"] = request.headers.first(name: "X-Email")
                attributes["http.user_agent"] = request.headers.first(name: .userAgent)
                attributes["request.received_at"] = Date()
                attributes["tenant.id"] = request.headers.first(name: "X-Tenant")
            })
            app.middleware.use(TracingMiddleware(setCustomAttributes: { attrs, request in
                attrs.set("session.token", value: .string(request.sessionID))
                attrs.http.method = request.method.rawValue
            }))
            app.middleware.use(TracingMiddleware { $0["user.password"] = $1.password })
        }
        """
        let found = analyzeSwift(source)
        XCTAssertEqual(found.with("OTL401").map { [$0.location.start.line, $0.location.start.column] }, [[4, 20], [10, 19], [13, 47]])
        XCTAssertEqual(found.with("OTL405").map { [$0.location.start.line, $0.location.start.column] }, [[5, 20], [11, 9]])
        XCTAssertEqual(found.with("OTL405").map { $0.fix != nil }, [false, false], "a rename that is not mechanical, and a DSL key")
        XCTAssertEqual(found.with("OTL404").map(\.message),
                       ["attribute `request.received_at` records the current time (`Date()`), which the span already carries"])
    }

    // `updateAttributes` under any parameter name or `$0`, and helpers that take `inout SpanAttributes`.
    func testSpanAttributesParametersInEverySpelling() {
        let source = """
        import Tracing
        func f(span: any Span, user: User) {
            span.updateAttributes { attrs in attrs.set("auth.token", value: .string(user.token)) }
            span.updateAttributes { $0.http.statusCode = 200 }
            span.updateAttributes { $0.merge(["user.email": .string(user.email)]) }
            span.updateAttributes { attrs in attrs = ["db.statement": .string(query)] }
        }
        func addUser(_ user: User, to attributes: inout SpanAttributes) {
            attributes["user.email"] = user.email
        }
        """
        let found = analyzeSwift(source)
        XCTAssertEqual(found.with("OTL401").map { [$0.location.start.line, $0.location.start.column] }, [[3, 48], [5, 39], [9, 16]])
        XCTAssertEqual(found.with("OTL405").map { [$0.location.start.line, $0.location.start.column] }, [[4, 29], [6, 47]])
    }

    // Only a hook's `inout SpanAttributes` parameter is a span's attributes: not a dictionary named `attributes`,
    // not the first parameter of some other closure, not a local that shadows the parameter, not Vapor's second parameter.
    func testNamesThatAreNotTheHooksAttributesAreNotAttributes() {
        let source = """
        import Vapor
        func render(form: Form) -> [String: String] {
            var attributes: [String: String] = [:]
            attributes["user.email"] = form.email
            attributes = ["http.method": form.method]
            return attributes
        }
        func configure(_ app: Application, hooks: Hooks) {
            app.middleware.use(TracingMiddleware { attributes, request in
                attributes["tenant.id"] = request.headers.first(name: "X-Tenant")
                attributes["http.method"] = request.method.rawValue
                request.headers.forEach { header in attributes["app.header_seen"] = header.name.isEmpty }
            })
            app.middleware.use(TracingMiddleware { attributes, request in
                var attributes: [String: String] = [:]
                attributes["user.email"] = request.email
            })
            hooks.onRequest { attributes, request in attributes["user.email"] = request.email }
            hooks.onRequest(setCustomAttributes: { $0["user.password"] = $1.password })
            app.middleware.use(TracingMiddleware { request, attributes in attributes["user.email"] = request.email })
        }
        """
        // The one finding, the old name in the real hook, shows the file was read.
        let found = analyzeSwift(source).filter { $0.ruleID.hasPrefix("OTL4") }
        XCTAssertEqual(found.map { "\($0.ruleID) \($0.location.start.line):\($0.location.start.column)" }, ["OTL405 11:20"])
    }
}
