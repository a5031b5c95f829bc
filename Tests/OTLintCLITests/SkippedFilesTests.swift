import Foundation
import XCTest

/// Files named on the command line that otlint does not read are said so, and the summary does not count them.
final class SkippedFilesTests: XCTestCase {
    func testNamedFilesOtlintDoesNotReadAreNoticedAndNotCounted() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n")
        try scratch.write("mkdocs.yml", "site_name: api\nnav:\n  - index.md\n")
        try scratch.write("main.txt", "hello\n")
        try scratch.write("app.env", "OTEL_SERVICE_NAME=api\n")
        let run = try OTLintBinary.run(["check", "--no-config", "deploy.yaml", "mkdocs.yml", "main.txt", "app.env"], in: scratch.path)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        // A Kubernetes manifest is read (and counted); a YAML file of no known kind and a text file are not.
        XCTAssertFalse(run.stdout.contains("deploy.yaml: note"), run.stdout)
        XCTAssertTrue(run.stdout.contains("mkdocs.yml: note: not checked: no compose file (its top-level keys `site_name`, `nav`"), run.stdout)
        XCTAssertTrue(run.stdout.contains("main.txt: note: not checked:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("No problems found in 2 files."), run.stdout)
    }
}
