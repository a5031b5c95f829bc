import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class MalformedResourceAttributesRuleTests: XCTestCase {
    func testItemsWithoutEqualsEmptyKeysAndBrokenEncoding() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=team=a,b,=x,discount=50%\n"])
        let diagnostics = project.diagnostics("OTL302")
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 1, column: 33), "`b`")
        XCTAssertTrue(diagnostics[0].help?.contains("%2C") == true)
        XCTAssertTrue(diagnostics[1].message.contains("empty key"))
        XCTAssertEqual(diagnostics[2].location.start, LineColumn(line: 1, column: 49), "the lone `%`")
        XCTAssertEqual(diagnostics[2].fix?.applicability, .unsafe)
    }

    func testEqualsInValueIsEncodedSafelyKeepingQuotesAndComments() throws {
        let compose = """
        x-base: &base
          OTEL_SERVICE_NAME: 'api'  # shared
        services:
          api:
            environment:
              <<: *base
              OTEL_RESOURCE_ATTRIBUTES: "build.args=a=b,team=core" # build info

        """
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL302").first)
        XCTAssertEqual(diagnostic.fix?.applicability, .safe)
        try project.assertFix("OTL302", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "build.args=a=b", with: "build.args=a%3Db"))
        XCTAssertEqual(project.diagnostics("OTL302").count, 0)
    }

    func testDuplicateKeysAndStrayCommas() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=team=a,,service.version=1,team=b,\n"])
        let diagnostics = project.diagnostics("OTL302")
        XCTAssertEqual(diagnostics.map(\.severity), [.info, .warning, .info])
        XCTAssertEqual(diagnostics[1].location.start, LineColumn(line: 1, column: 26), "the first `team`")
        try project.assertFix("OTL302", file: ".env", becomes: "OTEL_RESOURCE_ATTRIBUTES=team=a,service.version=1,team=b,\n")
    }

    func testWellFormedAndUnknownValuesAreQuiet() throws {
        let project = try TestProject([
            ".env": "OTEL_RESOURCE_ATTRIBUTES=service.version=1.2, team = core ,regions=eu%2Cus\n",
            "x/.env": "OTEL_RESOURCE_ATTRIBUTES=${ATTRS}\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL302").map(\.message), [])
    }
}

final class NonStandardResourceKeyRuleTests: XCTestCase {
    func testDeprecatedEnvironmentKeyHasASafeRename() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=deployment.environment=staging,version=1.4 # keys\n"])
        let diagnostics = project.diagnostics("OTL303")
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 1, column: 26))
        XCTAssertEqual(diagnostics[0].location.end, LineColumn(line: 1, column: 48))
        XCTAssertEqual(diagnostics[0].fix?.applicability, .safe)
        XCTAssertEqual(diagnostics[1].fix?.applicability, .unsafe)
        try project.assertFix("OTL303", file: ".env",
                              becomes: "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=staging,version=1.4 # keys\n")
    }

    func testNoFixWhenTheStandardKeyIsAlreadySet() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=env=prod,deployment.environment.name=production\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL303").first)
        XCTAssertNil(diagnostic.fix)
        XCTAssertTrue(diagnostic.help?.contains("remove") == true)
    }

    func testKeysRenamedToTheSameStandardKeyAreNotAllFixed() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=env=prod,deployment.environment=production,environment=p\n"])
        let diagnostics = project.diagnostics("OTL303")
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertEqual(diagnostics.map { $0.fix != nil }, [false, true, false], "only the deprecated key is renamed")
    }

    func testStandardKeysAreQuiet() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=prod,service.version=1,environment.region=eu\n"])
        XCTAssertEqual(project.diagnostics("OTL303").map(\.message), [])
    }
}

final class DeprecatedResourceKeyRuleTests: XCTestCase {
    func testMechanicalRenameIsSafeAndSplitsHaveNoFix() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=container.runtime=docker,net.peer.name=db,enduser.id=7,state=idle\n"])
        let diagnostics = project.diagnostics("OTL405")
        XCTAssertEqual(diagnostics.count, 2, diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(diagnostics[0].location.start, LineColumn(line: 1, column: 26))
        XCTAssertEqual(diagnostics[0].fix?.applicability, .safe)
        XCTAssertNil(diagnostics[1].fix, "net.peer.name depends on the span kind")
        try project.assertFix("OTL405", file: ".env",
                              becomes: "OTEL_RESOURCE_ATTRIBUTES=container.runtime.name=docker,net.peer.name=db,enduser.id=7,state=idle\n")
    }

    func testTwoOldKeysWithOneReplacementGetNoFix() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=http.user_agent=a,browser.user_agent=b\n"])
        XCTAssertEqual(project.diagnostics("OTL405").map { $0.fix == nil }, [true, true])
    }

    func testDeploymentEnvironmentIsLeftToOTL303() throws {
        let project = try TestProject([".env": "OTEL_RESOURCE_ATTRIBUTES=deployment.environment=prod\n"])
        XCTAssertEqual(project.diagnostics("OTL405").map(\.message), [])
    }
}

final class InvalidPropagatorsRuleTests: XCTestCase {
    func testUnknownNameWithSuggestionAndUnsafeFix() throws {
        let project = try TestProject([".env": "OTEL_PROPAGATORS=\"tracecontex, baggage\" # w3c\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL603").first)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 1, column: 19))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 1, column: 30))
        XCTAssertTrue(diagnostic.message.contains("did you mean `tracecontext`"))
        XCTAssertEqual(diagnostic.fix?.applicability, .unsafe)
        try project.assertFix("OTL603", file: ".env", becomes: "OTEL_PROPAGATORS=\"tracecontext, baggage\" # w3c\n")
    }

    func testDuplicateIsRemovedSafelyInComposeList() throws {
        let compose = "services:\n  api:\n    environment:\n      - OTEL_PROPAGATORS=tracecontext,baggage, tracecontext # dup\n      - 'OTEL_SERVICE_NAME=api'\n"
        let project = try TestProject(["docker-compose.yml": compose])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL603").first)
        XCTAssertEqual(diagnostic.severity, .info)
        XCTAssertEqual(diagnostic.fix?.applicability, .safe)
        try project.assertFix("OTL603", file: "docker-compose.yml",
                              becomes: compose.replacingOccurrences(of: "tracecontext,baggage, tracecontext", with: "tracecontext,baggage"))
    }

    func testNoneWithOthersAliasesAndDeprecatedNames() throws {
        let project = try TestProject([".env": "OTEL_PROPAGATORS=w3c,none,jaeger\n"])
        let diagnostics = project.diagnostics("OTL603")
        XCTAssertEqual(diagnostics.count, 3)
        XCTAssertTrue(diagnostics[0].message.contains("did you mean `tracecontext`"))
        XCTAssertTrue(diagnostics[1].message.contains("`none` is combined"))
        XCTAssertEqual(diagnostics[2].severity, .info)
    }

    func testNoneMessageNamesEachOtherPropagatorOnce() throws {
        let project = try TestProject([".env": "OTEL_PROPAGATORS=b3,none,b3\n"])
        let none = try XCTUnwrap(project.diagnostics("OTL603").first { $0.message.contains("`none` is combined") })
        XCTAssertTrue(none.message.contains("`none` is combined with `b3` in"), none.message)
    }

    func testValidListsAreQuiet() throws {
        let project = try TestProject([
            ".env": "OTEL_PROPAGATORS=tracecontext,baggage,b3multi,xray\n",
            "x/.env": "OTEL_PROPAGATORS=none\n",
            "y/.env": "OTEL_PROPAGATORS=${PROPAGATORS}\n",
        ])
        XCTAssertEqual(project.diagnostics("OTL603").map(\.message), [])
    }
}

final class SensitiveHeaderCaptureRuleTests: XCTestCase {
    func testJavaHeaderListPointsAtTheHeader() throws {
        let project = try TestProject(["docker-compose.yml": "services:\n  api:\n    environment:\n      OTEL_INSTRUMENTATION_HTTP_CLIENT_CAPTURE_RESPONSE_HEADERS: \"content-type, Set-Cookie\"\n"])
        let diagnostic = try XCTUnwrap(project.diagnostics("OTL401").first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.start, LineColumn(line: 4, column: 81))
        XCTAssertEqual(diagnostic.location.end, LineColumn(line: 4, column: 91))
    }

    func testPythonPatternsAndSanitizedFields() throws {
        let project = try TestProject([
            ".env": "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST=content-type,X-.*\n",
            "x/.env": "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST=.*\nOTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS=authorization,cookie,set-cookie,proxy-authorization,.*key.*,.*token.*\n",
            "y/.env": "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_REQUEST=.*\nOTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SANITIZE_FIELDS=${SANITIZE}\n",
            "z/.env": "OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_SERVER_RESPONSE=.*\n",
        ])
        let diagnostics = project.diagnostics("OTL401").sorted(by: Diagnostic.outputOrder)
        XCTAssertEqual(diagnostics.count, 2, diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(diagnostics[0].message.contains("`x-api-key`"), diagnostics[0].message)
        XCTAssertFalse(diagnostics[0].message.contains("`authorization`"))
        XCTAssertTrue(diagnostics[1].message.contains("`authorization`"))
        XCTAssertTrue(diagnostics[1].help?.contains("SANITIZE_FIELDS") == true)
    }
}
