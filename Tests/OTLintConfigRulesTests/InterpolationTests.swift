import OTLintCore
@testable import OTLintConfigRules
import XCTest

final class InterpolationTests: XCTestCase {
    let file = SourceFile(path: "docker-compose.yml", text: "")
    let values: [String: String?] = ["SET": "value", "EMPTY": "", "BARE": nil]

    func interpolate(_ template: String) -> InterpolatedValue {
        Interpolator(lookup: { name in
            self.values[name].map { InterpolationBinding(value: $0, site: nil) }
        }).interpolate(template, file: nil, baseOffset: nil)
    }

    func testOperators() {
        XCTAssertEqual(interpolate("$SET").text, "value")
        XCTAssertEqual(interpolate("${SET}/x").text, "value/x")
        XCTAssertEqual(interpolate("${MISSING:-d}").text, "d")
        XCTAssertEqual(interpolate("${EMPTY:-d}").text, "d")
        XCTAssertEqual(interpolate("${EMPTY-d}").text, "")
        XCTAssertEqual(interpolate("${MISSING-d}").text, "d")
        XCTAssertEqual(interpolate("${SET:+r}").text, "r")
        XCTAssertEqual(interpolate("${EMPTY:+r}").text, "")
        XCTAssertEqual(interpolate("${EMPTY+r}").text, "r")
        XCTAssertEqual(interpolate("${MISSING+r}").text, "")
        XCTAssertEqual(interpolate("$$SET").text, "$SET")
        XCTAssertEqual(interpolate("${MISSING:-${SET}-x}").text, "value-x")
        XCTAssertEqual(interpolate("${MISSING:-${OTHER:-deep}}").text, "deep")
        XCTAssertEqual(interpolate("no dollar").text, "no dollar")
    }

    func testUnknownValuesStayUnknown() {
        XCTAssertNil(interpolate("${MISSING}").text)
        XCTAssertNil(interpolate("$MISSING").text)
        XCTAssertNil(interpolate("${BARE:-d}").text)
        XCTAssertNil(interpolate("${MISSING:-$ALSO_MISSING}").text)
    }

    func testRequiredVariablesAndBadSyntaxAreNotedNotFatal() {
        let required = interpolate("${MISSING:?set it}")
        XCTAssertNil(required.text)
        XCTAssertEqual(required.problems.count, 1)
        XCTAssertTrue(required.problems[0].message.contains("set it"))
        XCTAssertNil(interpolate("${unterminated").text)
        XCTAssertEqual(interpolate("${}").problems.count, 1)
        XCTAssertEqual(interpolate("${SET:?x}").text, "value")
    }

    func testDefaultTextIsLocatedInTheFile() {
        let text = "X: ${ENDPOINT:-http://collector:4318}\n"
        let source = SourceFile(path: "docker-compose.yml", text: text)
        let result = Interpolator(lookup: { _ in nil }).interpolate("${ENDPOINT:-http://collector:4318}", file: source, baseOffset: 3)
        XCTAssertEqual(result.text, "http://collector:4318")
        let site = try? XCTUnwrap(result.soleSite)
        XCTAssertEqual(site.map { source.slice($0.range) }, "http://collector:4318")
        XCTAssertNil(Interpolator(lookup: { _ in nil }).interpolate("x${A:-b}", file: source, baseOffset: 3).soleSite)
    }
}
