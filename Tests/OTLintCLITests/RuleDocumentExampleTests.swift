@testable import OTLintCLI
import OTLintCore
import XCTest

/// Runs every Bad and Good example of every rule document through the whole pipeline (discovery, analyzers,
/// filters): each Bad example must trigger its rule, each Good example must not.
final class RuleDocumentExampleTests: XCTestCase {
    static func defaultFileName(forKind kind: String) -> String? {
        switch kind {
        case "env": ".env"
        case "compose": "docker-compose.yml"
        case "swift": "Sources/App/App.swift"
        case "collector": "otel-collector-config.yaml"
        case "yaml": "config.yaml"
        default: nil
        }
    }

    func testEveryDocumentExample() throws {
        let rulesDirectory = Repository.root.appendingPathComponent("Rules")
        let names = try FileManager.default.subpathsOfDirectory(atPath: rulesDirectory.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let text = try String(contentsOf: rulesDirectory.appendingPathComponent(name), encoding: .utf8)
            let document = try RuleDocument(fileName: name, markdown: text)
            // Consecutive blocks under one `###` subheading form one project; other blocks stand alone.
            var projects: [(verdict: RuleDocument.Example.Verdict, label: String, files: [(String, String)])] = []
            var lastGroup: String?
            for (index, example) in document.examples.enumerated() {
                guard let fileName = example.fileName ?? Self.defaultFileName(forKind: example.kind) else {
                    XCTFail("\(name): example \(index + 1) has unknown kind `\(example.kind)`")
                    continue
                }
                if let group = example.group, group == lastGroup, projects.last?.verdict == example.verdict {
                    projects[projects.count - 1].files.append((fileName, example.code))
                } else {
                    projects.append((example.verdict, example.group ?? "example \(index + 1)", [(fileName, example.code)]))
                }
                lastGroup = example.group
            }
            for project in projects {
                let scratch = try ScratchDirectory()
                for (fileName, code) in project.files { try scratch.write(fileName, code) }
                // All rules run, as for a user: some rules judge others' output (OTL007 judges suppressions).
                let linter = Linter(analyzers: Analyzers.all, configuration: Configuration(), rootDirectory: scratch.path)
                linter.respectGitIgnore = false
                let report = linter.lint(paths: [scratch.path])
                let hits = report.diagnostics.filter { $0.ruleID == document.id }
                XCTAssertEqual(report.inputErrors, [], "\(name) \(project.verdict.rawValue) \(project.label): input errors")
                switch project.verdict {
                case .bad:
                    XCTAssertFalse(hits.isEmpty, "\(name): Bad \(project.label) does not trigger \(document.id)")
                case .good:
                    XCTAssertEqual(hits.map(\.message), [], "\(name): Good \(project.label) triggers \(document.id)")
                }
            }
        }
    }
}
