import Foundation
import OTLintCore
import XCTest

/// Inputs otlint does not check are said so, once, as notices: a symlink loop in a walked tree, a named file of a
/// kind no analyzer reads. Neither counts as checked nor changes the exit code; a looping path the user named
/// stays an input error.
final class SkippedInputTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("otlint-skipped-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Claims `.env` files and reports nothing: enough to see what the linter counts.
    private struct EnvAnalyzer: Analyzer {
        var ruleIDs: [String] { [] }
        func claims(path: String) -> Bool { path.hasSuffix(".env") }
        func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult { AnalysisResult() }
    }

    private func linter() -> Linter {
        let linter = Linter(analyzers: [EnvAnalyzer()], configuration: Configuration(), rootDirectory: directory)
        linter.respectGitIgnore = false
        return linter
    }

    func testASelfLinkInAWalkedTreeIsANotice() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/app.env", contents: Data("A=1\n".utf8)))
        try FileManager.default.createSymbolicLink(atPath: directory + "/self", withDestinationPath: ".")
        let report = linter().lint(paths: [directory])
        XCTAssertEqual(report.inputErrors, [])
        XCTAssertEqual(report.checkedFiles, [directory + "/app.env"])
        XCTAssertEqual(report.notices.count, 1, "\(report.notices)")
        XCTAssertEqual(report.notices.first?.path, directory + "/self")
        XCTAssertTrue(report.notices.first?.message.contains("symlink loop") == true, "\(report.notices)")
    }

    func testALinkThatNeverResolvesInAWalkedTreeIsANotice() throws {
        try FileManager.default.createSymbolicLink(atPath: directory + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: directory + "/b", withDestinationPath: "a")
        let report = linter().lint(paths: [directory])
        XCTAssertEqual(report.inputErrors, [])
        XCTAssertEqual(report.notices.map(\.path), [directory + "/a", directory + "/b"])
    }

    func testANamedLoopingPathStaysAnInputError() throws {
        try FileManager.default.createSymbolicLink(atPath: directory + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: directory + "/b", withDestinationPath: "a")
        let looping = linter().lint(paths: [directory + "/a"])
        XCTAssertEqual(looping.inputErrors.count, 1)
        XCTAssertTrue(looping.inputErrors.first?.message.contains("symlink loop") == true, "\(looping.inputErrors)")

        try FileManager.default.createSymbolicLink(atPath: directory + "/self", withDestinationPath: ".")
        let named = linter().lint(paths: [directory + "/self"])
        XCTAssertEqual(named.inputErrors.map(\.path), [directory + "/self"])
        XCTAssertTrue(named.inputErrors.first?.message.contains("symlink loop") == true, "\(named.inputErrors)")
        XCTAssertEqual(named.notices, [])
    }

    func testANamedFileNoAnalyzerReadsIsANoticeAndNotChecked() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/main.txt", contents: Data("hello\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/app.env", contents: Data("A=1\n".utf8)))
        let report = linter().lint(paths: [directory + "/main.txt", directory + "/app.env"])
        XCTAssertEqual(report.inputErrors, [])
        XCTAssertEqual(report.checkedFiles, [directory + "/app.env"])
        XCTAssertEqual(report.notices.map(\.path), [directory + "/main.txt"])
        XCTAssertTrue(report.notices.first?.message.contains("not checked") == true, "\(report.notices)")
    }

    func testFilesAnAnalyzerFoundNotToBeItsKindAreNotCounted() throws {
        struct PickyAnalyzer: Analyzer {
            var ruleIDs: [String] { [] }
            func claims(path: String) -> Bool { path.hasSuffix(".env") }
            func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
                var result = AnalysisResult()
                for file in files where file.text.hasPrefix("#!") {
                    result.notices.append(Notice(path: file.path, message: "a script, not an env file; not checked"))
                    result.uncheckedFiles.append(file.path)
                }
                return result
            }
        }
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/run.env", contents: Data("#!/bin/sh\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/app.env", contents: Data("A=1\n".utf8)))
        let report = Linter(analyzers: [PickyAnalyzer()], configuration: Configuration(), rootDirectory: directory)
            .lint(files: [(directory + "/run.env", true), (directory + "/app.env", true)])
        XCTAssertEqual(report.checkedFiles, [directory + "/app.env"])
        XCTAssertEqual(report.notices.map(\.path), [directory + "/run.env"])
    }
}
