import Foundation
import XCTest

/// The command line as a user meets it: exit codes, formats, fixes, suppressions, baselines, stdin.
final class CommandLineTests: XCTestCase {
    static let simpleProcessor = """
    import OpenTelemetryApi
    import OpenTelemetrySdk

    func makeProcessor(exporter: SpanExporter) -> SpanProcessor {
        // keep this comment
        return SimpleSpanProcessor(spanExporter: exporter)
    }

    """

    func testFindingsExitOneAndTextFormatPointsAtTheToken() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Sources/App/Tracing.swift", Self.simpleProcessor)
        let result = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Sources/App/Tracing.swift:6:12: warning[OTL201]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("6 |     return SimpleSpanProcessor(spanExporter: exporter)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Found 1 problem (1 warning) in 1 file; 1 fixable with --fix."), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    func testCleanProjectExitsZero() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Sources/App/main.swift", "print(\"hello\")\n")
        let result = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("No problems found"), result.stdout)
    }

    func testFailOnAndExitZero() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        XCTAssertEqual(try OTLintBinary.run(["check", "--no-config", "--fail-on", "error", "."], in: scratch.path).status, 0)
        XCTAssertEqual(try OTLintBinary.run(["check", "--no-config", "--exit-zero", "."], in: scratch.path).status, 0)
        XCTAssertEqual(try OTLintBinary.run(["check", "--no-config", "--fail-on", "warning", "."], in: scratch.path).status, 1)
    }

    func testUsageErrorsExitTwo() throws {
        let scratch = try ScratchDirectory()
        XCTAssertEqual(try OTLintBinary.run(["check", "--format", "xml"], in: scratch.path).status, 2)
        XCTAssertEqual(try OTLintBinary.run(["check", "--select", "OTL9"], in: scratch.path).status, 2)
        XCTAssertEqual(try OTLintBinary.run(["check", "--fix", "--diff"], in: scratch.path).status, 2)
        XCTAssertEqual(try OTLintBinary.run(["explain", "OTL000"], in: scratch.path).status, 2)
    }

    func testJSONFormatHasStableFields() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "json", "."], in: scratch.path)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        let diagnostic = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(diagnostic["rule"] as? String, "OTL201")
        XCTAssertEqual(diagnostic["name"] as? String, "simple-span-processor")
        XCTAssertEqual(diagnostic["line"] as? Int, 6)
        XCTAssertEqual(diagnostic["column"] as? Int, 12)
        let fix = try XCTUnwrap(diagnostic["fix"] as? [String: Any])
        XCTAssertEqual(fix["applicability"] as? String, "safe")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["problems"] as? Int, 1)
        XCTAssertEqual(summary["fixable"] as? Int, 1)
    }

    func testSARIFValidatesAgainstTheSchema() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        try scratch.writeBytes("Bad.swift", [0x66, 0x00, 0x01])
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "sarif", "--output-file", "out.sarif", "."], in: scratch.path)
        XCTAssertEqual(result.status, 2, "an unreadable input makes the exit code 2")
        // The published OASIS schema, kept as a fixture; validated with Python's jsonschema (installed by .ci/run).
        let schemaPath = Repository.root.appendingPathComponent("Tests/Fixtures/schemas/sarif-schema-2.1.0.json").path
        try assertPython("""
        import json, sys, jsonschema
        document = json.load(open(sys.argv[1]))
        jsonschema.validate(document, json.load(open(sys.argv[2])))
        run = document["runs"][0]
        assert run["results"][0]["ruleId"] == "OTL201", run["results"]
        assert run["results"][0]["fixes"], "fix missing"
        assert run["invocations"][0]["toolExecutionNotifications"], "input error missing"
        assert any(rule["id"] == "OTL201" and rule["help"]["markdown"] for rule in run["tool"]["driver"]["rules"])
        """, [scratch.path + "/out.sarif", schemaPath])
    }

    /// GitHub code scanning resolves SARIF URIs against the repository root, whatever folder otlint ran in.
    func testSARIFURIsAreRelativeToTheRepositoryRootFromASubfolder() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("services/api/A.swift", Self.simpleProcessor)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", scratch.path]
        try git.run()
        git.waitUntilExit()
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "sarif", "."], in: scratch.path + "/services")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((document["runs"] as? [[String: Any]])?.first)
        let location = try XCTUnwrap(((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first)
        let artifact = try XCTUnwrap((location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])
        XCTAssertEqual(artifact, ["uri": "services/api/A.swift", "uriBaseId": "%SRCROOT%"])
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        XCTAssertTrue(base.hasSuffix(URL(fileURLWithPath: scratch.path).lastPathComponent + "/"), base)
    }

    /// GitHub shows 10 annotations per level and step: past that, otlint says so and the step summary lists them.
    func testGitHubFormatSaysWhenAnnotationsAreDroppedAndWritesTheStepSummary() throws {
        let scratch = try ScratchDirectory()
        let calls = (1...12).map { "    let p\($0) = SimpleSpanProcessor(spanExporter: exporter)" }.joined(separator: "\n")
        try scratch.write("A.swift", "import OpenTelemetrySdk\nfunc f(exporter: SpanExporter) {\n\(calls)\n}\n")
        try scratch.write("summary.md", "earlier step\n")
        let environment = ["GITHUB_STEP_SUMMARY": scratch.path + "/summary.md", "GITHUB_SERVER_URL": "https://github.com",
                           "GITHUB_REPOSITORY": "acme/shop", "GITHUB_SHA": "abc123"]
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "github", "A.swift"], in: scratch.path, environment: environment)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("::warning ") }.count, 12)
        XCTAssertEqual(lines.last, "::notice title=otlint::GitHub shows only the first 10 annotations of each level per step; otlint found 12 warnings. The job summary lists them, or run otlint check locally")
        let summary = try scratch.read("summary.md")
        XCTAssertTrue(summary.hasPrefix("earlier step\n## otlint\n"), "appended after the earlier steps: \(summary)")
        XCTAssertTrue(summary.contains("| OTL201 | simple-span-processor | 12 |"), summary)
        XCTAssertTrue(summary.contains("- [`A.swift:3:14`](https://github.com/acme/shop/blob/abc123/A.swift#L3) warning **OTL201**"), summary)
    }

    /// Runs a Python check over a file (jsonschema is installed by .ci/run); the script's failure fails the test.
    private func assertPython(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message, file: file, line: line)
    }

    func testGitLabFormatValidatesAgainstTheDocumentedFormat() throws {
        let scratch = try ScratchDirectory()
        // Two identical findings in one file still get two fingerprints (GitLab merges equal ones).
        try scratch.write("A.swift", Self.simpleProcessor + "\nlet again = SimpleSpanProcessor(spanExporter: exporter)\nlet again2 = SimpleSpanProcessor(spanExporter: exporter)\n")
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "gitlab", "--output-file", "cq.json", "."], in: scratch.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        let schema = Repository.root.appendingPathComponent("Tests/Fixtures/schemas/gitlab-code-quality.schema.json").path
        try assertPython("""
        import json, sys, jsonschema
        issues = json.load(open(sys.argv[1]))
        jsonschema.validate(issues, json.load(open(sys.argv[2])))
        assert len(issues) == 3, issues
        assert len({issue["fingerprint"] for issue in issues}) == 3, "fingerprints must be unique"
        assert issues[0]["check_name"] == "OTL201" and issues[0]["severity"] == "minor", issues[0]
        assert issues[0]["location"] == {"path": "A.swift", "lines": {"begin": 6, "end": 6}}, issues[0]["location"]
        """, [scratch.path + "/cq.json", schema])
    }

    func testJUnitFormatIsWellFormedWithOneFailurePerFinding() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        try scratch.writeBytes("Bad.swift", [0x66, 0x00, 0x01])
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "junit", "--output-file", "report.xml", "."], in: scratch.path)
        XCTAssertEqual(result.status, 2, "an unreadable input makes the exit code 2")
        try assertPython("""
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("errors") == "1", root.attrib
        suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
        assert set(suites) == {"A.swift", "Bad.swift"}, suites
        case = suites["A.swift"].find("testcase")
        assert case.get("name") == "OTL201 6:12" and case.get("line") == "6", case.attrib
        failure = case.find("failure")
        assert failure.get("type") == "OTL201" and failure.text.startswith("A.swift:6:12: warning[OTL201] "), failure.text
        assert suites["Bad.swift"].find("testcase/error") is not None
        for suite in root.findall("testsuite"):
            assert int(suite.get("tests")) == len(suite.findall("testcase")), suite.attrib
        """, [scratch.path + "/report.xml"])
        try scratch.write("A.swift", "let x = 1\n")
        try FileManager.default.removeItem(atPath: scratch.path + "/Bad.swift")
        let clean = try OTLintBinary.run(["check", "--no-config", "--format", "junit", "."], in: scratch.path)
        XCTAssertEqual(clean.status, 0)
        XCTAssertTrue(clean.stdout.contains("<testcase name=\"no problems\" classname=\"otlint\"/>"), clean.stdout)
    }

    func testGitHubFormat() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        let result = try OTLintBinary.run(["check", "--no-config", "--format", "github", "."], in: scratch.path)
        XCTAssertTrue(result.stdout.hasPrefix("::warning file=A.swift,line=6,col=12,endLine=6,endColumn="), result.stdout)
        XCTAssertTrue(result.stdout.contains("title=OTL201 simple-span-processor::"), result.stdout)
    }

    func testFixIsAtomicPreservingAndIdempotent() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        let diff = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertTrue(diff.stdout.contains("-    return SimpleSpanProcessor(spanExporter: exporter)\n+    return BatchSpanProcessor(spanExporter: exporter)"), diff.stdout)
        XCTAssertEqual(try scratch.read("A.swift"), Self.simpleProcessor, "--diff changes nothing")
        let fixed = try OTLintBinary.run(["check", "--no-config", "--fix", "."], in: scratch.path)
        XCTAssertEqual(fixed.status, 0, fixed.stdout)
        XCTAssertTrue(fixed.stdout.contains("Fixed 1 problem in 1 file."), fixed.stdout)
        XCTAssertEqual(try scratch.read("A.swift"), Self.simpleProcessor.replacingOccurrences(of: "SimpleSpanProcessor", with: "BatchSpanProcessor"))
        let again = try OTLintBinary.run(["check", "--no-config", "--fix", "."], in: scratch.path)
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stdout.contains("Fixed"), again.stdout)
    }

    func testInlineSuppressionAndUnusedSuppression() throws {
        let scratch = try ScratchDirectory()
        let suppressed = Self.simpleProcessor.replacingOccurrences(
            of: "    // keep this comment\n",
            with: "    // otlint:disable-next-line OTL201 -- in-memory exporter in a smoke test\n")
        try scratch.write("A.swift", suppressed)
        let quiet = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertTrue(quiet.stdout.contains("1 suppressed inline"), quiet.stdout)

        try scratch.write("B.swift", "// otlint:disable-next-line OTL201\nlet x = 1\n")
        let unused = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(unused.status, 1)
        XCTAssertTrue(unused.stdout.contains("B.swift:1:1: warning[OTL007]"), unused.stdout)
        _ = try OTLintBinary.run(["check", "--no-config", "--fix", "."], in: scratch.path)
        XCTAssertEqual(try scratch.read("B.swift"), "let x = 1\n")
        XCTAssertEqual(try scratch.read("A.swift"), suppressed, "a used suppression stays")
    }

    func testBaselineSurvivesShiftedLinesAndReportsNewFindings() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        let written = try OTLintBinary.run(["check", "--no-config", "--write-baseline", "baseline.json", "."], in: scratch.path)
        XCTAssertEqual(written.status, 0, written.stdout + written.stderr)
        try scratch.write("A.swift", "// a new header\n// another line\n\n" + Self.simpleProcessor)
        let known = try OTLintBinary.run(["check", "--no-config", "--baseline", "baseline.json", "."], in: scratch.path)
        XCTAssertEqual(known.status, 0, known.stdout)
        try scratch.write("B.swift", Self.simpleProcessor.replacingOccurrences(of: "exporter)", with: "otherExporter)"))
        let fresh = try OTLintBinary.run(["check", "--no-config", "--baseline", "baseline.json", "."], in: scratch.path)
        XCTAssertEqual(fresh.status, 1)
        XCTAssertTrue(fresh.stdout.contains("B.swift:6:12: warning[OTL201]"), fresh.stdout)
        XCTAssertFalse(fresh.stdout.contains("A.swift"), fresh.stdout)
    }

    func testStdinIsLintedAsTheGivenPath() throws {
        let scratch = try ScratchDirectory()
        let result = try OTLintBinary.run(["check", "--no-config", "--stdin-filename", "Sources/App/T.swift", "-"], in: scratch.path, stdin: Self.simpleProcessor)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("Sources/App/T.swift:6:12: warning[OTL201]"), result.stdout)
        let fixed = try OTLintBinary.run(["check", "--no-config", "--fix", "--stdin-filename", "T.swift", "-"], in: scratch.path, stdin: Self.simpleProcessor)
        XCTAssertEqual(fixed.stdout, Self.simpleProcessor.replacingOccurrences(of: "SimpleSpanProcessor", with: "BatchSpanProcessor"))
    }

    func testStdinFilenameWithoutTheDashIsAUsageError() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("Sources/App/T.swift", Self.simpleProcessor)
        let result = try OTLintBinary.run(["check", "--no-config", "--stdin-filename", "x.env"], in: scratch.path, stdin: "OTEL_TRACES_SAMPLER=always_on\n")
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("pass `-` as the path"), result.stderr)
    }

    func testAComposeFileWithAnyNameIsCheckedWhenNamed() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("deploy/stack.yml", BadInputTests.goodProjectWithFinding)
        try scratch.write(".otlint.yml", "ignore: [OTL004]\n")
        let named = try OTLintBinary.run(["check", "--no-config", "deploy/stack.yml", ".otlint.yml"], in: scratch.path)
        XCTAssertEqual(named.status, 1, named.stdout + named.stderr)
        XCTAssertTrue(named.stdout.contains("deploy/stack.yml:6:53: error[OTL203]"), named.stdout)
        XCTAssertTrue(named.stdout.contains("in 1 file"), "otlint's own configuration is not read as compose: \(named.stdout)")
        // Found by walking a folder, only compose names count.
        let walked = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(walked.status, 0, walked.stdout)
    }

    func testStatisticsAndConfigurationFile() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("A.swift", Self.simpleProcessor)
        let stats = try OTLintBinary.run(["check", "--no-config", "--statistics", "."], in: scratch.path)
        XCTAssertTrue(stats.stdout.contains("1  OTL201  simple-span-processor  [1 fixable]"), stats.stdout)
        // An unsafe fix is not counted as fixable, as in the summary (OTL502's fix is unsafe).
        let unsafeOnly = try ScratchDirectory()
        try unsafeOnly.write("B.swift", "import Tracing\nfunc work() {\n    let span = startSpan(\"work\")\n}\n")
        let unsafe = try OTLintBinary.run(["check", "--no-config", "--statistics", "B.swift"], in: unsafeOnly.path)
        XCTAssertTrue(unsafe.stdout.contains("OTL502  span-not-ended\n"), unsafe.stdout)
        try scratch.write(".otlint.yml", "severity:\n  OTL201: error\n")
        let overridden = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertTrue(overridden.stdout.contains("error[OTL201]"), overridden.stdout)
        try scratch.write(".otlint.yml", "per-path-ignores:\n  \"*.swift\": [OTL2]\n")
        XCTAssertEqual(try OTLintBinary.run(["check", "."], in: scratch.path).status, 0)
        try scratch.write(".otlint.yml", "selectt: [OTL1]\n")
        let bad = try OTLintBinary.run(["check", "."], in: scratch.path)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains(".otlint.yml:1:1: error: unknown setting `selectt`"), bad.stderr)
    }

    func testRulesAndExplainWorkFromTheBinary() throws {
        let scratch = try ScratchDirectory()
        let rules = try OTLintBinary.run(["rules"], in: scratch.path)
        XCTAssertTrue(rules.stdout.contains("OTL201  simple-span-processor"), rules.stdout)
        let explain = try OTLintBinary.run(["explain", "OTL201"], in: scratch.path)
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("## Why it matters"), explain.stdout)
    }
}
