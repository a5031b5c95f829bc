import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// Runs the Swift analyzer over an in-memory project: (relative path, text) pairs.
func analyzeSwift(_ files: [(path: String, text: String)], usesPrefilter: Bool = true, root: String = "/otlint-test-project")
    -> [Diagnostic]
{
    let loader = FileLoader()
    var sources: [SourceFile] = []
    for (path, text) in files {
        let fullPath = root + "/" + path
        loader.provide(path: fullPath, text: text)
        sources.append(SourceFile(path: fullPath, text: text))
    }
    let context = AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: root)
    return SwiftAnalyzer(usesPrefilter: usesPrefilter).analyze(sources.filter { $0.path.hasSuffix(".swift") }, context: context).diagnostics
}

/// Runs the analyzer over one Swift file at `Sources/App/App.swift`.
func analyzeSwift(_ text: String, path: String = "Sources/App/App.swift") -> [Diagnostic] {
    analyzeSwift([(path, text)])
}

/// Applies text edits to a text, from the last to the first so earlier offsets stay valid.
func applying(_ edits: [TextEdit], to text: String) -> String {
    var bytes = Array(text.utf8)
    for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
        bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.replacement.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The repository root, found from this file's path.
func repositoryRoot(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Applies every fix of `ruleID` once and returns the new text.
func fixing(_ ruleID: String, in text: String, path: String = "Sources/App/App.swift") -> String {
    let diagnostics = analyzeSwift(text, path: path).filter { $0.ruleID == ruleID }
    return applying(diagnostics.compactMap(\.fix).flatMap(\.edits), to: text)
}

extension Array where Element == Diagnostic {
    func with(_ ruleID: String) -> [Diagnostic] { filter { $0.ruleID == ruleID } }
}
