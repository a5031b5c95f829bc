/// A family of rules over one kind of input (configuration files, Swift sources).
///
/// The linter hands each analyzer the files it claims; the analyzer parses each file once, builds whatever
/// cross-file model it needs, runs its rules and returns their diagnostics. Analyzers never print or exit.
public protocol Analyzer: Sendable {
    /// The rule IDs this analyzer can report.
    var ruleIDs: [String] { get }

    /// Whether this analyzer checks a file found by discovery or named on the command line. Called for every
    /// candidate, so it decides from the path alone.
    func claims(path: String) -> Bool

    /// Whether this analyzer checks a file the user named explicitly (e.g. `deploy/stack.yml` may be a compose
    /// file under any name). Defaults to `claims(path:)`.
    func claimsExplicitly(path: String) -> Bool

    /// Why text produced by a fix is not valid for this file kind (e.g. invalid YAML), or nil when it is.
    func validateFixedText(_ file: SourceFile) -> String?

    /// Checks the claimed files of one run.
    func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult
}

extension Analyzer {
    public func claimsExplicitly(path: String) -> Bool { claims(path: path) }
    public func validateFixedText(_ file: SourceFile) -> String? { nil }
}

/// What an analyzer returns: findings, inputs it could not read or parse, notices, and every secret span its
/// readers and rules know of (masked in every output, whichever finding prints the line).
public struct AnalysisResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var inputErrors: [InputError]
    public var notices: [Notice]
    public var secrets: SecretSpans
    /// Files the analyzer was handed but found not to be of its kind (a Kubernetes manifest named on the command
    /// line, which looked like a compose file by its extension): not counted as checked. Each has a notice.
    public var uncheckedFiles: [String]

    public init(diagnostics: [Diagnostic] = [], inputErrors: [InputError] = [], notices: [Notice] = [], secrets: SecretSpans = SecretSpans(),
                uncheckedFiles: [String] = []) {
        self.diagnostics = diagnostics
        self.inputErrors = inputErrors
        self.notices = notices
        self.secrets = secrets
        self.uncheckedFiles = uncheckedFiles
    }

    public mutating func append(_ other: AnalysisResult) {
        diagnostics += other.diagnostics
        inputErrors += other.inputErrors
        notices += other.notices
        secrets.merge(other.secrets)
        uncheckedFiles += other.uncheckedFiles
    }
}

/// What an analyzer may consult while it works.
public struct AnalysisContext: Sendable {
    /// Reads files that give context but were not checked themselves (a compose file's `.env`, an
    /// `env_file`, a service's `Package.swift`); each file is read once per run.
    public var loader: FileLoader
    /// Which configuration applies to which file (`.otlint.yml` files nearest to each).
    public var configurations: ConfigurationTree
    /// The project root (where the `.otlint.yml` nearest the working directory lives, or the working directory).
    public var rootDirectory: String
    /// Files the user named on the command line (rather than found by walking a folder): a problem that is only
    /// worth a notice in a walked tree can be an input error for a file the user asked for.
    public var explicitPaths: Set<String>

    public init(loader: FileLoader, configurations: ConfigurationTree, rootDirectory: String, explicitPaths: Set<String> = []) {
        self.loader = loader
        self.configurations = configurations
        self.rootDirectory = rootDirectory
        self.explicitPaths = explicitPaths
    }

    /// One configuration for every file.
    public init(loader: FileLoader, configuration: Configuration, rootDirectory: String, explicitPaths: Set<String> = []) {
        self.init(loader: loader, configurations: ConfigurationTree(configuration), rootDirectory: rootDirectory, explicitPaths: explicitPaths)
    }

    /// The configuration that applies to the file at `path`.
    public func configuration(for path: String) -> Configuration {
        configurations.configuration(for: path)
    }

    /// Whether a rule runs at all (for some file), so analyzers can skip work for rules nobody asked for.
    public func isEnabled(_ ruleID: String) -> Bool {
        configurations.enablesAnywhere(ruleID)
    }
}
