/// Everything a reporter prints from: the findings, the input errors, and the run's counts.
public struct ReportContext: Sendable {
    public var report: LintReport
    /// Reads file text for source excerpts and for turning fix edits into line/column positions.
    public var loader: FileLoader
    /// Whether `--unsafe-fixes` was given (the summary counts fixable problems accordingly).
    public var unsafeFixesEnabled: Bool
    /// Lines printed after a fix run ("Fixed 3 problems.") or fix failures.
    public var fixNotes: [String]
    public var toolVersion: String

    /// Every text of the findings is redacted here, once for every format: a message, note or fix that quotes a
    /// value never carries a secret that any rule or reader of its file knows of.
    public init(report: LintReport, loader: FileLoader, unsafeFixesEnabled: Bool = false, fixNotes: [String] = [], toolVersion: String) {
        var report = report
        report.secrets.seal()
        let redactor = report.secrets.makeRedactor()
        report.diagnostics = report.diagnostics.map(redactor.redact)
        report.inputErrors = report.inputErrors.map { InputError(path: $0.path, position: $0.position, message: redactor.redact($0.message)) }
        report.notices = report.notices.map { Notice(path: $0.path, position: $0.position, message: redactor.redact($0.message)) }
        self.report = report
        self.loader = loader
        self.unsafeFixesEnabled = unsafeFixesEnabled
        self.fixNotes = fixNotes
        self.toolVersion = toolVersion
    }

    public var safeFixableCount: Int { report.diagnostics.filter { $0.fix?.applicability == .safe }.count }
    public var unsafeFixableCount: Int { report.diagnostics.filter { $0.fix?.applicability == .unsafe }.count }

    public func count(_ severity: Severity) -> Int { report.diagnostics.filter { $0.severity == severity }.count }

    /// The finding's stable identity, computed over its flagged text with secrets masked (a hash of a short
    /// secret could be reversed by trying candidates).
    public func fingerprint(_ diagnostic: Diagnostic, rootDirectory: String) -> String {
        Fingerprint.of(diagnostic, loader: loader, rootDirectory: rootDirectory, secrets: report.secrets)
    }

    /// Line/column of a fix edit, resolved against the file it edits.
    public func location(of edit: TextEdit) -> SourceLocation? {
        (try? loader.load(edit.path).get())?.location(edit.range)
    }
}

/// Turns a run's results into one output format.
public protocol Reporter {
    func render(_ context: ReportContext) -> String
}

/// The output formats of `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, gitlab

    public func reporter(color: Bool, showsSummary: Bool = true) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, showsSummary: showsSummary)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        case .gitlab: GitLabReporter()
        }
    }
}
