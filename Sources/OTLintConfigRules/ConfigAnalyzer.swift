import Foundation
import Dispatch
import OTLintCore

/// Checks compose files and env files: parses them (in parallel), builds one environment scope per compose
/// service and per standalone env file, and runs the enabled scope rules.
public struct ConfigAnalyzer: Analyzer {
    /// The rules, in catalog order. Add a new scope rule here.
    static let rules: [any ScopeRule] = [
        UnknownVariableRule(), InvalidValueRule(),
        EndpointProtocolMismatchRule(), SignalPathInEndpointRule(), MissingServiceNameRule(),
        UnreachableEndpointHostRule(), DuplicateServiceNameRule(), PropagatorMismatchRule(), JaegerOTLPSettingRule(),
        ConflictingDefinitionsRule(), SDKDisabledRule(),
        DeprecatedJaegerExporterRule(), InvalidPropagatorsRule(), InsecureRemoteExportRule(), SecretInExporterHeadersRule(),
        MalformedResourceAttributesRule(), NonStandardResourceKeyRule(), ConflictingServiceNameRule(),
        DeprecatedResourceKeyRule(), SensitiveHeaderCaptureRule(),
        IgnoredBySDKRule(), UnsupportedBySDKRule(),
    ]

    /// The rule IDs this analyzer reports: its scope rules and the settings rules, which judge every scope.
    public static let ruleIDs: [String] = rules.map(\.id) + SettingsRules.ruleIDs

    public var ruleIDs: [String] { ConfigAnalyzer.ruleIDs }

    public init() {}

    public func claims(path: String) -> Bool {
        ConfigPaths.kind(of: path) != nil
    }

    public func claimsExplicitly(path: String) -> Bool {
        ConfigPaths.kind(ofExplicitFile: path) != nil
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        let (project, inputErrors, skipped) = ConfigAnalyzer.buildProject(files, context: context)
        let rules = ConfigAnalyzer.rules.filter { context.isEnabled($0.id) }
        let scopes = project.ruleScopes
        let results = ParallelMap.map(scopes) { scope in
            rules.filter { !scope.isTelemetryBackend || $0.judgesTelemetryBackends }.flatMap { $0.check(scope, project: project) }
                + SettingsRules.check([TelemetryProcess(environment: scope, project: project)], isEnabled: context.isEnabled)
        }
        // A file shared by several scopes (an env_file used by two services) yields the same finding once per
        // scope: keep the first.
        var seen = Set<DiagnosticKey>()
        let diagnostics = results.flatMap { $0 }.filter {
            seen.insert(DiagnosticKey(ruleID: $0.ruleID, path: $0.location.path, range: $0.location.range)).inserted
        }
        return AnalysisResult(diagnostics: diagnostics, inputErrors: inputErrors, notices: skipped + project.notices,
                              secrets: ConfigSecrets.collect(project), uncheckedFiles: skipped.map(\.path))
    }

    /// Parses the claimed files and builds the project model (exposed for later cross-file rules and tests), with the
    /// input errors and a notice for each file that turned out not to be a configuration file (not checked).
    public static func buildProject(_ files: [SourceFile], context: AnalysisContext) -> (ConfigProject, [InputError], [Notice]) {
        enum Parsed { case compose(ComposeFile?, [InputError]), env(EnvFile, [InputError]), skipped(Notice), none }
        let parsed = ParallelMap.map(files) { file -> Parsed in
            // A file reaches the analyzer by its name or because it was named on the command line.
            switch ConfigPaths.kind(ofExplicitFile: file.path) {
            case .compose:
                let read = ComposeParser.read(file)
                if let reason = read.notCompose { return .skipped(Notice(path: file.path, message: reason)) }
                return .compose(read.file, read.errors)
            case .env: let (env, errors) = EnvFileParser.parse(file); return .env(env, errors)
            case nil: return .none
            }
        }
        var composeFiles: [ComposeFile] = []
        var envFiles: [EnvFile] = []
        var errors: [InputError] = []
        var skipped: [Notice] = []
        for result in parsed {
            switch result {
            case .compose(let compose, let fileErrors): composeFiles += compose.map { [$0] } ?? []; errors += fileErrors
            case .env(let env, let fileErrors): envFiles.append(env); errors += fileErrors
            case .skipped(let notice): skipped.append(notice)
            case .none: break
            }
        }
        var extends = ComposeExtends(loader: context.loader, checked: composeFiles)
        composeFiles = composeFiles.map { extends.resolve($0) }
        errors += extends.inputErrors
        let builder = ScopeBuilder(context: context, checkedEnvFiles: envFiles)
        var project = builder.build(composeFiles: composeFiles, checkedEnvFiles: envFiles)
        project.notices = builder.notices
        project.collectorSampling = CollectorSampling.discover(composeFiles: composeFiles, loader: context.loader)
        let configuration = context.configuration, root = context.rootDirectory
        project.composeVariantIndex = ComposeProjectVariant.index(project) { definitions, path in
            DeploymentTierResolver.assess(definitions: definitions, path: path, configuration: configuration, rootDirectory: root)
        }
        project.swiftSDKs = SwiftSDKDetection.detect(composeFiles: composeFiles, loader: context.loader)
        project.serviceRuntimes = ServiceRuntimeDetection.detect(composeFiles: composeFiles, loader: context.loader)
        return (project, errors + builder.inputErrors, skipped)
    }
}

private struct DiagnosticKey: Hashable {
    var ruleID: String
    var path: String
    var range: ByteRange
}

