import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// Hostile values cannot exhaust the stack or memory: deep nesting and exponential growth make the value
/// unknown, and normal values interpolate as before.
final class InterpolationLimitsTests: XCTestCase {
    private func interpolate(_ template: String, budget: InterpolationBudget? = nil) -> InterpolatedValue {
        Interpolator(budget: budget) { name in name == "SET" ? InterpolationBinding(value: "v", site: nil) : nil }
            .interpolate(template, file: nil, baseOffset: nil)
    }

    func testDeeplyNestedDefaultsAreUnknownNotACrash() {
        let depth = 20_000
        let result = interpolate(String(repeating: "${A:-", count: depth) + "end" + String(repeating: "}", count: depth))
        XCTAssertNil(result.text)
        XCTAssertTrue(result.problems.contains { $0.message.contains("nested more than") }, "\(result.problems)")
        let limit = Interpolator.maximumNesting
        let allowed = String(repeating: "${A:-", count: limit) + "end" + String(repeating: "}", count: limit)
        XCTAssertEqual(interpolate(allowed).text, "end")
    }

    func testValuesPastTheBudgetAreUnknown() {
        let budget = InterpolationBudget(inputBytes: 0)
        let big = String(repeating: "x", count: InterpolationBudget.minimumBytes / 2 + 1)
        XCTAssertEqual(interpolate("${SET}" + big, budget: budget).text?.utf8.count, big.utf8.count + 1)
        XCTAssertNil(interpolate("${SET}" + big, budget: budget).text, "the second copy does not fit")
        XCTAssertEqual(interpolate("${SET}-small", budget: budget).text, "v-small", "small values still fit")
    }

    func testEnvFileThatDoublesEachLineStaysSmall() throws {
        var text = "A0=0123456789abcdef\n"
        for line in 1...40 { text += "A\(line)=${A\(line - 1)}${A\(line - 1)}\n" }
        text += "OTEL_TRACES_SAMPLER_ARG=${A0}\n"
        let project = try TestProject([".env.production": text])
        let scope = try XCTUnwrap(project.project().scopes.first)
        XCTAssertEqual(scope.definition("A10")?.value?.utf8.count, 16 << 10)
        XCTAssertNil(scope.definition("A40")?.value, "2^40 copies are not built")
        XCTAssertEqual(scope.definition("OTEL_TRACES_SAMPLER_ARG")?.value, "0123456789abcdef")
    }
}
