#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

    /// The IDs of the code rules (not the settings rules), in registry order.
    public static let codeRuleIDs: [String] = allSwiftRules.map(\.id)

    /// Its code rules, and the settings rules, which judge the settings each file's code writes.
    public var ruleIDs: [String] { allSwiftRules.map(\.id) + SettingsRules.ruleIDs }

    /// Whether a file's text passes the pre-filter, i.e. gets parsed when nothing is re-exported to it (public for
    /// the benchmark).
    public static func passesPrefilter(_ bytes: [UInt8]) -> Bool {
        SwiftPrefilter.mayMatter(bytes)
    }

    public func claims(path: String) -> Bool {
        path.hasSuffix(".swift")
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        read(files, context: context, keepingSettings: false).result
    }

    /// Checks the files and, with `keepingSettings`, also returns the settings each file's code writes (for the
    /// compose services built from them).
    public func read(_ files: [SourceFile], context: AnalysisContext, keepingSettings: Bool) -> (result: AnalysisResult, code: [TelemetryProcess]) {
        // The rules that know literal credentials run whenever any rule does: their findings mark secret spans
        // that every excerpt masks, even when the rules themselves are not selected.
        let isEnabled = { (rule: any SwiftRule) in context.isEnabled(rule.id) }
        let anyEnabled = allSwiftRules.contains(where: isEnabled) || SettingsRules.ruleIDs.contains(where: context.isEnabled)
        guard anyEnabled || keepingSettings, !files.isEmpty else { return (AnalysisResult(), []) }
        let rules = allSwiftRules.filter { isEnabled($0) || $0.findsSecrets }
        let scans = ParallelMap.map(files, SwiftFileScan.init)
        let project = SwiftProjectFacts(scans: scans, files: files, context: context)
        let reExports = SwiftReExports(scans: Array(zip(files.map(\.path), scans)))

        let perFile = ParallelMap.map(Array(files.indices)) { index -> (AnalysisResult, TelemetryProcess?) in
            let file = files[index], imports = scans[index].imports
            let reExported = reExports.modules(forPath: file.path, imports: imports.modules)
            if usesPrefilter && !SwiftPrefilter.mayMatter(imports, reExported: reExported) { return (AnalysisResult(), nil) }
            // A syntax tree takes about 100 times its file's size: a huge file is named, not parsed.
            if SwiftSizeLimit.isTooLarge(file) { return (AnalysisResult(notices: [SwiftSizeLimit.notice(file)]), nil) }
            let tree = SwiftParsing.parse(file)
            // A tree with errors is still checked as far as it goes; the user is told once.
            let problem = SwiftParsing.problem(in: tree, file: file, named: context.explicitPaths.contains(file.path))
            var result = AnalysisResult(inputErrors: problem.error.map { [$0] } ?? [], notices: problem.notice.map { [$0] } ?? [])
            let model = SwiftSourceModel(file: file, tree: tree, extraImports: reExported, project: project)
            guard model.isRelevant else { return (result, nil) }
            let process = TelemetryProcess(code: model)
            let settings = process.map { SettingsRules.check([$0], isEnabled: context.isEnabled) } ?? []
            let diagnostics = rules.filter { !model.isSkipped(by: type(of: $0).skippedCode) }.flatMap { rule in rule.check(model) } + settings
            for diagnostic in diagnostics { for range in diagnostic.maskedRanges { result.secrets.add(range, in: file) } }
            result.diagnostics = diagnostics.filter { context.isEnabled($0.ruleID) }
            // The settings are small values; the tree is released when this closure returns.
            return (result, keepingSettings ? process : nil)
        }
        // Each file's tree is released when its closure returns: only the files being parsed are in memory.
        var result = AnalysisResult()
        for (fileResult, _) in perFile { result.append(fileResult) }
        result.diagnostics.sort(by: Diagnostic.outputOrder)
        return (result, perFile.compactMap(\.1))
    }
}
