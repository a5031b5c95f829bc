import Foundation
import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// Runs every Bad and Good example of this analyzer's rule documents.
final class RuleDocumentTests: XCTestCase {
    static let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules")

    static func defaultFileName(_ kind: String) -> String {
        switch kind {
        case "env": ".env"
        case "compose": "docker-compose.yml"
        case "swift": "Sources/App/App.swift"
        default: "file.\(kind)"
        }
    }

    func testEveryExampleOfEveryDocument() throws {
        for id in ConfigAnalyzer.ruleIDs {
            let url = Self.rulesDirectory.appendingPathComponent("\(id).md")
            let document = try RuleDocument(fileName: "\(id).md", markdown: String(contentsOf: url, encoding: .utf8))
            XCTAssertEqual(document.id, id)
            XCTAssertFalse(document.examples.filter { $0.verdict == .bad }.isEmpty, "\(id) has no Bad example")
            XCTAssertFalse(document.examples.filter { $0.verdict == .good }.isEmpty, "\(id) has no Good example")
            // Group blocks: each ungrouped block is its own project; blocks under one subheading form one.
            var projects: [(verdict: RuleDocument.Example.Verdict, files: [String: String], label: String)] = []
            for (index, example) in document.examples.enumerated() where example.kind != "swift" || example.fileName == "Package.swift" {  // Swift examples: OTLintSwiftRulesTests (a manifest is context here)
                let name = example.fileName ?? Self.defaultFileName(example.kind)
                if let group = example.group, let last = projects.indices.last, projects[last].label == "\(example.verdict.rawValue)/\(group)" {
                    projects[last].files[name] = example.code
                } else {
                    projects.append((example.verdict, [name: example.code], example.group.map { "\(example.verdict.rawValue)/\($0)" } ?? "#\(index)"))
                }
            }
            for project in projects {
                let test = try TestProject(project.files)
                let result = test.analyze()
                XCTAssertEqual(result.inputErrors, [], "\(id) \(project.label)")
                let found = result.diagnostics.filter { $0.ruleID == id }
                switch project.verdict {
                case .bad: XCTAssertFalse(found.isEmpty, "\(id) Bad example \(project.label) does not trigger:\n\(project.files)")
                case .good: XCTAssertEqual(found.map(\.message), [], "\(id) Good example \(project.label) triggers")
                }
            }
        }
    }
}
