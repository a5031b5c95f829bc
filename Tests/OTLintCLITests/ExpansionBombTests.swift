import Foundation
import XCTest

/// A YAML merge-key bomb is one input error with its position; the rest of the run goes on.
final class ExpansionBombTests: XCTestCase {
    func testMergeKeyBombIsOneInputErrorAndTheOtherFilesAreChecked() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("ok/docker-compose.yml", BadInputTests.goodProjectWithFinding)
        var bomb = "a0: &m0 {k: v}\n"
        for level in 1...24 { bomb += "a\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)]}\n" }
        bomb += "services:\n  api:\n    <<: *m24\n    image: x\n"
        try scratch.write("bomb/docker-compose.yml", bomb)

        let json = try OTLintBinary.run(["check", "--no-config", "--format", "json", "."], in: scratch.path)
        XCTAssertEqual(json.status, 2, json.stdout + json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let errors = try XCTUnwrap(object["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?["path"] as? String, "bomb/docker-compose.yml")
        XCTAssertNotNil(errors.first?["line"] as? Int)
        XCTAssertTrue((errors.first?["message"] as? String ?? "").contains("merge-key bomb"), "\(errors)")
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertTrue(diagnostics.contains { $0["path"] as? String == "ok/docker-compose.yml" }, "the other project is still checked")
    }
}
