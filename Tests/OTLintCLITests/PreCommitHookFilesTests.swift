import Foundation
@testable import OTLintCLI
import OTLintConfigRules
import OTLintCore
import XCTest

/// The pre-commit hooks pass otlint only the staged files their `files:` pattern matches: the pattern must match
/// every file name otlint reads by name, and the names of other files must not be passed.
final class PreCommitHookFilesTests: XCTestCase {
    func patterns() throws -> [NSRegularExpression] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let found = try text.split(separator: "\n").compactMap { line -> NSRegularExpression? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("files: '"), trimmed.hasSuffix("'") else { return nil }
            return try NSRegularExpression(pattern: String(trimmed.dropFirst("files: '".count).dropLast()))
        }
        XCTAssertEqual(found.count, 3, "one pattern per hook")
        return found
    }

    func testThePatternsMatchWhatOtlintReadsByName() throws {
        let read = ["docker-compose.yml", "deploy/compose.prod.yaml", ".env", "config/.env.production", "otel.env", "Sources/App/App.swift",
                    "otel-collector-config.yaml", "collector/otelcol.yml", "deploy/collector.yaml", "jaeger-collector-config.yml",
                    "Dockerfile", "api/Dockerfile.prod", "api/worker.Dockerfile", "Containerfile", "deploy/k8s/api.yaml", "values.yml"]
        let ignored = ["README.md", "Package.resolved", "app/main.py", "Dockerfiles/notes.txt", "deploy/api.yaml.j2"]
        for pattern in try patterns() {
            for path in read {
                if !path.hasSuffix(".swift") { XCTAssertNotNil(ConfigPaths.kind(of: path), "\(path) is not read by name") }
                XCTAssertTrue(matches(pattern, path), "\(pattern.pattern) misses \(path)")
            }
            for path in ignored {
                XCTAssertFalse(matches(pattern, path), "\(pattern.pattern) passes \(path)")
            }
        }
    }

    private func matches(_ pattern: NSRegularExpression, _ path: String) -> Bool {
        pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
}
