import Foundation
import XCTest

/// `otlint --version` says which build it is and which releases its knowledge is read from.
final class VersionTests: XCTestCase {
    func testTheVersionNamesTheCommitAndTheKnowledgeReleases() throws {
        let run = try OTLintBinary.run(["--version"], in: NSTemporaryDirectory())
        XCTAssertEqual(run.status, 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, run.stdout)
        XCTAssertNotNil(lines.first?.range(of: #"^\d+\.\d+\.\d+ \(commit ([0-9a-f]{12}|unknown)\)$"#, options: .regularExpression), run.stdout)
        let knowledge = try XCTUnwrap(lines.last)
        XCTAssertNotNil(knowledge.range(of: #"^collector catalogue: .*v0\.\d+\.\d+.*, Jaeger v2\.\d+\.\d+; semantic conventions 1\.\d+\.\d+; SDK configuration file formats 1\.0, 1\.1$"#,
                                        options: .regularExpression), knowledge)
    }
}
