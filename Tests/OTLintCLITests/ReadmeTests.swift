@testable import OTLintCLI
import OTLintCore
import XCTest

final class ReadmeTests: XCTestCase {
    /// The README's rule table is generated from the rule documents (Scripts/update-rule-table); this keeps it
    /// complete and current.
    func testRuleTableMatchesTheCatalog() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "<!-- rules:start -->\n"))
        let end = try XCTUnwrap(readme.range(of: "\n<!-- rules:end -->"))
        let table = String(readme[start.upperBound..<end.lowerBound])
        let expected = RulesCommand.markdownTable(RuleCatalog.sortedIDs.compactMap(RuleCatalog.document))
        XCTAssertEqual(table + "\n", expected, "run Scripts/update-rule-table")
    }

    func testEveryRuleAnAnalyzerReportsHasADocument() {
        for id in Analyzers.all.flatMap(\.ruleIDs) {
            XCTAssertNotNil(RuleCatalog.document(id), "\(id) has no document in Rules/")
        }
    }
}
