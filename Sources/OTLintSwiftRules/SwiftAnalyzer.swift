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

    /// Whether a file's text passes the pre-filter, i.e. gets parsed (public for the benchmark).
    public static func passesPrefilter(_ bytes: [UInt8]) -> Bool {
        SwiftPrefilter.mayMatter(bytes)
    }

    public func claims(path: String) -> Bool {
        path.hasSuffix(".swift")
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        let rules = allSwiftRules.filter { rule in rule.ruleIDs.contains(where: context.isEnabled) }
        guard !rules.isEmpty, !files.isEmpty else { return AnalysisResult() }
        let scans = ParallelMap.map(files, SwiftFileScan.init)
        let project = SwiftProjectFacts(scans: scans, context: context)
        let exported = project.exportedImports
        // With a re-exported tracing module every file of the module may use it without importing it.
        let filterIsSafe = usesPrefilter && exported.isEmpty

        let perFile = ParallelMap.map(Array(files.indices)) { index -> [Diagnostic] in
            let file = files[index]
            if filterIsSafe && !scans[index].mayMatter { return [] }
            let tree = file.bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
            let model = SwiftSourceModel(file: file, tree: tree, extraImports: exported, project: project)
            guard model.isRelevant else { return [] }
            return rules.flatMap { rule in rule.check(model).filter { context.isEnabled($0.ruleID) } }
        }
        return AnalysisResult(diagnostics: perFile.flatMap { $0 }.sorted(by: Diagnostic.outputOrder))
    }
}

extension SwiftProjectFacts {
    /// What the rules need to know about the package: `@_exported import`s of tracing modules, whether some file
    /// sets tracing up, and whether the nearest `Package.swift` depends on a server framework.
    init(scans: [SwiftFileScan], context: AnalysisContext) {
        self.init()
        exportedImports = scans.reduce(into: Set<String>()) { $0.formUnion($1.exportedModules) }
        bootstrapsTracing = scans.contains { $0.setsTracingUp }
        let manifestPath = (context.rootDirectory as NSString).appendingPathComponent("Package.swift")
        if case .success(let manifest) = context.loader.load(manifestPath) {
            let text = manifest.text.lowercased()
            isServerPackage = ["vapor/vapor", "hummingbird-project/hummingbird", "apple/swift-nio",
                               "swift-server/async-http-client", "swift-service-lifecycle"]
                .contains { text.contains($0) }
        }
    }
}
