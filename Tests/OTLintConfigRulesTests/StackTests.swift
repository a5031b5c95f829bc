import Foundation
import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// Realistic multi-file projects under Tests/Fixtures/stacks: each README lists exactly what otlint reports
/// (`path:line:column: RULE ...` lines; a line starting with `~ ` is a tolerated finding that may appear).
final class StackTests: XCTestCase {
    static let stacks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/stacks")

    struct Finding: Hashable, CustomStringConvertible {
        var file: String, line: Int, column: Int, rule: String
        var description: String { "\(file):\(line):\(column): \(rule)" }
    }

    func check(_ name: String) throws {
        let root = Self.stacks.appendingPathComponent(name).path
        let loader = FileLoader()
        let analyzer = ConfigAnalyzer()
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        let paths = enumerator.compactMap { $0 as? String }.sorted().map { root + "/" + $0 }
        let files = paths.filter(analyzer.claims(path:)).compactMap { try? loader.load($0).get() }
        let result = analyzer.analyze(files, context: AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: root))
        XCTAssertEqual(result.inputErrors, [], name)
        let actual = Set(result.diagnostics.map {
            Finding(file: String($0.location.path.dropFirst(root.count + 1)), line: $0.location.start.line,
                    column: $0.location.start.column, rule: $0.ruleID)
        })
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        var expected = Set<Finding>()
        var tolerated = Set<Finding>()
        for rawLine in readme.split(separator: "\n") {
            let isTolerated = rawLine.hasPrefix("~ ")
            let line = isTolerated ? rawLine.dropFirst(2) : rawLine
            let parts = line.split(separator: ":", maxSplits: 3)
            guard parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) else { continue }
            let rule = parts[3].trimmingCharacters(in: .whitespaces).prefix { $0 != " " }
            guard rule.hasPrefix("OTL") else { continue }
            let finding = Finding(file: String(parts[0]), line: row, column: column, rule: String(rule))
            if isTolerated { tolerated.insert(finding) } else { expected.insert(finding) }
        }
        XCTAssertFalse(expected.isEmpty, name)
        XCTAssertEqual(actual.subtracting(tolerated).sorted { $0.description < $1.description },
                       expected.sorted { $0.description < $1.description }, name)
        XCTAssertTrue(expected.isDisjoint(with: tolerated))
    }

    func testDemoShop() throws { try check("demo-shop") }
    func testJaegerAllInOne() throws { try check("jaeger-all-in-one") }
    func testEnvFilesPerEnvironment() throws { try check("env-per-environment") }
}
