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

    /// Whether a file's text passes the pre-filter, i.e. gets parsed when nothing is re-exported to it (public for
    /// the benchmark).
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
        let reExports = SwiftReExports(scans: Array(zip(files.map(\.path), scans)))

        let perFile = ParallelMap.map(Array(files.indices)) { index -> [Diagnostic] in
            let file = files[index], imports = scans[index].imports
            let reExported = reExports.modules(forPath: file.path, imports: imports.modules)
            if usesPrefilter && !SwiftPrefilter.mayMatter(imports, reExported: reExported) { return [] }
            if SwiftSizeLimit.isTooLarge(file) { return [] }  // noticed below
            let tree = file.bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
            let model = SwiftSourceModel(file: file, tree: tree, extraImports: reExported, project: project)
            guard model.isRelevant else { return [] }
            return rules.flatMap { rule in rule.check(model).filter { context.isEnabled($0.ruleID) } }
        }
        // Each file's tree is released when its closure returns: only the files being parsed are in memory.
        let tooLarge = files.indices.filter { index in
            let reExported = reExports.modules(forPath: files[index].path, imports: scans[index].imports.modules)
            return SwiftSizeLimit.isTooLarge(files[index])
                && (!usesPrefilter || SwiftPrefilter.mayMatter(scans[index].imports, reExported: reExported))
        }
        return AnalysisResult(diagnostics: perFile.flatMap { $0 }.sorted(by: Diagnostic.outputOrder),
                              notices: tooLarge.map { SwiftSizeLimit.notice(files[$0]) })
    }
}

extension SwiftProjectFacts {
    /// What the rules need to know about the package: whether some file sets tracing up, and whether the nearest
    /// `Package.swift` depends on a server framework.
    init(scans: [SwiftFileScan], context: AnalysisContext) {
        self.init()
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
