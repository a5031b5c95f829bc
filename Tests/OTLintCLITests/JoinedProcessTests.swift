import OTLintCLI
import OTLintCore
import XCTest

/// A compose service and the Swift package it builds are one process: a finding that involves both names both.
final class JoinedProcessTests: XCTestCase {
    func lint(_ files: [String: String]) throws -> LintReport {
        let scratch = try ScratchDirectory()
        for (path, text) in files { try scratch.write(path, text) }
        let linter = Linter(analyzers: Analyzers.all, configuration: Configuration(), rootDirectory: scratch.path)
        linter.respectGitIgnore = false
        return linter.lint(paths: [scratch.path])
    }

    let manifest = """
    // swift-tools-version:6.0
    import PackageDescription
    let package = Package(name: "api", dependencies: [
        .package(url: "https://github.com/open-telemetry/opentelemetry-swift-core.git", exact: "2.5.1"),
    ])
    """

    /// A service built from `./api` that sets its endpoint in the environment.
    let composeBuildingAPI = "services:\n  api:\n    build: ./api\n    environment:\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4318\n"

    /// Code that sets its own endpoint (opentelemetry-swift reads no endpoint variable).
    let exporterToLocalhost = """
    import OpenTelemetryProtocolExporterHttp
    let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://localhost:4318/v1/traces")!)
    """

    func testAnIgnoredEndpointVariableNamesTheEndpointTheCodeSetsInstead() throws {
        let report = try lint([
            "docker-compose.yml": composeBuildingAPI,
            "api/Package.swift": manifest,
            "api/Sources/API/Telemetry.swift": exporterToLocalhost,
        ])
        let ignored = report.diagnostics.filter { $0.ruleID == "OTL005" }
        XCTAssertEqual(ignored.map(\.location.start), [LineColumn(line: 5, column: 7)])
        let related = try XCTUnwrap(ignored.first?.related)
        XCTAssertEqual(related.map { ($0.location.path as NSString).lastPathComponent }, ["Package.swift", "Telemetry.swift"])
        XCTAssertEqual(related.last?.location.start, LineColumn(line: 2, column: 60))
        XCTAssertEqual(related.last?.message,
                       "the code sets it here, with `OtlpHttpTraceExporter(endpoint:)`: this is the value in force")
    }

    func testCodeOutsideTheServicesBuildContextIsNotJoined() throws {
        let report = try lint([
            "docker-compose.yml": composeBuildingAPI,
            "api/Package.swift": manifest,
            "tools/Sources/Probe/Telemetry.swift": exporterToLocalhost,
        ])
        let ignored = report.diagnostics.filter { $0.ruleID == "OTL005" }
        XCTAssertEqual(ignored.count, 1)
        XCTAssertEqual(ignored.first?.related.count, 1, "only the dependency: the code is another program's")
    }

    func testAnIgnoredSamplerVariableNamesTheSamplerTheCodeHardCodes() throws {
        let report = try lint([
            "docker-compose.yml": "services:\n  api:\n    build: ./api\n    environment:\n      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n",
            "api/Package.swift": manifest,
            "api/Sources/API/Telemetry.swift": """
            import OpenTelemetrySdk
            let provider = TracerProviderBuilder().with(sampler: Samplers.alwaysOn).build()
            """,
        ])
        let ignored = report.diagnostics.filter { $0.ruleID == "OTL005" }
        XCTAssertEqual(ignored.map(\.location.start), [LineColumn(line: 5, column: 7)])
        XCTAssertEqual(ignored.first?.related.last?.location.start, LineColumn(line: 2, column: 54))
        XCTAssertEqual(ignored.first?.related.last?.message, "the code sets it here, with `alwaysOn`: this is the value in force")
    }
}
