import Dispatch
import Foundation
import OTLintCore
import SwiftParser
import SwiftSyntax

/// Checks Swift sources written against opentelemetry-swift, swift-distributed-tracing / swift-otel, and the
/// server frameworks that use them.
public struct SwiftAnalyzer: Analyzer {
    /// Skip parsing files whose text cannot matter (see `SwiftPrefilter`). Off only to prove it changes nothing.
    public var usesPrefilter: Bool

    public init(usesPrefilter: Bool = true) {
        self.usesPrefilter = usesPrefilter
    }

    public var ruleIDs: [String] { allSwiftRules.flatMap(\.ruleIDs) }

    public func claims(path: String) -> Bool {
        path.hasSuffix(".swift")
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        let rules = allSwiftRules.filter { rule in rule.ruleIDs.contains(where: context.isEnabled) }
        guard !rules.isEmpty, !files.isEmpty else { return AnalysisResult() }
        let project = SwiftProjectFacts.gather(files: files, context: context)
        let exported = project.exportedImports
        // With a re-exported tracing module every file of the module may use it without importing it.
        let filterIsSafe = usesPrefilter && exported.isEmpty

        let results = PerFileResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            if filterIsSafe && !SwiftPrefilter.mayMatter(file.bytes) { return }
            let tree = file.bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
            let model = SwiftSourceModel(file: file, tree: tree, extraImports: exported, project: project)
            guard model.isRelevant else { return }
            var diagnostics: [Diagnostic] = []
            for rule in rules {
                diagnostics += rule.check(model).filter { context.isEnabled($0.ruleID) }
            }
            results.set(index, diagnostics)
        }
        let perFile = results.all
        return AnalysisResult(diagnostics: perFile.flatMap { $0 }.sorted(by: Diagnostic.outputOrder))
    }
}

extension SwiftProjectFacts {
    /// Reads what the rules need to know about the package: `@_exported import`s of tracing modules and whether
    /// the nearest `Package.swift` depends on a server framework.
    static func gather(files: [SourceFile], context: AnalysisContext) -> SwiftProjectFacts {
        var facts = SwiftProjectFacts()
        let marker = Array("@_exported".utf8)
        for file in files where file.bytes.count >= marker.count && file.text.contains("@_exported") {
            for line in file.text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("@_exported") else { continue }
                let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "." })
                if let importIndex = words.firstIndex(of: "import") {
                    // `@_exported import struct M.T` names the module after the kind keyword.
                    let rest = words[(importIndex + 1)...].filter {
                        !["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains($0)
                    }
                    if let module = rest.first {
                        let name = String(module)
                        if !SwiftSourceModel.ecosystems(for: [name]).isEmpty { facts.exportedImports.insert(name) }
                    }
                }
            }
        }
        facts.bootstrapsTracing = files.contains(where: setsTracingUp)
        let manifestPath = (context.rootDirectory as NSString).appendingPathComponent("Package.swift")
        if case .success(let manifest) = context.loader.load(manifestPath) {
            let text = manifest.text.lowercased()
            facts.isServerPackage = ["vapor/vapor", "hummingbird-project/hummingbird", "apple/swift-nio",
                                     "swift-server/async-http-client", "swift-service-lifecycle"]
                .contains { text.contains($0) }
        }
        return facts
    }

    /// A call that sets tracing up, outside comments (library sources mention them in documentation).
    private static func setsTracingUp(_ file: SourceFile) -> Bool {
        let markers = ["OTel.bootstrap(", "InstrumentationSystem.bootstrap(", "TracingMiddleware(", "TracingMiddleware<",
                       "registerTracerProvider(", "makeTracingBackend("]
        // Tests set up tracers of their own; that does not make the application traced.
        guard !SwiftSourceModel.isTestPath(file.path), markers.contains(where: { file.text.contains($0) }) else { return false }
        for line in file.text.split(separator: "\n") {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") || code.hasPrefix("*") || code.hasPrefix("/*") { continue }
            if markers.contains(where: { code.contains($0) }) { return true }
        }
        return false
    }
}

/// One slot per file, written from the parallel loop.
private final class PerFileResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Diagnostic]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ diagnostics: [Diagnostic]) {
        lock.withLock { slots[index] = diagnostics }
    }

    var all: [[Diagnostic]] { lock.withLock { slots } }
}
