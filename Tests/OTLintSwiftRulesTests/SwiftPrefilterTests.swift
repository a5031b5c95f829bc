import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class SwiftPrefilterTests: XCTestCase {
    /// The pre-filter must never change the findings: run the analyzer with and without it over every Swift
    /// example of the rule documents and the example projects, plus files that mention tracing only in passing.
    func testPrefilterDoesNotChangeFindings() throws {
        var files: [(path: String, text: String)] = []
        let root = repositoryRoot()
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasPrefix(".build") { continue }
            let url = root.appendingPathComponent(relative)
            if relative.hasSuffix(".swift") && (relative.hasPrefix("Examples/") || relative.hasPrefix("Sources/")) {
                files.append((relative, try String(contentsOf: url, encoding: .utf8)))
            }
            if relative.hasPrefix("Rules/") && relative.hasSuffix(".md") {
                let document = try RuleDocument(fileName: relative, markdown: try String(contentsOf: url, encoding: .utf8))
                for (index, example) in document.examples.enumerated() where example.kind == "swift" {
                    files.append(("Docs/\(document.id)/\(index)/" + (example.fileName ?? "App.swift"), example.code))
                }
            }
        }
        files.append(("Sources/Plain/Plain.swift", "import Foundation\nlet span = startSpan(\"x\")\n"))
        files.append(("Sources/Plain/Exported.swift", "import Foundation\n// mentions Tracing in a comment only\n"))
        XCTAssertGreaterThan(files.count, 10)
        let withFilter = analyzeSwift(files, usesPrefilter: true)
        let withoutFilter = analyzeSwift(files, usesPrefilter: false)
        XCTAssertEqual(withFilter, withoutFilter)
        XCTAssertFalse(withFilter.isEmpty)
    }

    func testReExportedTracingModuleReachesFilesWithoutTheImport() {
        let files: [(path: String, text: String)] = [
            ("Sources/App/Exports.swift", "@_exported import Tracing\n"),
            ("Sources/App/Work.swift", "func work() {\n    let span = startSpan(\"work\")\n}\n"),
        ]
        XCTAssertEqual(analyzeSwift(files).with("OTL502").count, 1)
    }

    func testMarkersCoverEveryModuleTheRulesLookAt() {
        let modules = SwiftSourceModel.openTelemetrySwiftModules.union(SwiftSourceModel.distributedTracingModules)
            .union(SwiftSourceModel.swiftOTelModules).union(["OpenTelemetry", "Metrics", "CoreMetrics"])
        for module in modules {
            XCTAssertTrue(SwiftPrefilter.mayMatter(Array("import \(module)".utf8)), module)
        }
    }
}
