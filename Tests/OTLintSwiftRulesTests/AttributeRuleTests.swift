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
            span.attributes["url.full"] = url?.stringWithUserAndPasswordStripped
            span.attributes["user.password"] = "***"
        }
        """
        XCTAssertTrue(analyzeSwift(source).with("OTL401").isEmpty, analyzeSwift(source).map(\.message).joined(separator: "\n"))
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
}
