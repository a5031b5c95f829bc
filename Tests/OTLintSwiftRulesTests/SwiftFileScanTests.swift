import OTLintCore
import XCTest

@testable import OTLintSwiftRules

final class SwiftFileScanTests: XCTestCase {
    private func scan(_ text: String, path: String = "Sources/App/main.swift") -> SwiftFileScan {
        SwiftFileScan(SourceFile(path: path, text: text))
    }

    func testTracingSetUpIsFoundInCodeOnly() {
        XCTAssertTrue(scan("import Tracing\nInstrumentationSystem.bootstrap(tracer)\n").setsTracingUp)
        XCTAssertTrue(scan("let app = Application(router: router)\nrouter.add(middleware: TracingMiddleware())\n").setsTracingUp)
        XCTAssertTrue(scan("    try await OTel.bootstrap(configuration: config)").setsTracingUp)
        XCTAssertFalse(scan("// Call InstrumentationSystem.bootstrap(tracer) first.\n/// TracingMiddleware() adds spans\n").setsTracingUp)
        XCTAssertFalse(scan(" * OTel.bootstrap(configuration:) is called by the app\n").setsTracingUp)
        XCTAssertFalse(scan("let bootstrap = ServerBootstrap(group: group)\nlet tracer = Tracer()\n").setsTracingUp)
        // Tests set up tracers of their own.
        XCTAssertFalse(scan("InstrumentationSystem.bootstrap(tracer)\n", path: "Tests/AppTests/AppTests.swift").setsTracingUp)
    }

    func testReExportedTracingModulesAreRead() {
        XCTAssertEqual(scan("@_exported import Tracing\n").exportedModules, ["Tracing"])
        XCTAssertEqual(scan("@_documentation(visibility: internal) @_exported import Instrumentation\n").exportedModules, ["Instrumentation"])
        XCTAssertEqual(scan("@_exported import struct OTel.OTelResource\n").exportedModules, ["OTel"])
        XCTAssertEqual(scan("@_exported import NIOCore\n// @_exported import Tracing\n").exportedModules, [])
    }

    func testImportsAreReadFromTheText() {
        let imports = scan("import Foundation\n@testable import Tracing\nimport struct NIOCore.ByteBuffer\n#if canImport(OTel)\nimport OTel\n#endif\n").imports
        XCTAssertEqual(imports.modules, ["Foundation", "Tracing", "NIOCore", "OTel"])
        XCTAssertFalse(imports.hasUnreadableImport)
        XCTAssertTrue(scan("import /* tracing */ Tracing\n").imports.hasUnreadableImport)
    }
}
