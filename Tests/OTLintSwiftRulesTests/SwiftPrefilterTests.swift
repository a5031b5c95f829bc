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

    func testReExportReachesTheModulesThatImportItAndNoOthers() {
        let files: [(path: String, text: String)] = [
            ("Sources/Core/Exports.swift", "@_documentation(visibility: internal) @_exported import Tracing\n"),
            ("Sources/App/Work.swift", "import Core\nfunc work() {\n    let span = startSpan(\"work\")\n}\n"),
            ("Sources/Tool/Main.swift", "import Foundation\nfunc main() {\n    let span = startSpan(\"main\")\n}\n"),
        ]
        for usesPrefilter in [true, false] {
            let found = analyzeSwift(files, usesPrefilter: usesPrefilter).with("OTL502")
            XCTAssertEqual(found.map(\.location.path), ["/otlint-test-project/Sources/App/Work.swift"], "pre-filter: \(usesPrefilter)")
        }
    }

    func testModuleOfAPathFollowsThePackageLayout() {
        XCTAssertEqual(SwiftReExports.module(ofPath: "Sources/App/Handlers/Orders.swift"), "App")
        XCTAssertEqual(SwiftReExports.module(ofPath: "pkg/Tests/AppTests/OrdersTests.swift"), "AppTests")
        XCTAssertNil(SwiftReExports.module(ofPath: "Sources/main.swift"))
        XCTAssertNil(SwiftReExports.module(ofPath: "Scripts/tool.swift"))
    }

    func testEveryModuleTheRulesLookAtIsKept() {
        let modules = SwiftSourceModel.openTelemetrySwiftModules.union(SwiftSourceModel.distributedTracingModules)
            .union(SwiftSourceModel.swiftOTelModules).union(["OpenTelemetry", "Metrics", "CoreMetrics"])
        for module in modules {
            XCTAssertFalse(SwiftSourceModel.ecosystems(for: [module]).isEmpty, module)
            XCTAssertTrue(SwiftSourceModel.relevantModules.contains(module), module)
            for spelling in ["import \(module)", "@testable import \(module).Sub", "#if canImport(X)\n  import struct \(module).T\n#endif",
                             "import Foundation; import\n    \(module)", "import `\(module)`", "import/* why */\(module)"] {
                XCTAssertTrue(SwiftPrefilter.mayMatter(Array(spelling.utf8)), spelling)
            }
        }
    }

    func testFilesWithoutARelevantImportAreSkipped() {
        for text in ["import Foundation\nimport NIOCore\n",
                     "let importer = reimport(TracingThing())\n", "import Foundation\nlet s = \"OTEL_TRACES_SAMPLER\"\n", ""] {
            XCTAssertFalse(SwiftPrefilter.mayMatter(Array(text.utf8)), text)
        }
        // Mentions in comments cost a parse but never a finding.
        XCTAssertTrue(SwiftPrefilter.mayMatter(Array("// import Tracing\n".utf8)))
    }
}
