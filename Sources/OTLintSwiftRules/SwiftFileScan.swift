import OTLintCore

/// What a Swift file's text tells before any parse: whether it can matter at all (`SwiftPrefilter`), which tracing
/// modules it re-exports, and whether it sets tracing up. Every file of a run is scanned, in parallel, so each
/// question is a byte search that a file without the marker answers in one pass.
struct SwiftFileScan: Sendable {
    var mayMatter: Bool
    /// Tracing modules named by `@_exported import`.
    var exportedModules: Set<String> = []
    /// A call that sets tracing up, outside comments (library sources mention them in documentation).
    var setsTracingUp = false

    init(_ file: SourceFile) {
        mayMatter = SwiftPrefilter.mayMatter(file.bytes)
        if ByteSearch.contains("@_exported", in: file.bytes) { exportedModules = Self.exportedModules(file.text) }
        // Tests set up tracers of their own; that does not make the application traced.
        if !SwiftSourceModel.isTestPath(file.path), Self.setUpMarkerWords.contains(where: { ByteSearch.contains($0, in: file.bytes) }) {
            setsTracingUp = Self.setsTracingUp(file.text)
        }
    }

    private static let setUpCalls = ["OTel.bootstrap(", "InstrumentationSystem.bootstrap(", "TracingMiddleware(", "TracingMiddleware<",
                                     "registerTracerProvider(", "makeTracingBackend("]
    /// Words every one of `setUpCalls` contains: files without any skip the line-by-line reading.
    private static let setUpMarkerWords = ["bootstrap(", "TracingMiddleware", "registerTracerProvider(", "makeTracingBackend("]

    private static func exportedModules(_ text: String) -> Set<String> {
        var modules: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("@_exported") else { continue }
            let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "." })
            guard let importIndex = words.firstIndex(of: "import") else { continue }
            // `@_exported import struct M.T` names the module after the kind keyword.
            let rest = words[(importIndex + 1)...].filter {
                !["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains($0)
            }
            if let module = rest.first.map(String.init), !SwiftSourceModel.ecosystems(for: [module]).isEmpty {
                modules.insert(module)
            }
        }
        return modules
    }

    private static func setsTracingUp(_ text: String) -> Bool {
        for line in text.split(separator: "\n") {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") || code.hasPrefix("*") || code.hasPrefix("/*") { continue }
            if setUpCalls.contains(where: { code.contains($0) }) { return true }
        }
        return false
    }
}
