import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// A Swift file that does not parse is said so once: an input error when the user named it, a notice in a walked
/// tree. Valid modern Swift never is. Deep nesting is checked to otlint's documented limit, the same in every build,
/// and a file beyond it gets a notice.
final class UnparseableSourceTests: XCTestCase {
    private let root = "/otlint-unparseable"

    /// Analyzes `text` as `Sources/App/App.swift`, beside `others` (several files are parsed on worker threads,
    /// whose stacks are smaller than the main thread's).
    private func analyze(_ text: String, named: Bool, others: [String] = []) -> AnalysisResult {
        let path = root + "/Sources/App/App.swift"
        let loader = FileLoader()
        var files = [SourceFile(path: path, text: text)]
        for (index, other) in others.enumerated() { files.append(SourceFile(path: root + "/Sources/App/Other\(index).swift", text: other)) }
        for file in files { loader.provide(path: file.path, text: file.text) }
        let context = AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: root,
                                      explicitPaths: named ? [path] : [])
        return SwiftAnalyzer().analyze(files, context: context)
    }

    private static let broken = """
    import Tracing

    func handle() {
        withSpan("handle") { span in
            span.attributes["x"] = 1

    """

    func testAWalkedFileThatDoesNotParseIsANotice() {
        let result = analyze(Self.broken, named: false)
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.notices.count, 1, "\(result.notices)")
        let notice = result.notices.first
        XCTAssertEqual(notice?.path, root + "/Sources/App/App.swift")
        XCTAssertEqual(notice?.position, LineColumn(line: 5, column: 33))
        XCTAssertTrue(notice?.message.hasPrefix("does not parse as Swift: expected '}'") == true, notice?.message ?? "")
    }

    func testANamedFileThatDoesNotParseIsAnInputError() {
        let result = analyze(Self.broken, named: true)
        XCTAssertEqual(result.notices, [])
        XCTAssertEqual(result.inputErrors.count, 1, "\(result.inputErrors)")
        XCTAssertEqual(result.inputErrors.first?.position, LineColumn(line: 5, column: 33))
        XCTAssertTrue(result.inputErrors.first?.message.hasPrefix("does not parse as Swift:") == true, "\(result.inputErrors)")
    }

    func testValidModernSwiftParses() {
        let modern = """
        import Tracing
        import Observation

        enum LoadError: Error { case missing }

        @Observable final class Model {
            var count = 0
        }

        @resultBuilder struct ListBuilder {
            static func buildBlock(_ parts: String...) -> [String] { parts }
            static func buildOptional(_ part: [String]?) -> [String] { part ?? [] }
        }

        @ListBuilder func names(_ flag: Bool) -> [String] {
            "a"
            "b"
        }

        struct Token: ~Copyable {
            consuming func finish() {}
            borrowing func peek() -> Int { 1 }
        }

        func load(_ data: borrowing [UInt8], into sink: inout [UInt8]) throws(LoadError) -> Int {
            guard let first = data.first else { throw .missing }
            return Int(first)
        }

        func pairs<each T>(_ value: repeat each T) -> (repeat each T) { (repeat each value) }

        func kind(_ value: Int) -> String {
            let label = if value > 0 { "positive" } else { "other" }
            return switch label { case "positive": "+"; default: "?" }
        }

        func send(_ value: sending Model) async {}

        #if os(Linux)
        let platform = #"linux"#
        #else
        let platform = "other"
        #endif

        @freestanding(expression) macro stringify<T>(_ value: T) -> (T, String) = #externalMacro(module: "M", type: "S")

        func traced() async throws {
            let regex = /[a-z]+/
            _ = regex
            try await withSpan("work") { span in
                span.attributes["count"] = #stringify(1).1
            }
        }

        """
        let result = analyze(modern, named: true)
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.notices, [])
    }

    /// 60 nested closures: deeper than swift-syntax's default limit in debug builds (20), well inside otlint's.
    func testAFindingNestedDeepIsFound() {
        let depth = 60
        var text = "import OpenTelemetrySdk\n\nfunc make(exporter: SpanExporter) {\n"
        text += String(repeating: "run {\n", count: depth)
        text += "let processor = SimpleSpanProcessor(spanExporter: exporter)\n"
        text += String(repeating: "}\n", count: depth) + "}\n"
        let result = analyze(text, named: false)
        XCTAssertEqual(result.notices, [])
        XCTAssertEqual(result.diagnostics.filter { $0.ruleID == "OTL201" }.map(\.location.start.line), [depth + 4])
    }

    func testNestingBeyondTheLimitIsANotice() {
        let depth = SwiftParsing.maximumNestingLevel + 20
        var text = "import OpenTelemetrySdk\n\nfunc make(exporter: SpanExporter) {\n"
        text += String(repeating: "run {\n", count: depth)
        text += "let processor = SimpleSpanProcessor(spanExporter: exporter)\n"
        text += String(repeating: "}\n", count: depth) + "}\n"
        // Named or not, the limit is otlint's, not the user's mistake: a notice.
        let result = analyze(text, named: true, others: [text, text, "import Tracing\n"])
        XCTAssertEqual(result.inputErrors, [])
        XCTAssertEqual(result.notices.count, 3, "\(result.notices)")
        XCTAssertTrue(result.notices.first?.message.contains("nested more than \(SwiftParsing.maximumNestingLevel) levels") == true,
                      "\(result.notices)")
    }
}
