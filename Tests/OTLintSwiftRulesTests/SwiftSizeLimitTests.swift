import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// A Swift file over the size limit is not parsed (its tree would take about 100 times its size) and a notice
/// says so; a file that would not be parsed anyway gets no notice.
final class SwiftSizeLimitTests: XCTestCase {
    static let tracingCode = """
    import OpenTelemetrySdk

    let processor = SimpleSpanProcessor(spanExporter: exporter)

    """

    private func analyze(_ text: String) -> AnalysisResult {
        let path = "/otlint-test-project/Sources/App/Table.swift"
        let loader = FileLoader()
        loader.provide(path: path, text: text)
        let context = AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: "/otlint-test-project")
        return SwiftAnalyzer().analyze([SourceFile(path: path, text: text)], context: context)
    }

    /// The text followed by a comment that takes it just over the limit (a comment: nothing else to parse).
    private func padded(_ text: String) -> String {
        text + "// " + String(repeating: "x", count: SwiftSizeLimit.maximumParsedBytes - text.utf8.count) + "\n"
    }

    func testFileOverTheLimitIsSkippedWithANotice() {
        XCTAssertEqual(analyze(Self.tracingCode).diagnostics.with("OTL201").count, 1, "the same code under the limit is checked")
        let result = analyze(padded(Self.tracingCode))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.notices.count, 1)
        XCTAssertTrue(result.notices.first?.message.contains("over the limit of \(SwiftSizeLimit.maximumParsedBytes)") == true,
                      "\(result.notices)")
    }

    func testLargeFileWithoutTracingImportsGetsNoNotice() {
        let result = analyze(padded("import Foundation\n"))
        XCTAssertEqual(result.notices, [])
    }
}
