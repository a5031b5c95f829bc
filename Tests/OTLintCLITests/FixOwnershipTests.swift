import Foundation
import XCTest

/// `--fix` keeps what the user owns, and `--diff` behaves as a check.
final class FixOwnershipTests: XCTestCase {
    static let fixable = """
    services:
      api:
        image: example/api:1.0
        environment:
          OTEL_SERVICE_NAME: api
          OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318/v1/traces
      collector:
        image: otel/opentelemetry-collector-contrib:0.115.0

    """
    static let fixed = fixable.replacingOccurrences(of: "4318/v1/traces", with: "4318")

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testReadOnlyFileIsNotRewrittenAndTheOthersAreFixed() throws {
        let scratch = try ScratchDirectory()
        let locked = try scratch.write("locked/docker-compose.yml", Self.fixable)
        let open = try scratch.write("open/docker-compose.yml", Self.fixable)
        XCTAssertEqual(chmod(locked, 0o444), 0)
        XCTAssertEqual(chmod(open, 0o640), 0)
        let result = try OTLintBinary.run(["check", "--no-config", "--fix", "."], in: scratch.path)
        XCTAssertEqual(result.status, 2, "a file that could not be written makes the exit code 2: \(result.stdout)")
        XCTAssertEqual(try scratch.read("locked/docker-compose.yml"), Self.fixable, "the read-only file is left as it was")
        XCTAssertEqual(try mode(locked), 0o444)
        let errors = result.stdout.components(separatedBy: "\n").filter { $0.contains("cannot write fix") }
        XCTAssertEqual(errors, ["locked/docker-compose.yml: error: cannot write fix: the file is read-only; it was left unchanged"], result.stdout)
        XCTAssertEqual(try scratch.read("open/docker-compose.yml"), Self.fixed, "the other file is still fixed")
        XCTAssertEqual(try mode(open), 0o640, "the mode is kept")
    }

    func testOwnerAndSymlinkAreKept() throws {
        let scratch = try ScratchDirectory()
        let real = try scratch.write("shared/compose.base.yml", Self.fixable)
        XCTAssertEqual(symlink("shared/compose.base.yml", scratch.path + "/docker-compose.yml"), 0)
        // A group other than the process's own, kept where the process may keep it (root may).
        let group: gid_t = getuid() == 0 ? 12345 : getgid()
        XCTAssertEqual(chown(real, getuid(), group), 0)
        let result = try OTLintBinary.run(["check", "--no-config", "--fix", "docker-compose.yml"], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stdout)
        var status = stat()
        XCTAssertEqual(lstat(scratch.path + "/docker-compose.yml", &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFLNK, "the symlink stays a symlink")
        XCTAssertEqual(try scratch.read("shared/compose.base.yml"), Self.fixed, "its target is fixed")
        XCTAssertEqual(stat(real, &status), 0)
        XCTAssertEqual(status.st_gid, group, "the group is kept")
        XCTAssertEqual(status.st_uid, getuid())
    }

    func testDiffExitsOneWhenItShowsFixesAndZeroWhenThereAreNone() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", Self.fixable)
        let withFixes = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertEqual(withFixes.status, 1, withFixes.stderr)
        XCTAssertTrue(withFixes.stdout.hasPrefix("--- a/docker-compose.yml\n"), withFixes.stdout)
        try GitApply.assertApplies(withFixes.stdout, in: scratch)
        try scratch.write("docker-compose.yml", Self.fixed)
        let none = try OTLintBinary.run(["check", "--no-config", "--diff", "."], in: scratch.path)
        XCTAssertEqual(none.status, 0, "nothing to fix: \(none.stdout)\(none.stderr)")
        XCTAssertEqual(none.stdout, "")
    }

    func testUnwritableOutputAndBaselineSayWhatCouldNotBeWritten() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("docker-compose.yml", Self.fixed)
        let report = try OTLintBinary.run(["check", "--no-config", "--output-file", "missing/folder/report.txt", "."], in: scratch.path)
        XCTAssertEqual(report.status, 2)
        XCTAssertTrue(report.stderr.hasPrefix("missing/folder/report.txt: error: cannot write report: "), report.stderr)
        let baseline = try OTLintBinary.run(["check", "--no-config", "--write-baseline", "missing/folder/b.json", "."], in: scratch.path)
        XCTAssertEqual(baseline.status, 2)
        XCTAssertTrue(baseline.stderr.hasPrefix("missing/folder/b.json: error: cannot write baseline: "), baseline.stderr)
    }
}
