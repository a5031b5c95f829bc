import Foundation
import OTLintCore
@testable import OTLintConfigRules
import XCTest

/// A throwaway project folder: files written to a temporary directory, checked with `ConfigAnalyzer`.
final class TestProject {
    let root: String
    private(set) var paths: [String] = []

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "otlint-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ name: String, _ text: String) throws {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: ConfigPaths.directory(of: path), withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        if !paths.contains(path) { paths.append(path) }
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: root + "/" + name, encoding: .utf8) }

    /// Runs the analyzer on every claimed file of the project.
    func analyze(configuration: Configuration = Configuration()) -> AnalysisResult {
        let loader = FileLoader()
        let analyzer = ConfigAnalyzer()
        let files = paths.filter(analyzer.claims(path:)).compactMap { try? loader.load($0).get() }
        return analyzer.analyze(files, context: AnalysisContext(loader: loader, configuration: configuration, rootDirectory: root))
    }

    func diagnostics(_ ruleID: String, configuration: Configuration = Configuration()) -> [Diagnostic] {
        analyze(configuration: configuration).diagnostics.filter { $0.ruleID == ruleID }
    }

    func project() -> ConfigProject {
        let loader = FileLoader()
        let files = paths.filter(ConfigAnalyzer().claims(path:)).compactMap { try? loader.load($0).get() }
        return ConfigAnalyzer.buildProject(files, context: AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: root)).0
    }

    /// Applies a fix to the files on disk (edits in descending order per file).
    func apply(_ fix: Fix) throws {
        for (path, edits) in Dictionary(grouping: fix.edits, by: \.path) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try applyEdits(edits, to: text).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// Applies the fix of the first diagnostic of a rule, asserts the result and that re-running finds nothing to fix.
    func assertFix(_ ruleID: String, file: String, becomes expected: String,
                   sourceFile: StaticString = #filePath, line: UInt = #line) throws {
        let before = diagnostics(ruleID).filter { $0.fix != nil }.count
        let fix = try XCTUnwrap(diagnostics(ruleID).first?.fix, "no fix", file: sourceFile, line: line)
        try apply(fix)
        XCTAssertEqual(try read(file), expected, file: sourceFile, line: line)
        // Idempotent: the fixed finding does not come back with a fix to apply again.
        XCTAssertEqual(diagnostics(ruleID).filter { $0.fix != nil }.count, before - 1, "fix is not idempotent",
                       file: sourceFile, line: line)
    }
}

/// Applies text edits to a text, from the last byte offset to the first.
func applyEdits(_ edits: [TextEdit], to text: String) -> String {
    var bytes = Array(text.utf8)
    for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
        bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.replacement.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

func envFile(_ text: String, path: String = ".env") -> (EnvFile, [InputError]) {
    EnvFileParser.parse(SourceFile(path: path, text: text))
}
