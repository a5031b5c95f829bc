import Foundation
import OTLintCore
import XCTest

final class FixSessionTests: XCTestCase {
    /// A rule whose fix always has a counterpart that undoes it: `A` becomes `B`, and `B` becomes `A`.
    private struct FlipAnalyzer: Analyzer {
        var ruleIDs: [String] { ["OTL999"] }
        func claims(path: String) -> Bool { path.hasSuffix(".flip") }

        func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
            AnalysisResult(diagnostics: files.compactMap { file in
                guard let first = file.bytes.first, first == UInt8(ascii: "A") || first == UInt8(ascii: "B") else { return nil }
                let replacement = first == UInt8(ascii: "A") ? "B" : "A"
                let range = ByteRange(0, 1)
                return Diagnostic(ruleID: "OTL999", severity: .warning, message: "flip", location: file.location(range),
                                  fix: Fix(title: "flip", edits: [TextEdit(path: file.path, range: range, replacement: replacement)],
                                           applicability: .safe))
            })
        }
    }

    func testFixesThatUndoEachOtherStopAfterOneRound() throws {
        let directory = NSTemporaryDirectory() + "otlint-fix-session-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/x.flip"
        try "A\n".write(toFile: path, atomically: true, encoding: .utf8)
        let linter = Linter(analyzers: [FlipAnalyzer()], configuration: Configuration(), rootDirectory: directory)
        let outcome = FixSession(linter: linter, includeUnsafe: false, write: true).run(paths: [path])
        XCTAssertEqual(outcome.fixed.count, 1, "the first flip is applied once, not counted every round")
        XCTAssertEqual(outcome.rejected.count, 1)
        XCTAssertTrue(outcome.rejected.first?.reason.contains("undo another fix") == true)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "B\n")
    }
}
