/// Applies fixes until none are left: lint, apply the non-overlapping fixes, lint again (a fix may make
/// another applicable, or a deferred one may no longer overlap). Each file's new text is validated by the
/// analyzers that read it before it is written; a fix that would break a file is not applied and reported.
public struct FixSession {
    public struct Outcome: Sendable {
        /// The report after the last round: what is left.
        public var report: LintReport
        /// path → (original text, fixed text) for every file a fix changed.
        public var changedFiles: [String: (original: String, fixed: String)] = [:]
        /// Diagnostics whose fix was applied.
        public var fixed: [Diagnostic] = []
        /// Fixes not applied, with the reason (invalid result, write failure).
        public var rejected: [(diagnostic: Diagnostic, reason: String)] = []
        /// Files a fix could not be written to (read-only, a full disk): one error per file; the run goes on.
        public var writeErrors: [InputError] = []
        /// The secret spans of the files as they were before any fix (the report's are of the fixed text).
        public var originalSecrets = SecretSpans()
    }

    public let linter: Linter
    public let includeUnsafe: Bool
    /// When false (`--diff`), fixed text is kept in memory and nothing is written.
    public let write: Bool
    public static let maximumRounds = 10

    public init(linter: Linter, includeUnsafe: Bool, write: Bool) {
        self.linter = linter
        self.includeUnsafe = includeUnsafe
        self.write = write
    }

    public func run(paths: [String]) -> Outcome {
        var report = linter.lint(paths: paths)
        var outcome = Outcome(report: report, originalSecrets: report.secrets)
        var rejectedPaths = Set<String>()
        // Every text each file has had in this session: fixes that would bring one back undo each other, and
        // applying them would flip the file between the two forever.
        var earlierTexts: [String: Set<[UInt8]>] = [:]
        for _ in 0..<FixSession.maximumRounds {
            let candidates = report.diagnostics.filter { diagnostic in
                !(diagnostic.fix?.edits.contains { rejectedPaths.contains($0.path) } ?? false)
            }
            let plan = Fixer.plan(candidates, includeUnsafe: includeUnsafe)
            if plan.isEmpty { break }
            var appliedPaths = Set<String>()
            for (path, edits) in plan.editsByPath.sorted(by: { $0.key < $1.key }) {
                guard let file = try? linter.loader.load(path).get() else { continue }
                let fixedBytes = Fixer.apply(edits, to: file.bytes)
                let fixedFile = SourceFile(path: path, bytes: fixedBytes)
                let affected = plan.fixed.filter { $0.fix!.edits.contains { $0.path == path } }
                earlierTexts[path, default: [file.bytes]].insert(file.bytes)
                if earlierTexts[path]!.contains(fixedBytes) {
                    rejectedPaths.insert(path)
                    outcome.rejected += affected.map { ($0, "this fix would undo another fix of the same file; not applied") }
                    continue
                }
                if let problem = linter.analyzers.lazy.filter({ $0.claims(path: path) || $0.claimsExplicitly(path: path) })
                    .compactMap({ $0.validateFixedText(fixedFile) }).first {
                    rejectedPaths.insert(path)
                    outcome.rejected += affected.map { ($0, "the fixed file would be invalid (\(problem)); not applied") }
                    continue
                }
                if write {
                    do {
                        try AtomicWriter.write(fixedBytes, to: path)
                    } catch {
                        rejectedPaths.insert(path)
                        outcome.writeErrors.append(error.inputError)
                        continue
                    }
                }
                let original = outcome.changedFiles[path]?.original ?? file.text
                outcome.changedFiles[path] = (original, fixedFile.text)
                linter.loader.provide(path: path, text: fixedFile.text)
                appliedPaths.insert(path)
            }
            outcome.fixed += plan.fixed.filter { diagnostic in diagnostic.fix!.edits.allSatisfy { appliedPaths.contains($0.path) } }
            if appliedPaths.isEmpty { break }
            report = linter.lint(paths: paths)
        }
        outcome.report = report
        return outcome
    }
}
