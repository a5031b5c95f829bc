import Foundation
import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// Each example project's README lists what otlint reports (`path:line:col: severity[RULE] message`); the
/// analyzer must report exactly that, and the `-fixed` variants nothing.
final class ExampleProjectTests: XCTestCase {
    func testSwiftOTelService() throws { try checkExample("swift-otel-service") }
    func testSwiftOTelServiceFixed() throws { try checkExample("swift-otel-service-fixed") }
    func testOpenTelemetrySwiftService() throws { try checkExample("opentelemetry-swift-service") }
    func testOpenTelemetrySwiftServiceFixed() throws { try checkExample("opentelemetry-swift-service-fixed") }

    private func checkExample(_ name: String) throws {
        let directory = repositoryRoot().appendingPathComponent("Examples/\(name)").path
        let readme = try String(contentsOfFile: directory + "/README.md", encoding: .utf8)
        let expected = readme.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"^\S+\.swift:\d+:\d+: \w+\[OTL\d+\] "#, options: .regularExpression) != nil
        }
        let actual = exampleFindings(directory)
        XCTAssertEqual(actual, expected, "\(name): analyzer output differs from README.md\n" + actual.joined(separator: "\n"))
        if name.hasSuffix("-fixed") { XCTAssertTrue(actual.isEmpty) } else { XCTAssertFalse(actual.isEmpty) }
    }

    private func exampleFindings(_ directory: String) -> [String] {
        let loader = FileLoader()
        var files: [SourceFile] = []
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), case .success(let file) = loader.load(directory + "/" + relative) else { continue }
            files.append(file)
        }
        let context = AnalysisContext(loader: loader, configuration: Configuration(), rootDirectory: directory)
        return SwiftAnalyzer().analyze(files, context: context).diagnostics.map { diagnostic in
            let path = diagnostic.location.path.replacingOccurrences(of: directory + "/", with: "")
            return "\(path):\(diagnostic.location.start.line):\(diagnostic.location.start.column): "
                + "\(diagnostic.severity.rawValue)[\(diagnostic.ruleID)] \(diagnostic.message)"
        }
    }
}
