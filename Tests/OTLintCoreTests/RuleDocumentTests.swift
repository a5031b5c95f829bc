import OTLintCore
import XCTest

final class RuleDocumentTests: XCTestCase {
    func testEveryEmbeddedDocumentParses() {
        XCTAssertEqual(RuleCatalog.documentErrors, [])
        XCTAssertFalse(RuleCatalog.documents.isEmpty)
    }

    func testEmbeddedDocumentsMatchTheFilesInRules() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        for name in names {
            let text = try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)
            let document = try RuleDocument(fileName: name, markdown: text)
            XCTAssertEqual(name, "\(document.id).md")
            XCTAssertEqual(RuleCatalog.document(document.id)?.body, document.body, "\(name) is stale in the binary")
            for section in ["What it finds", "Why it matters", "Bad", "Good", "Fix"] {
                XCTAssertNotNil(document.sections[section], "\(name) has no `## \(section)` section")
            }
            XCTAssertTrue(document.examples.contains { $0.verdict == .bad }, "\(name) has no Bad example")
            XCTAssertTrue(document.examples.contains { $0.verdict == .good }, "\(name) has no Good example")
        }
    }

    func testExamplesAndGroupsAreParsed() throws {
        let markdown = """
        ---
        id: OTL999
        name: sample
        category: configuration
        severity: warning
        applies-to: [env, compose]
        fix: none
        ---
        ## What it finds
        First paragraph
        continues.

        Second.

        ## Bad
        ```env
        A=1
        ```
        ### With its .env
        ```compose
        services: {}
        ```
        ```env .env
        B=2
        ```

        ## Good
        ````swift Sources/App/x.swift
        let a = "```"
        ````
        """
        let document = try RuleDocument(fileName: "OTL999.md", markdown: markdown)
        XCTAssertEqual(document.summary, "First paragraph continues.")
        XCTAssertEqual(document.appliesTo, ["env", "compose"])
        XCTAssertEqual(document.examples.count, 4)
        XCTAssertNil(document.examples[0].group)
        XCTAssertEqual(document.examples[1].group, "With its .env")
        XCTAssertEqual(document.examples[2].fileName, ".env")
        XCTAssertEqual(document.examples[3].verdict, .good)
        XCTAssertEqual(document.examples[3].code, "let a = \"```\"\n")
    }
}
