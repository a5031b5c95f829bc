@testable import OTLintCLI
import OTLintCore
import XCTest

/// Runs every rule document's examples through the whole pipeline (discovery, every analyzer, filters), as a user
/// would: each Bad example triggers its rule exactly where its `↓` markers stand, each Good example does not, and
/// each *Fix* pair's `before` block becomes its `after` block under `otlint check --fix --unsafe-fixes`.
final class RuleDocumentExampleTests: XCTestCase {
    func documents() throws -> [RuleDocument] {
        let rulesDirectory = Repository.root.appendingPathComponent("Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        XCTAssertFalse(names.isEmpty)
        return try names.map { name in
            try RuleDocument(fileName: name, markdown: String(contentsOf: rulesDirectory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    func testBadExamplesTriggerWhereMarkedAndGoodExamplesDoNot() throws {
        for document in try documents() {
            let projects = document.exampleProjects
            XCTAssertTrue(projects.contains { $0.verdict == .bad }, "\(document.id) has no Bad example")
            XCTAssertTrue(projects.contains { $0.verdict == .good }, "\(document.id) has no Good example")
            for project in projects {
                let label = "\(document.id) \(project.verdict.rawValue) \(project.label)"
                let scratch = try ScratchDirectory()
                for file in project.files { try scratch.write(file.path, file.code) }
                // All rules run, as for a user: some rules judge others' output (OTL007 judges suppressions).
                let linter = Linter(analyzers: Analyzers.all, configuration: Configuration(), rootDirectory: scratch.path)
                linter.respectGitIgnore = false
                let report = linter.lint(paths: [scratch.path])
                XCTAssertEqual(report.inputErrors, [], "\(label): input errors")
                let hits = report.diagnostics.filter { $0.ruleID == document.id }
                switch project.verdict {
                case .bad:
                    let expected = project.files.flatMap { file in file.markers.map { Position(path: file.path, at: $0) } }
                    XCTAssertFalse(expected.isEmpty, "\(label) marks no finding with ↓")
                    let found = hits.map { Position(path: relative($0.location.path, to: scratch.path), at: $0.location.start) }
                    XCTAssertEqual(Set(found), Set(expected), "\(label): findings (\(hits.map(\.message))) are not where ↓ marks them")
                default:
                    XCTAssertEqual(hits.map(\.message), [], "\(label) triggers \(document.id)")
                }
            }
        }
    }

    func testFixExamplesAreWhatTheFixerWrites() throws {
        for document in try documents() where document.fix != "none" {
            let pairs = document.fixExamples
            XCTAssertFalse(pairs.isEmpty, "\(document.id) fixes (\(document.fix)) but shows no ```before/```after pair under ## Fix")
            for (index, pair) in pairs.enumerated() {
                let path = pair.before.fileName ?? RuleDocument.defaultFileName(forKind: pair.before.kind) ?? "unknown"
                let scratch = try ScratchDirectory()
                for context in pair.context {
                    try scratch.write(context.fileName ?? RuleDocument.defaultFileName(forKind: context.kind) ?? "unknown", context.code)
                }
                try scratch.write(path, pair.before.code)
                let run = try OTLintBinary.run(["check", "--no-config", "--fix", "--unsafe-fixes", "--select", document.id, "."], in: scratch.path)
                XCTAssertNotEqual(run.status, 2, "\(document.id) fix \(index + 1): \(run.stderr)")
                XCTAssertEqual(try scratch.read(path), pair.after.code, "\(document.id) fix \(index + 1): the fixed file differs from the document's `after`")
            }
        }
    }

    private struct Position: Hashable, CustomStringConvertible {
        var path: String
        var line: Int
        var column: Int
        init(path: String, at position: LineColumn) {
            self.path = path
            line = position.line
            column = position.column
        }
        var description: String { "\(path):\(line):\(column)" }
    }

    private func relative(_ path: String, to root: String) -> String {
        let resolvedRoot = (root as NSString).resolvingSymlinksInPath, resolved = (path as NSString).resolvingSymlinksInPath
        return resolved.hasPrefix(resolvedRoot + "/") ? String(resolved.dropFirst(resolvedRoot.count + 1)) : path
    }
}
