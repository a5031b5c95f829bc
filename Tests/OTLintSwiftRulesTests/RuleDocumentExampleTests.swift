import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// Runs the analyzer over every Swift example of the rule documents this module implements: each Bad example
/// must trigger its rule, each Good example must not.
final class RuleDocumentExampleTests: XCTestCase {
    func testDocumentExamples() throws {
        let root = repositoryRoot()
        let analyzerRules = Set(SwiftAnalyzer().ruleIDs)
        var checkedDocuments = 0
        for directory in ["Rules", "Rules/swift"] {
            let folder = root.appendingPathComponent(directory)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") && name != "README.md" {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let document = try RuleDocument(fileName: name, markdown: text)
                guard analyzerRules.contains(document.id) else { continue }
                let swiftExamples = document.examples.filter { $0.kind == "swift" }
                guard !swiftExamples.isEmpty else { continue }
                checkedDocuments += 1
                for (index, project) in projects(swiftExamples).enumerated() {
                    let files = project.examples.map { example in
                        (path: example.fileName ?? "Sources/App/App.swift", text: example.code)
                    }
                    let found = analyzeSwift(files).with(document.id)
                    let label = "\(directory)/\(name) \(project.verdict.rawValue) example \(index + 1)"
                    switch project.verdict {
                    case .bad: XCTAssertFalse(found.isEmpty, "\(label) does not trigger \(document.id)")
                    case .good: XCTAssertTrue(found.isEmpty, "\(label) triggers \(document.id): \(found.map(\.message))")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checkedDocuments, 0)
    }

    private struct ExampleProject {
        var verdict: RuleDocument.Example.Verdict
        var examples: [RuleDocument.Example]
    }

    /// Blocks under one `###` subheading form one project; other blocks are each their own.
    private func projects(_ examples: [RuleDocument.Example]) -> [ExampleProject] {
        var result: [ExampleProject] = []
        var lastGroup: (verdict: RuleDocument.Example.Verdict, group: String)?
        for example in examples {
            if let group = example.group, let last = lastGroup, last.verdict == example.verdict, last.group == group {
                result[result.count - 1].examples.append(example)
            } else {
                result.append(ExampleProject(verdict: example.verdict, examples: [example]))
            }
            lastGroup = example.group.map { (example.verdict, $0) }
        }
        return result
    }
}
