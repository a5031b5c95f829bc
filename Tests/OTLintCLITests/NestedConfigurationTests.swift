import Foundation
import XCTest

/// `.otlint.yml` in a monorepo: the nearest file above each checked file applies, `extend:` inherits, patterns are
/// relative to the file that writes them, and `--show-settings` prints what applies to one file.
final class NestedConfigurationTests: XCTestCase {
    /// An env file with a misspelled variable (OTL001 at 2:1) and 100% sampling (OTL101 at 3:21 once the file is
    /// production).
    static let service = "OTEL_SERVICE_NAME=api\nOTEL_PROPAGATOR=tracecontext\nOTEL_TRACES_SAMPLER=always_on\nOTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n"

    private func rules(_ result: OTLintBinary.Result) -> [String] {
        result.stdout.split(separator: "\n").compactMap { line in
            guard let bracket = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else { return nil }
            let location = line[..<line.firstIndex(of: " ")!].dropLast()
            return "\(location) \(line[line.index(after: bracket)..<close])"
        }.sorted()
    }

    func testTheNearestFileAppliesToEachFileAndANestedFileStandsAlone() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "ignore: [OTL001]\n")
        try scratch.write("root.env", Self.service)
        try scratch.write("services/billing/.otlint.yml", "severity: {OTL001: error}\n")
        try scratch.write("services/billing/app.env", Self.service)
        try scratch.write("services/billing/deep/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "."], in: scratch.path)
        // The root file switches OTL001 off for root.env only; the nested file does not extend it, so OTL001 runs
        // there, at the severity it sets, in its folder and below.
        XCTAssertEqual(rules(result), ["services/billing/app.env:2:1 OTL001", "services/billing/deep/app.env:2:1 OTL001"], result.stdout)
        XCTAssertTrue(result.stdout.contains("services/billing/app.env:2:1: error[OTL001]"), result.stdout)
        XCTAssertEqual(result.status, 1)
    }

    func testExtendInheritsAndTheExtendingFileWins() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "ignore: [OTL001]\nenvironments:\n  production: [\"**/prod/**\"]\n")
        try scratch.write("team/.otlint.yml", "extend: ../.otlint.yml\nseverity: {OTL101: error}\n")
        try scratch.write("team/prod/app.env", Self.service)
        try scratch.write("other/.otlint.yml", "extend: ../.otlint.yml\nignore: []\n")
        try scratch.write("other/prod/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "."], in: scratch.path)
        // team/ inherits `ignore: [OTL001]` and the production pattern (relative to the root's folder), and makes
        // OTL101 an error; other/ replaces `ignore`, so OTL001 runs there.
        XCTAssertEqual(rules(result), ["other/prod/app.env:2:1 OTL001", "other/prod/app.env:3:21 OTL101", "team/prod/app.env:3:21 OTL101"], result.stdout)
        XCTAssertTrue(result.stdout.contains("team/prod/app.env:3:21: error[OTL101]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("other/prod/app.env:3:21: warning[OTL101]"), result.stdout)
    }

    func testPatternsAreRelativeToTheFileThatWritesThem() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("svc/.otlint.yml", "exclude: [\"generated/**\"]\nper-path-ignores:\n  \"legacy/*.env\": [OTL001]\n")
        try scratch.write("svc/generated/app.env", Self.service)
        try scratch.write("svc/legacy/app.env", Self.service)
        try scratch.write("svc/app.env", Self.service)
        // The same names outside svc/ are not matched by svc's patterns.
        try scratch.write("generated/app.env", Self.service)
        try scratch.write("legacy/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "--select", "OTL001", "."], in: scratch.path)
        XCTAssertEqual(rules(result), ["generated/app.env:2:1 OTL001", "legacy/app.env:2:1 OTL001", "svc/app.env:2:1 OTL001"], result.stdout)
    }

    func testCommandLineOptionsApplyOnTopOfEveryFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("a/.otlint.yml", "select: [OTL101]\n")
        try scratch.write("a/app.env", Self.service)
        try scratch.write("b/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "--select", "OTL001", "."], in: scratch.path)
        XCTAssertEqual(rules(result), ["a/app.env:2:1 OTL001", "b/app.env:2:1 OTL001"], result.stdout)
    }

    func testConfigOptionAppliesOneFileToEveryFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("shared.yml", "ignore: [OTL001]\n")
        try scratch.write("a/.otlint.yml", "select: [OTL001]\n")
        try scratch.write("a/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "--config", "shared.yml", "."], in: scratch.path)
        XCTAssertEqual(rules(result), [], result.stdout)
    }

    func testABrokenNestedFileIsAnInputErrorAndTheRestIsChecked() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("a/.otlint.yml", "ignore: [OTL001]\nselectt: [OTL1]\n")
        try scratch.write("a/app.env", Self.service)
        try scratch.write("b/app.env", Self.service)
        let result = try OTLintBinary.run(["check", "--quiet", "--select", "OTL001", "."], in: scratch.path)
        XCTAssertEqual(result.status, 2)
        // Input errors are part of the report, as for any file that cannot be read.
        XCTAssertTrue(result.stdout.hasPrefix("a/.otlint.yml:2:1: error: unknown setting `selectt`; did you mean `select`?\n"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "selectt").count, 2, "reported once: \(result.stdout)")
        // Files under the broken file get the configuration above it (here the defaults).
        XCTAssertEqual(rules(result), ["a/app.env:2:1 OTL001", "b/app.env:2:1 OTL001"], result.stdout)
    }

    func testExtendErrorsNameTheFileAndPosition() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "extend: team/.otlint.yml\n")
        try scratch.write("team/.otlint.yml", "extend: ../.otlint.yml\n")
        let loop = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertEqual(loop.status, 2)
        XCTAssertTrue(loop.stderr.contains("team/.otlint.yml:1:9: error: `extend` goes round in a circle"), loop.stderr)
        try scratch.write(".otlint.yml", "extend: missing.yml\n")
        let missing = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertTrue(missing.stderr.contains(".otlint.yml:1:9: error: `extend`: there is no file missing.yml"), missing.stderr)
        try scratch.write(".otlint.yml", "extend: [a.yml]\n")
        let list = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertTrue(list.stderr.contains(".otlint.yml:1:1: error: `extend` must be the path of another configuration file, found a list"), list.stderr)
    }

    func testShowSettingsPrintsWhatAppliesToOneFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "ignore: [OTL001]\nenvironments:\n  production: [\"deploy/prod/**\"]\n")
        try scratch.write("deploy/.otlint.yml", "extend: ../.otlint.yml\nseverity: {OTL101: error}\nexclude: [\"old/**\"]\n")
        let result = try OTLintBinary.run(["check", "--show-settings", "deploy/prod/app.env"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            # Settings for deploy/prod/app.env
            # From deploy/.otlint.yml, which extends .otlint.yml.
            select: [ALL]
            ignore: [OTL001]
            severity:
              OTL101: error
            per-path-ignores: {}
            exclude:
              - "old/**"  # relative to deploy/
            environments:
              production:
                - "deploy/prod/**"  # relative to ./
            # This file is production: it matches `deploy/prod/**`.

            """ + result.stdout.split(separator: "\n").last! + "\n")
        XCTAssertTrue(result.stdout.hasSuffix("; off: OTL001.\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("# Rules that run on this file: "), result.stdout)
        let none = try OTLintBinary.run(["check", "--no-config", "--show-settings", "app.env"], in: scratch.path)
        XCTAssertTrue(none.stdout.contains("# --no-config: every .otlint.yml is ignored; the defaults.\nselect: [ALL]\nignore: []\n"), none.stdout)
    }

    func testForceExcludeSkipsNamedFilesAsAWalkWould() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "exclude: [\"third_party\", \"svc/generated/**\"]\n")
        try scratch.write("third_party/otel/app.env", Self.service)
        try scratch.write("svc/generated/app.env", Self.service)
        try scratch.write("vendor/lib/app.env", Self.service)
        try scratch.write("svc/app.env", Self.service)
        let named = ["third_party/otel/app.env", "svc/generated/app.env", "vendor/lib/app.env", "svc/app.env"]
        // Named files are checked, as the user asked…
        let plain = try OTLintBinary.run(["check", "--quiet", "--select", "OTL001"] + named, in: scratch.path)
        XCTAssertEqual(rules(plain).count, 4, plain.stdout)
        // …unless --force-exclude (the pre-commit hooks' way) applies what a walk skips.
        let forced = try OTLintBinary.run(["check", "--quiet", "--force-exclude", "--select", "OTL001"] + named, in: scratch.path)
        XCTAssertEqual(rules(forced), ["svc/app.env:2:1 OTL001"], forced.stdout)
        let fixed = try OTLintBinary.run(["check", "--force-exclude", "--fix", "--unsafe-fixes", "third_party/otel/app.env"], in: scratch.path)
        XCTAssertEqual(fixed.status, 0, fixed.stdout)
        XCTAssertEqual(try scratch.read("third_party/otel/app.env"), Self.service, "an excluded file is never fixed")
    }

    func testShowSettingsOfAFolderAndTheTierEvidenceNameTheNestedFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write(".otlint.yml", "ignore: [OTL001]\n")
        try scratch.write("team/.otlint.yml", "environments:\n  production: [\"live/**\"]\n")
        try scratch.write("team/live/app.env", Self.service)
        let folder = try OTLintBinary.run(["check", "--show-settings", "team"], in: scratch.path)
        XCTAssertTrue(folder.stdout.contains("# From team/.otlint.yml.\n"), folder.stdout)
        let result = try OTLintBinary.run(["check", "team/live/app.env"], in: scratch.path)
        XCTAssertTrue(result.stdout.contains("`team/.otlint.yml` marks `live/app.env` as production (`live/**`)"), result.stdout)
    }
}
