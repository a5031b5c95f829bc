import Foundation
@testable import OTLintCLI
import OTLintCore
import XCTest

/// `.otlint.yml` values of the wrong type are configuration errors with the place of the key (or of the bad list
/// item), never silently accepted.
final class ConfigurationFileTypeTests: XCTestCase {
    private let knownRuleIDs: Set<String> = ["OTL101", "OTL201", "OTL203"]

    /// Loads `text` as `.otlint.yml` and returns the error's one-line form, or nil when it loaded.
    private func loadError(_ text: String) throws -> String? {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(".otlint.yml", text)
        do {
            _ = try ConfigurationFile.read(path, knownRuleIDs: knownRuleIDs)
            return nil
        } catch {
            return error.inputError.oneLine.replacingOccurrences(of: path, with: ".otlint.yml")
        }
    }

    private func assertRejected(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let message = try loadError(text)
        XCTAssertNotNil(message, "accepted: \(text)", file: file, line: line)
        XCTAssertTrue(message?.hasPrefix(expected) == true, "expected `\(expected)…`, got \(message ?? "nil")", file: file, line: line)
    }

    func testANumberIsNoGlobList() throws {
        try assertRejected("select: [OTL1]\nexclude: 5\n", ".otlint.yml:2:1: error: `exclude` must be a glob pattern or a list of them, found the number `5`")
        try assertRejected("exclude: [\"a/**\", true]\n", ".otlint.yml:1:19: error: `exclude` must be a glob pattern or a list of them, found the boolean `true`")
        try assertRejected("environments:\n  production: 3\n", ".otlint.yml:2:3: error: `environments.production` must be a glob pattern or a list of them, found the number `3`")
    }

    func testAnInvalidGlobIsRejected() throws {
        try assertRejected("exclude: [\"deploy/[prod/**\"]\n", ".otlint.yml:1:11: error: invalid glob pattern `deploy/[prod/**`: `[` opens a character class that is never closed")
        try assertRejected("exclude: [\"\"]\n", ".otlint.yml:1:11: error: invalid glob pattern ``: the pattern is empty")
        try assertRejected("per-path-ignores:\n  \"x/[z-a]\": [OTL101]\n", ".otlint.yml:2:3: error: invalid glob pattern `x/[z-a]`: the range `z-a` is reversed")
    }

    func testAListWhereAMapIsExpected() throws {
        try assertRejected("severity: [OTL101]\n", ".otlint.yml:1:1: error: `severity` must map rule IDs to error, warning or info, found a list")
        try assertRejected("per-path-ignores: [OTL101]\n", ".otlint.yml:1:1: error: `per-path-ignores` must map glob patterns to rule lists, found a list")
        try assertRejected("environments: prod\n", ".otlint.yml:1:1: error: `environments` must map a tier to glob patterns, found the string `prod`")
    }

    func testASeverityThatIsNotOne() throws {
        try assertRejected("severity:\n  OTL101: fatal\n", ".otlint.yml:2:3: error: the severity of `OTL101` must be error, warning or info, found the string `fatal`")
        try assertRejected("severity:\n  OTL101: [error]\n", ".otlint.yml:2:3: error: the severity of `OTL101` must be error, warning or info, found a list")
    }

    func testASettingWithoutAValueIsRejected() throws {
        try assertRejected("select:\n", ".otlint.yml:1:1: error: `select` has no value")
        try assertRejected("exclude: ~\n", ".otlint.yml:1:1: error: `exclude` has no value")
    }

    func testRuleListsRefuseNumbersAndMaps() throws {
        try assertRejected("ignore: {OTL101: true}\n", ".otlint.yml:1:1: error: `ignore` must be a rule ID or a list of them, found a mapping")
    }

    func testValidFilesStillLoad() throws {
        XCTAssertNil(try loadError("""
        select: [ALL]
        ignore: OTL203
        severity:
          OTL101: error
        per-path-ignores:
          "examples/**": [OTL101, OTL201]
        exclude: "third_party/**"
        environments:
          production: ["deploy/prod/**", "*.prod.yml", "[abc]-x.yml"]
          non-production: deploy/dev/**

        """))
    }
}
