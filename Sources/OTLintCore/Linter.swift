#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch

/// What one run found.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var inputErrors: [InputError] = []
    /// Things worth knowing that change no exit code (a skipped symlink loop, an unparseable Swift file).
    public var notices: [Notice] = []
    /// Every secret span of every file, masked or redacted in every output.
    public var secrets = SecretSpans()
    /// Files that were read and handed to an analyzer.
    public var checkedFiles: [String] = []
    /// Findings silenced by inline suppressions.
    public var suppressedCount = 0

    public init() {}
}

/// Runs discovery, the analyzers and the filters (rule selection, per-path ignores, severity overrides,
/// inline suppressions) for one set of paths.
public final class Linter: @unchecked Sendable {
    public let analyzers: [any Analyzer]
    /// Which configuration applies to which file.
    public let configurations: ConfigurationTree
    public let rootDirectory: String
    public let loader: FileLoader
    public var respectGitIgnore = true
    /// Whether `exclude` and the folders every walk skips also apply to files named explicitly (`--force-exclude`):
    /// pre-commit names every staged file, vendored copies included.
    public var forceExclude = false

    public init(analyzers: [any Analyzer], configurations: ConfigurationTree, rootDirectory: String, loader: FileLoader = FileLoader()) {
        self.analyzers = analyzers
        self.configurations = configurations
        self.rootDirectory = rootDirectory
        self.loader = loader
    }

    /// One configuration for every file.
    public convenience init(analyzers: [any Analyzer], configuration: Configuration, rootDirectory: String, loader: FileLoader = FileLoader()) {
        self.init(analyzers: analyzers, configurations: ConfigurationTree(configuration), rootDirectory: rootDirectory, loader: loader)
    }

    /// Every rule ID some analyzer (or the linter itself) can report.
    public var knownRuleIDs: Set<String> {
        Set(analyzers.flatMap(\.ruleIDs)).union([UnusedSuppressionRule.id])
    }

    /// Discovers files under `paths` and checks them.
    public func lint(paths: [String]) -> LintReport {
        let configurations = self.configurations
        let discovery = Discovery(isExcluded: { configurations.configuration(for: $0).isExcluded($0) },
                                  respectGitIgnore: respectGitIgnore)
        // Text given on stdin (`--stdin-filename`) need not exist on disk: it is an explicit file.
        let provided = paths.filter(loader.isProvided)
        let found = discovery.discover(paths.filter { !loader.isProvided($0) }) { path in self.analyzers.contains { $0.claims(path: path) } }
        let files = forceExclude ? found.files.filter { !$0.explicit || !isExcluded(explicitFile: $0.path) } : found.files
        var report = lint(files: provided.map { ($0, true) } + files)
        report.inputErrors = found.errors + report.inputErrors
        report.notices = Notice.sorted(found.notices + report.notices)
        return report
    }

    /// Whether walking a folder would skip this named file: its configuration excludes it, or it lies in a folder
    /// every walk skips (`vendor/`, `node_modules/`).
    private func isExcluded(explicitFile path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.dropLast().contains(where: { Discovery.skippedFolderNames.contains(String($0)) }) { return true }
        let configuration = configurations.configuration(for: path)
        // The file, or a folder above it that a walk would not enter (`third_party`, `generated/**`).
        return components.indices.contains { configuration.isExcluded(components[...$0].joined(separator: "/")) }
    }

    /// Checks a known list of files (explicit files may be claimed under any name).
    public func lint(files: [(path: String, explicit: Bool)]) -> LintReport {
        var report = LintReport()
        let claimed: [(path: String, analyzers: [Int])] = files.compactMap { file in
            let owners = analyzers.indices.filter { index in
                file.explicit ? analyzers[index].claimsExplicitly(path: file.path) : analyzers[index].claims(path: file.path)
            }
            // A file the user named is expected to be checked: say that it was not, and why.
            if owners.isEmpty, file.explicit { report.notices.append(Linter.unreadKindNotice(file.path)) }
            return owners.isEmpty ? nil : (file.path, owners)
        }
        // Each file's configuration is looked up before the analyzers run, so they know every rule some file enables.
        for entry in claimed { _ = configurations.configuration(for: entry.path) }
        report.inputErrors += configurations.errors
        let loaded = loadInParallel(claimed.map(\.path))
        var perAnalyzer = [[SourceFile]](repeating: [], count: analyzers.count)
        var checked: [SourceFile] = []
        for (index, entry) in claimed.enumerated() {
            switch loaded[index] {
            case .success(let file):
                checked.append(file)
                for owner in entry.analyzers { perAnalyzer[owner].append(file) }
            case .failure(let error):
                report.inputErrors.append(error)
            }
        }
        let context = AnalysisContext(loader: loader, configurations: configurations, rootDirectory: rootDirectory,
                                      explicitPaths: Set(files.filter(\.explicit).map(\.path)))
        // One analyzer after the other: each spreads its files over every core, and a parallel loop nested in
        // another runs serially, which left all but one core idle once the quick analyzer was done.
        let results = analyzers.indices.map { index in analyzers[index].analyze(perAnalyzer[index], context: context) }
        var raw: [Diagnostic] = []
        for result in results {
            raw += result.diagnostics
            report.inputErrors += result.inputErrors
            report.notices += result.notices
            report.secrets.merge(result.secrets)
        }
        let unchecked = Set(results.flatMap(\.uncheckedFiles))
        report.checkedFiles = checked.map(\.path).filter { !unchecked.contains($0) }
        // A secret one finding masks is a secret of the file: every other excerpt of it masks it too.
        for diagnostic in raw where !diagnostic.maskedRanges.isEmpty {
            guard case .success(let file) = loader.load(diagnostic.location.path) else { continue }
            for range in diagnostic.maskedRanges { report.secrets.add(range, in: file) }
        }
        report.secrets.seal()
        let filtered = applyFilters(raw, checkedFiles: checked)
        report.diagnostics = filtered.diagnostics.sorted(by: Diagnostic.outputOrder)
        report.suppressedCount = filtered.suppressedCount
        report.inputErrors = Array(Set(report.inputErrors)).sorted { ($0.path, $0.position?.line ?? 0) < ($1.path, $1.position?.line ?? 0) }
        report.notices = Notice.sorted(report.notices)
        return report
    }

    static func unreadKindNotice(_ path: String) -> Notice {
        Notice(path: path, message: "not checked: otlint reads compose files, Kubernetes manifests, collector configurations, env files (`.env`, `*.env`), Dockerfiles and Swift sources, and this is none of them")
    }

    private func loadInParallel(_ paths: [String]) -> [Result<SourceFile, InputError>] {
        ParallelMap.map(paths) { self.loader.load($0) }
    }

    private func applyFilters(_ diagnostics: [Diagnostic], checkedFiles: [SourceFile]) -> (diagnostics: [Diagnostic], suppressedCount: Int) {
        var suppressionsByPath: [String: SuppressionIndex] = [:]
        func suppressions(for path: String) -> SuppressionIndex {
            if let cached = suppressionsByPath[path] { return cached }
            let found = SuppressionIndex((try? loader.load(path).get()).map(SuppressionScanner.scan) ?? [])
            suppressionsByPath[path] = found
            return found
        }
        var used = Set<UsedSuppression>()
        var kept: [Diagnostic] = []
        var suppressedCount = 0
        var seen = Set<Diagnostic>()
        for var diagnostic in diagnostics {
            let configuration = configurations.configuration(for: diagnostic.location.path)
            guard configuration.isEnabled(diagnostic.ruleID) else { continue }
            if configuration.isIgnored(diagnostic.ruleID, path: diagnostic.location.path) { continue }
            if let override = configuration.severityOverrides[diagnostic.ruleID] { diagnostic.severity = override }
            let fileSuppressions = suppressions(for: diagnostic.location.path)
            if let index = fileSuppressions.firstCovering(diagnostic) {
                let suppression = fileSuppressions.suppressions[index]
                let matchedID = suppression.ruleIDs.first { $0 == diagnostic.ruleID } ?? "ALL"
                used.insert(UsedSuppression(path: diagnostic.location.path, index: index, ruleID: matchedID))
                suppressedCount += 1
                continue
            }
            // A diagnostic reached through two scopes (a shared env_file) is reported once.
            if seen.insert(diagnostic).inserted { kept.append(diagnostic) }
        }
        if configurations.enablesAnywhere(UnusedSuppressionRule.id) {
            for file in checkedFiles {
                let path = file.path
                let configuration = configurations.configuration(for: path)
                guard configuration.isEnabled(UnusedSuppressionRule.id) else { continue }
                let fileSuppressions = suppressionsByPath[path]?.suppressions ?? SuppressionScanner.scan(file)
                if fileSuppressions.isEmpty { continue }
                if configuration.isIgnored(UnusedSuppressionRule.id, path: path) { continue }
                for (index, suppression) in fileSuppressions.enumerated() {
                    let usedIDs = Set(suppression.ruleIDs.filter { used.contains(UsedSuppression(path: path, index: index, ruleID: $0)) })
                    if let diagnostic = UnusedSuppressionRule.check(
                        suppression, usedIDs: usedIDs, in: file, knownRuleIDs: knownRuleIDs, isEnabled: configuration.isEnabled
                    ) {
                        kept.append(diagnostic)
                    }
                }
            }
        }
        return (kept, suppressedCount)
    }

    private struct UsedSuppression: Hashable {
        var path: String
        var index: Int
        var ruleID: String
    }
}

/// `DispatchQueue.concurrentPerform` over an array, keeping the order of results.
public enum ParallelMap {
    public static func map<Input, Output>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(inputs: inputs, transform: transform, results: .allocate(capacity: inputs.count))
            box.results.initialize(repeating: nil)
            defer { box.results.deallocate() }
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                // Each iteration writes its own slot only.
                box.results[index] = box.transform(box.inputs[index])
            }
            return box.results.map { $0! }
        }
    }

    private struct UncheckedBox<Input, Output>: @unchecked Sendable {
        let inputs: [Input]
        let transform: (Input) -> Output
        let results: UnsafeMutableBufferPointer<Output?>
    }
}
