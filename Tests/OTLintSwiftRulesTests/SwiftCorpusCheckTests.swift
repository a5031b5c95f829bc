import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// Runs the analyzer over a real code base named by `OTLINT_SWIFT_CORPUS` (used by Scripts/swift-corpus-check),
/// printing every finding, and checks that the pre-filter changes nothing there. Skipped without the variable.
final class SwiftCorpusCheckTests: XCTestCase {
    func testCorpus() throws {
        guard let directory = ProcessInfo.processInfo.environment["OTLINT_SWIFT_CORPUS"] else {
            throw XCTSkip("set OTLINT_SWIFT_CORPUS to a directory of Swift code")
        }
        let files = swiftFiles(under: directory)
        let loader = FileLoader()
        let sources = files.compactMap { try? loader.load($0).get() }
        let context = AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: directory)
        let started = Date()
        let filtered = SwiftAnalyzer(usesPrefilter: true).analyze(sources, context: context).diagnostics
        let filteredTime = Date().timeIntervalSince(started)
        let unfilteredStart = Date()
        let unfiltered = SwiftAnalyzer(usesPrefilter: false).analyze(sources, context: context).diagnostics
        let unfilteredTime = Date().timeIntervalSince(unfilteredStart)
        XCTAssertEqual(filtered, unfiltered, "the pre-filter changed the findings")
        print("CORPUS \(directory): \(sources.count) Swift files, \(filtered.count) findings; "
              + String(format: "%.2fs with pre-filter, %.2fs without", filteredTime, unfilteredTime))
        for diagnostic in filtered {
            let relative = diagnostic.location.path.replacingOccurrences(of: directory + "/", with: "")
            print("FINDING \(relative):\(diagnostic.location.start.line):\(diagnostic.location.start.column): "
                  + "\(diagnostic.severity.rawValue)[\(diagnostic.ruleID)] \(diagnostic.message)")
        }
    }

    private func swiftFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix(".build") || relative.contains("/.build") { continue }
            if relative.hasSuffix(".swift") { result.append(directory + "/" + relative) }
        }
        return result.sorted()
    }
}
