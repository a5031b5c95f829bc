import Foundation
import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// Checks the example projects under Examples/: each README lists exactly what otlint reports
/// (`file:line:column: RULE message` lines in its first code block).
final class ExampleTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    struct Finding: Hashable, CustomStringConvertible {
        var file: String, line: Int, column: Int, rule: String
        var description: String { "\(file):\(line):\(column): \(rule)" }
    }

    func findings(of name: String) throws -> (actual: [Finding], messages: [String], errors: [InputError]) {
        let root = Self.examples.appendingPathComponent(name).path
        let loader = FileLoader()
        let analyzer = ConfigAnalyzer()
        // Every file of the example, as walking its folder finds them (a Kubernetes example keeps its manifests in `deploy/`).
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        let files = names.map { root + "/" + $0 }.filter(analyzer.claims(path:)).compactMap { try? loader.load($0).get() }
        let result = analyzer.analyze(files, context: AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: root))
        let sorted = result.diagnostics.sorted(by: Diagnostic.outputOrder)
        // Paths as the README writes them: relative to the example (`checkout/Dockerfile`).
        let relative = { (path: String) in path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        let actual = sorted.map { Finding(file: relative($0.location.path), line: $0.location.start.line,
                                          column: $0.location.start.column, rule: $0.ruleID) }
        let messages = sorted.map { "\(relative($0.location.path)):\($0.location.start.line):\($0.location.start.column): \($0.ruleID) \($0.message)" }
        return (actual, messages, result.inputErrors)
    }

    func expected(in name: String) throws -> [Finding] {
        let readme = try String(contentsOfFile: Self.examples.appendingPathComponent(name).path + "/README.md", encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) else { return nil }
            let rule = parts[3].trimmingCharacters(in: .whitespaces).prefix(while: { $0 != " " })
            guard rule.hasPrefix("OTL") else { return nil }
            return Finding(file: String(parts[0]), line: row, column: column, rule: String(rule))
        }
    }

    /// The example reports exactly the findings its README lists (none for a fixed twin), without input errors.
    func assertReportsWhatItsReadmeSays(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (actual, messages, errors) = try findings(of: name)
        XCTAssertEqual(errors, [], file: file, line: line)
        XCTAssertEqual(actual, try expected(in: name), "actual:\n" + messages.joined(separator: "\n"), file: file, line: line)
    }

    func testBadExampleReportsExactlyWhatItsReadmeSays() throws {
        try assertReportsWhatItsReadmeSays("python-fastapi-jaeger")
    }

    func testFixedExampleIsClean() throws {
        XCTAssertEqual(try expected(in: "python-fastapi-jaeger-fixed"), [])
        try assertReportsWhatItsReadmeSays("python-fastapi-jaeger-fixed")
    }

    func testCollectorExampleReportsExactlyWhatItsReadmeSays() throws {
        XCTAssertFalse(try expected(in: "compose-collector-jaeger").isEmpty)
        try assertReportsWhatItsReadmeSays("compose-collector-jaeger")
    }

    func testFixedCollectorExampleIsClean() throws {
        XCTAssertEqual(try expected(in: "compose-collector-jaeger-fixed"), [])
        try assertReportsWhatItsReadmeSays("compose-collector-jaeger-fixed")
    }

    func testDockerfileExampleReportsExactlyWhatItsReadmeSays() throws {
        XCTAssertFalse(try expected(in: "compose-dockerfile-node").isEmpty)
        try assertReportsWhatItsReadmeSays("compose-dockerfile-node")
    }

    func testFixedDockerfileExampleIsClean() throws {
        XCTAssertEqual(try expected(in: "compose-dockerfile-node-fixed"), [])
        try assertReportsWhatItsReadmeSays("compose-dockerfile-node-fixed")
    }

    func testKubernetesExampleReportsExactlyWhatItsReadmeSays() throws {
        XCTAssertFalse(try expected(in: "kubernetes-operator").isEmpty)
        try assertReportsWhatItsReadmeSays("kubernetes-operator")
    }

    func testFixedKubernetesExampleIsClean() throws {
        XCTAssertEqual(try expected(in: "kubernetes-operator-fixed"), [])
        try assertReportsWhatItsReadmeSays("kubernetes-operator-fixed")
    }
}
