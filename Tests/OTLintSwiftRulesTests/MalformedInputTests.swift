import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// Broken input never crashes the analyzer: every prefix of real tracing code, and bytes that are not Swift.
final class MalformedInputTests: XCTestCase {
    func testTruncationsOfTheExamplesAreHandled() throws {
        let root = repositoryRoot().appendingPathComponent("Examples")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var sources: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            sources.append(try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8))
        }
        XCTAssertFalse(sources.isEmpty)
        for source in sources {
            let bytes = Array(source.utf8)
            var files: [(path: String, text: String)] = []
            for end in stride(from: 0, through: bytes.count, by: 89) {
                files.append(("Sources/App/Cut\(end).swift", String(decoding: bytes[0..<end], as: UTF8.self)))
            }
            _ = analyzeSwift(files)
        }
    }

    func testNonSwiftBytes() {
        let garbage: [(path: String, text: String)] = [
            ("Sources/A.swift", "import Tracing\n}}}{{{ withSpan( let span = startSpan(\n"),
            ("Sources/B.swift", "import OpenTelemetryApi\n\u{0}\u{1}\u{FFFD} spanBuilder(spanName: ).startSpan(\n"),
            ("Sources/C.swift", "import Tracing\n" + String(repeating: "(", count: 5000)),
            ("Sources/D.swift", ""),
        ]
        _ = analyzeSwift(garbage)
    }
}
