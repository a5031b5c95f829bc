import Foundation
import XCTest

/// Bad input gets one clear line (path, position, cause) in every output format, the other files are still
/// checked, and the exit code is 2. Nothing crashes.
final class BadInputTests: XCTestCase {
    /// A compose file with a real finding, so each test also proves the rest of the run goes on.
    static let goodProjectWithFinding = """
    services:
      api:
        image: example/api:1.0
        environment:
          OTEL_SERVICE_NAME: api
          OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317
          OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf
      collector:
        image: otel/opentelemetry-collector-contrib:0.115.0

    """

    private func assertBadInput(
        _ setUp: (ScratchDirectory) throws -> Void,
        expectedLine: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let scratch = try ScratchDirectory()
        try scratch.write("ok/docker-compose.yml", Self.goodProjectWithFinding)
        try setUp(scratch)
        let text = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(text.status, 2, text.stdout + text.stderr, file: file, line: line)
        XCTAssertTrue(text.stdout.contains(expectedLine), "expected `\(expectedLine)` in:\n\(text.stdout)", file: file, line: line)
        XCTAssertTrue(text.stdout.contains("ok/docker-compose.yml:6:"), "the other files are still checked:\n\(text.stdout)", file: file, line: line)
        XCTAssertEqual(text.stdout.components(separatedBy: "\n").filter { $0.contains(expectedLine) }.count, 1, file: file, line: line)
        // The summary counts the bad file once, as not checked.
        XCTAssertTrue(text.stdout.contains(" in 1 file;") && text.stdout.contains("; 1 file could not be checked."), text.stdout,
                      file: file, line: line)

        let json = try OTLintBinary.run(["check", "--no-config", "--format", "json", "."], in: scratch.path)
        XCTAssertEqual(json.status, 2, file: file, line: line)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], file: file, line: line)
        let errors = try XCTUnwrap(object["errors"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(errors.count, 1, "\(errors)", file: file, line: line)
        XCTAssertFalse((object["diagnostics"] as? [Any] ?? []).isEmpty, file: file, line: line)

        let github = try OTLintBinary.run(["check", "--no-config", "--format", "github", "."], in: scratch.path)
        XCTAssertEqual(github.status, 2, file: file, line: line)
        XCTAssertEqual(github.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("::error ") && $0.contains("title=otlint input error") }.count, 1, github.stdout, file: file, line: line)

        let sarif = try OTLintBinary.run(["check", "--no-config", "--format", "sarif", "."], in: scratch.path)
        XCTAssertEqual(sarif.status, 2, file: file, line: line)
        XCTAssertTrue(sarif.stdout.contains("toolExecutionNotifications"), file: file, line: line)
    }

    func testInvalidYAML() throws {
        try assertBadInput({ try $0.write("docker-compose.yml", "services:\n  api:\n    image: [unclosed\n") },
                           expectedLine: "docker-compose.yml:4:1: error: invalid YAML:")
    }

    func testTabIndentedComposeFile() throws {
        try assertBadInput({ try $0.write("docker-compose.yml", "services:\n\tapi:\n\t\timage: x\n") },
                           expectedLine: "docker-compose.yml:2:1: error: invalid YAML: found character that cannot start any token")
    }

    func testComposeFileThatIsAList() throws {
        try assertBadInput({ try $0.write("compose.yaml", "- services\n- api\n") }, expectedLine: "compose.yaml:1:1: error:")
    }

    func testComposeFileThatIsAScalar() throws {
        try assertBadInput({ try $0.write("compose.yaml", "just text\n") }, expectedLine: "compose.yaml:1:1: error:")
    }

    func testBinaryFileNamedLikeACompose() throws {
        try assertBadInput({ try $0.writeBytes("docker-compose.yml", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x00]) },
                           expectedLine: "docker-compose.yml:1:6: error: binary file")
    }

    func testInvalidUTF8InEnvFile() throws {
        try assertBadInput({ try $0.writeBytes("svc/.env", Array("OTEL_SERVICE_NAME=caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)) },
                           expectedLine: "svc/.env:1:22: error: invalid UTF-8")
    }

    func testUnreadableFile() throws {
        // Tests run as root in CI, so permissions cannot make a file unreadable: a FIFO is a file otlint must
        // refuse to read (it would block forever).
        try assertBadInput({ scratch in
            XCTAssertEqual(mkfifo(scratch.path + "/.env", 0o644), 0)
        }, expectedLine: ".env: error: not a regular file")
    }

    /// A symlink loop inside a walked tree is harmless to the project: a notice, and the exit code comes from the
    /// findings alone. Naming the looping link itself is an input error.
    func testDirectorySymlinkLoop() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("ok/docker-compose.yml", Self.goodProjectWithFinding)
        try FileManager.default.createDirectory(atPath: scratch.path + "/a/b", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/a/b/up", withDestinationPath: "../..")
        let walked = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertEqual(walked.status, 1, walked.stdout + walked.stderr)
        XCTAssertEqual(walked.stdout.components(separatedBy: "\n").filter { $0.contains("a/b/up: note: symlink loop") }.count, 1, walked.stdout)
        XCTAssertTrue(walked.stdout.contains("ok/docker-compose.yml:6:"), walked.stdout)
        XCTAssertFalse(walked.stdout.contains("could not be checked"), walked.stdout)

        let named = try OTLintBinary.run(["check", "--no-config", "a/b/up"], in: scratch.path)
        XCTAssertEqual(named.status, 2, named.stdout + named.stderr)
        XCTAssertTrue(named.stdout.contains("a/b/up: error: symlink loop"), named.stdout)
    }

    /// A missing env_file is often generated or git-ignored: one notice, and the run does not fail for it.
    func testMissingEnvFileIsANoticeNotAnError() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("svc/docker-compose.yml", "services:\n  worker:\n    build: .\n    env_file:\n      - ./missing.env\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n  collector:\n    image: otel/opentelemetry-collector:0.115.0\n")
        for format in ["text", "json", "sarif", "github"] {
            let result = try OTLintBinary.run(["check", "--no-config", "--format", format, "."], in: scratch.path)
            // Exit 0: no input error, and no finding (the missing file may name the service: no OTL301).
            XCTAssertEqual(result.status, 0, "\(format): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stdout.contains("missing.env"), "\(format) names the missing file: \(result.stdout)")
        }
        let text = try OTLintBinary.run(["check", "--no-config", "."], in: scratch.path)
        XCTAssertTrue(text.stdout.hasPrefix("svc/docker-compose.yml:5:9: note: env file `./missing.env` of service `worker` is not in the checkout"), text.stdout)
    }
}
