#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// What a Swift file's text tells before any parse: the modules it imports (what `SwiftPrefilter` decides on),
/// the tracing modules it re-exports, and whether it sets tracing up. Every file of a run is scanned, in parallel, so each
/// question is a byte search that a file without the marker answers in one pass.
struct SwiftFileScan: Sendable {
    var imports: SwiftPrefilter.Imports
    /// Tracing modules named by `@_exported import`.
    var exportedModules: Set<String> = []
    /// A call that sets tracing up, outside comments (library sources mention them in documentation).
    var setsTracingUp = false
    /// opentelemetry-swift's `URLSessionInstrumentation(` is constructed (it injects context on Apple platforms).
    var instrumentsURLSession = false
    /// A `TracingMiddleware` is constructed, outside comments (whose, the project's declarations tell).
    var usesTracingMiddleware = false
    /// The file declares a type named `TracingMiddleware` of its own.
    var declaresTracingMiddleware = false

    init(_ file: SourceFile) {
        imports = SwiftPrefilter.imports(in: file.bytes)
        if ByteSearch.contains("@_exported", in: file.bytes) { exportedModules = Self.exportedModules(file.text) }
        // Tests set up tracers of their own; that does not make the application traced.
        if !SwiftSourceModel.isTestPath(file.path) {
            setsTracingUp = Self.containsCall(Self.setUpCalls, markers: Self.setUpMarkers, in: file.bytes)
            instrumentsURLSession = ByteSearch.contains("URLSessionInstrumentation(", in: file.bytes)
            if ByteSearch.contains("TracingMiddleware", in: file.bytes) {
                usesTracingMiddleware = Self.containsCall(["TracingMiddleware(", "TracingMiddleware<"], markers: [Array("TracingMiddleware".utf8)],
                                                          in: file.bytes)
                declaresTracingMiddleware = ["struct", "class", "actor", "enum"].contains {
                    ByteSearch.contains("\($0) TracingMiddleware", in: file.bytes)
                }
            }
        }
    }

    private static let setUpCalls = ["OTel.bootstrap(", "InstrumentationSystem.bootstrap(", "TracingMiddleware(", "TracingMiddleware<",
                                     "registerTracerProvider(", "makeTracingBackend("]
    /// Every one of `setUpCalls` contains one of these, and they are rare in other code (a shorter marker such as
    /// `Trac` matches every line of tracing code): only lines holding one are read.
    private static let setUpMarkers = ["bootstrap(", "TracingMiddleware", "registerTracerProvider(", "makeTracingBackend("].map { Array($0.utf8) }

    /// `@_exported import Tracing`, also after other attributes (`@_documentation(visibility: internal)`) and
    /// with a kind keyword (`@_exported import struct M.T` names the module after the keyword).
    private static func exportedModules(_ text: String) -> Set<String> {
        var modules: Set<String> = []
        for line in text.split(separator: "\n") {
            let code = line.blankTrimmed
            guard !code.hasPrefix("//"), let attribute = code.firstRange(of: "@_exported") else { continue }
            let words = code[attribute.upperBound...].split(whereSeparator: { $0 == " " || $0 == "." || $0 == "\t" })
            guard let importIndex = words.firstIndex(of: "import") else { continue }
            let rest = words[(importIndex + 1)...].filter { !SwiftPrefilter.declarationKinds.contains(String($0)) }
            if let module = rest.first.map(String.init), !SwiftSourceModel.ecosystems(for: [module]).isEmpty {
                modules.insert(module)
            }
        }
        return modules
    }

    /// Whether a line holding one of `markers`, outside comments, contains one of `calls`.
    private static func containsCall(_ calls: [String], markers: [[UInt8]], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var found = false
            for marker in markers where !found {
                ByteSearch.forEach(marker, in: buffer) { offset in
                    found = line(buffer, containing: offset, contains: calls)
                    return !found
                }
            }
            return found
        }
    }

    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, containing offset: Int, contains calls: [String]) -> Bool {
        var start = offset, end = offset
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            .blankTrimmed
        if code.hasPrefix("//") || code.hasPrefix("*") || code.hasPrefix("/*") { return false }
        return calls.contains { code.contains($0) }
    }
}
