#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import OTLintCore
import OTLintYAML

/// Checks compose files and env files: parses them (in parallel), builds one environment scope per compose
/// service and per standalone env file, and runs the enabled scope rules.
public struct ConfigAnalyzer: Analyzer {
    /// The rules over whole environment scopes, sorted by ID (RuleRegistryTests checks the order). Settings rules
    /// (`SettingsRules.all`) are the other part of the checks on these files.
    static let rules: [any ScopeRule] = [
        UnknownVariableRule(),
        InvalidValueRule(),
        SDKDisabledRule(),
        ConflictingDefinitionsRule(),
        IgnoredBySDKRule(),
        UnsupportedBySDKRule(),
        UnreachableEndpointHostRule(),
        JaegerOTLPSettingRule(),
        MalformedResourceAttributesRule(),
        DuplicateServiceNameRule(),
        InvalidPropagatorsRule(),
        PropagatorMismatchRule(),
        WorkerProcessesRule(),
        AgentNotLoadedRule(),
        KubernetesEnvReferenceRule(),
        InstrumentationAnnotationRule(),
        SDKConfigFileRule(),
        IgnoredByConfigFileRule(),
    ]

    /// The IDs of the scope rules, in registry order.
    public static let scopeRuleIDs: [String] = rules.map(\.id)

    /// The rule IDs this analyzer reports: its scope rules and the settings rules, which judge every scope.
    public static let ruleIDs: [String] = scopeRuleIDs + SettingsRules.ruleIDs + CollectorRules.ruleIDs

    public var ruleIDs: [String] { ConfigAnalyzer.ruleIDs }

    public init() {}

    public func claims(path: String) -> Bool {
        ConfigPaths.kind(of: path) != nil
    }

    public func claimsExplicitly(path: String) -> Bool {
        ConfigPaths.kind(ofExplicitFile: path) != nil
    }

    public func analyze(_ files: [SourceFile], context: AnalysisContext) -> AnalysisResult {
        analyze(files, context: context, code: [])
    }

    /// Checks the files knowing the settings the project's code writes (read by the Swift reader in the same run):
    /// a compose service built from that code runs them, so findings about the service can name them.
    public func analyze(_ files: [SourceFile], context: AnalysisContext, code: [TelemetryProcess]) -> AnalysisResult {
        var (project, inputErrors, skipped, notRead) = ConfigAnalyzer.buildProject(files, context: context)
        project.code = code
        let rules = ConfigAnalyzer.rules.filter { context.isEnabled($0.id) }
        let scopes = project.ruleScopes
        var results = ParallelMap.map(scopes) { scope in
            rules.filter { !scope.isTelemetryBackend || $0.judgesTelemetryBackends }.flatMap { $0.check(scope, project: project) }
                + SettingsRules.check([TelemetryProcess(environment: scope, in: project)], isEnabled: context.isEnabled)
        }
        results.append(CollectorRules.check(project.collectors, project: project, isEnabled: context.isEnabled) { collector in
            // The concepts a collector shares with applications: its exporters' endpoints (OTL206 from the compose
            // project around it), headers, Jaeger export and sampling.
            let process = CollectorSettings.process(collector)
            return SettingsRules.check([process], isEnabled: context.isEnabled)
                + (context.isEnabled(UnreachableEndpointHostRule.id) ? UnreachableEndpointHostRule().check(process.endpoints, of: collector, project: project) : [])
        })
        if context.isEnabled(SDKConfigFileRule.id) { results.append(SDKConfigFileRule.check(project)) }
        // The concepts an SDK configuration file shares with the environment: its exporters' endpoints and its sampler.
        var readers: [String: [EnvironmentScope]] = [:]
        if !project.sdkConfigFiles.isEmpty {
            for scope in scopes { if let path = SDKConfigUse.of(scope)?.path { readers[StandardPath.of(path), default: []].append(scope) } }
        }
        for key in project.sdkConfigFiles.keys.sorted() {
            guard let file = project.sdkConfigFiles[key] else { continue }
            let readers = readers[key] ?? []
            let process = SDKConfigSettings.process(file, tier: SDKConfigSettings.tier(of: file, readers: readers, context: context))
            results.append(SettingsRules.check([process], isEnabled: context.isEnabled))
        }
        // A file shared by several scopes (an env_file used by two services) yields the same finding once per
        // scope: keep the first.
        var seen = Set<DiagnosticKey>()
        let found = results.flatMap { $0 }.filter {
            seen.insert(DiagnosticKey(ruleID: $0.ruleID, path: $0.location.path, range: $0.location.range)).inserted
        }
        // Settings rules that find secrets run even when not selected: what they mask is masked in every excerpt.
        var secrets = ConfigSecrets.collect(project)
        // Collector configurations a compose file mounts are read through the loader: their secrets are masked too.
        let filesByPath = Dictionary((files + project.collectors.map(\.config.file)).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for diagnostic in found {
            guard let file = filesByPath[diagnostic.location.path] else { continue }
            for range in diagnostic.maskedRanges { secrets.add(range, in: file) }
        }
        return AnalysisResult(diagnostics: found.filter { context.isEnabled($0.ruleID) }, inputErrors: inputErrors,
                              notices: skipped + project.notices, secrets: secrets, uncheckedFiles: skipped.map(\.path) + notRead)
    }

    /// Parses the claimed files and builds the project model (exposed for later cross-file rules and tests), with the
    /// input errors and a notice for each file that turned out not to be a configuration file (not checked).
    /// The last element lists the files found by walking a folder that turned out to be no input (not counted as checked).
    public static func buildProject(_ files: [SourceFile], context: AnalysisContext) -> (ConfigProject, [InputError], [Notice], [String]) {
        enum Parsed {
            case compose(ComposeFile?, [InputError]), env(EnvFile, [InputError]), collector(CollectorConfig?, [InputError]), dockerfile(Dockerfile)
            case kubernetes(KubernetesManifest, [InputError])
            case sdkConfig(SDKConfigFile?, [InputError])
            case skipped(Notice), none
            /// A YAML file found by walking a folder that is no input of otlint's: not counted as checked.
            case notRead(String)
            /// A template found by walking a folder: not checked, with one notice for all of them.
            case template(String)
        }
        let parsed = ParallelMap.map(files) { file -> Parsed in
            // A file reaches the analyzer by its name or because it was named on the command line.
            let kind = ConfigPaths.kind(ofExplicitFile: file.path)
            let isExplicit = context.explicitPaths.contains(file.path)
            switch kind {
            case .compose, .kubernetes:
                // Any YAML file found by walking a folder is a Kubernetes manifest or nothing, and most are nothing:
                // decided from its bytes before parsing it.
                if kind == .kubernetes && !isExplicit {
                    let mayBeManifest = KubernetesManifestReader.mayMatter(file)
                    guard mayBeManifest || SDKConfigFile.mayBeOne(file) else { return .notRead(file.path) }
                    if ConfigAnalyzer.isTemplate(file) { return .template(file.path) }
                    let documents: [YAMLDocument]
                    do throws(YAMLError) { documents = try YAMLParser.parse(file) } catch { return .compose(nil, [error.inputError(path: file.path)]) }
                    guard let root = documents.compactMap(\.root).first(where: { !$0.isNull }) else { return .notRead(file.path) }
                    switch YAMLInputKind.of(root) {
                    case .kubernetes where mayBeManifest:
                        let (manifest, errors) = KubernetesManifestReader.read(file, documents: documents)
                        return .kubernetes(manifest, errors)
                    case .sdkConfiguration where root["file_format"] != nil:
                        let (config, errors) = SDKConfigFile.read(file, documents: documents)
                        return .sdkConfig(config, errors)
                    default:
                        return .notRead(file.path)
                    }
                }
                let read = ComposeParser.read(file)
                if let notice = ConfigAnalyzer.templateNotice(file, errors: read.errors) { return .skipped(notice) }
                if let manifest = read.kubernetes { return .kubernetes(manifest.manifest, manifest.errors) }
                if let config = read.sdkConfig { return .sdkConfig(config.file, config.errors) }
                if let collector = read.collector { return .collector(collector.config, collector.errors) }
                if let reason = read.notCompose { return .skipped(Notice(path: file.path, message: reason)) }
                return .compose(read.file, read.errors)
            case .collector:
                let (config, errors, notice, manifest) = ConfigAnalyzer.collectorByName(file)
                if let manifest { return .kubernetes(manifest.manifest, manifest.errors) }
                if let notice = notice ?? ConfigAnalyzer.templateNotice(file, errors: errors) { return .skipped(notice) }
                return .collector(config, errors)
            case .env: let (env, errors) = EnvFileParser.parse(file); return .env(env, errors)
            case .dockerfile: return .dockerfile(DockerfileParser.parse(file))
            case nil: return .none
            }
        }
        var composeFiles: [ComposeFile] = []
        var envFiles: [EnvFile] = []
        var errors: [InputError] = []
        var skipped: [Notice] = []
        var collectorConfigs: [CollectorConfig] = []
        var dockerfiles: [Dockerfile] = []
        var manifests: [KubernetesManifest] = []
        var sdkConfigs: [SDKConfigFile] = []
        var notRead: [String] = []
        var templates: [String] = []
        for result in parsed {
            switch result {
            case .kubernetes(let manifest, let fileErrors): manifests.append(manifest); errors += fileErrors
            case .sdkConfig(let config, let fileErrors): sdkConfigs += config.map { [$0] } ?? []; errors += fileErrors
            case .notRead(let path): notRead.append(path)
            case .template(let path): templates.append(path)
            case .dockerfile(let file): dockerfiles.append(file)
            case .collector(let config, let fileErrors): collectorConfigs += config.map { [$0] } ?? []; errors += fileErrors
            case .compose(let compose, let fileErrors): composeFiles += compose.map { [$0] } ?? []; errors += fileErrors
            case .env(let env, let fileErrors): envFiles.append(env); errors += fileErrors
            case .skipped(let notice): skipped.append(notice)
            case .none: break
            }
        }
        var extends = ComposeExtends(loader: context.loader, checked: composeFiles)
        composeFiles = composeFiles.map { extends.resolve($0) }
        errors += extends.inputErrors
        let builder = ScopeBuilder(context: context, checkedEnvFiles: envFiles, checkedDockerfiles: dockerfiles)
        var project = builder.build(composeFiles: composeFiles, checkedEnvFiles: envFiles, checkedDockerfiles: dockerfiles)
        project.rootDirectory = context.rootDirectory
        project.instrumentations = InstrumentationIndex(manifests.flatMap(\.instrumentations))
        project.scopes += KubernetesScopes.scopes(of: manifests, context: context)
            + InstrumentationScopes.scopes(of: project.instrumentations, workloads: manifests.flatMap(\.workloads), context: context)
        let configs = SDKConfigUse.files(for: project.scopes, checked: sdkConfigs, loader: context.loader)
        project.sdkConfigFiles = configs.files
        errors += configs.errors
        project.notices = builder.notices
        if let first = templates.first {
            skipped.append(Notice(path: first, message: templates.count == 1
                ? "a template (`{{ … }}` as in a Helm chart, or `%{ … }` as in Terraform) that is YAML only once rendered: not checked"
                : "\(templates.count) templates (`{{ … }}` as in Helm charts, or `%{ … }` as in Terraform) that are YAML only once rendered: not checked (this is the first)"))
        }
        project.composeVariantIndex = ComposeProjectVariant.index(project) { definitions, path in
            DeploymentTierResolver.assess(definitions: definitions, path: path, context: context)
        }
        let collectors = CollectorDiscovery.instances(checked: collectorConfigs, project: project, context: context)
        project.collectors = collectors.instances
        project.prometheusScrapes = collectors.scrapes
        errors += collectors.inputErrors
        project.collectorSampling = CollectorSampling(collectors.instances)
        project.swiftSDKs = SwiftSDKDetection.detect(composeFiles: composeFiles, loader: context.loader)
        project.serviceRuntimes = ServiceRuntimeDetection.detect(composeFiles: composeFiles, scopes: project.scopes, loader: context.loader)
        return (project, errors + builder.inputErrors, skipped, notRead + templates)
    }
}

extension ConfigAnalyzer {
    /// A YAML file that is not YAML until a tool renders it (a Helm chart's `templates/`, a Go or Jinja template with
    /// `{{ … }}`): not checked, with a notice, rather than an input error that fails the run.
    static func templateNotice(_ file: SourceFile, errors: [InputError]) -> Notice? {
        guard let error = errors.first(where: { $0.message.hasPrefix("invalid YAML") }), isTemplate(file) else { return nil }
        return Notice(path: file.path, position: error.position,
                      message: "a template (`{{ … }}` as in a Helm chart, or `%{ … }` as in Terraform) that is YAML only once rendered: not checked")
    }

    /// A Helm chart's template (or any Go or Jinja template): its bytes hold `{{` and `}}`; or a Terraform
    /// `templatefile` with `%{ if … }` directives.
    static func isTemplate(_ file: SourceFile) -> Bool {
        (ByteSearch.contains(Array("{{".utf8), in: file.bytes) && ByteSearch.contains(Array("}}".utf8), in: file.bytes))
            || ByteSearch.contains(Array("%{".utf8), in: file.bytes)
    }

    /// A file named like a collector configuration: read as one when its top level is one; anything else (a
    /// Kubernetes manifest for the collector, Helm values) is not checked, with a notice.
    static func collectorByName(_ file: SourceFile) -> (CollectorConfig?, [InputError], Notice?, (manifest: KubernetesManifest, errors: [InputError])?) {
        let documents: [YAMLDocument]
        do { documents = try YAMLParser.parse(file) } catch { return (nil, [error.inputError(path: file.path)], nil, nil) }
        guard let root = documents.compactMap(\.root).first(where: { !$0.isNull }) else { return (nil, [], nil, nil) }
        let kind = YAMLInputKind.of(root)
        if kind == .kubernetes { return (nil, [], nil, KubernetesManifestReader.read(file, documents: documents)) }
        guard kind == .collector else {
            let reason = kind == .compose ? "not checked: named like a collector configuration, but its top level is no collector configuration (`receivers`, `exporters`, `service`)"
                : kind.notCheckedReason ?? "not checked"
            return (nil, [], Notice(path: file.path, message: reason), nil)
        }
        let read = CollectorConfigReader.read(file, documents: documents)
        return (read.config, read.errors, nil, nil)
    }
}

private struct DiagnosticKey: Hashable {
    var ruleID: String
    var path: String
    var range: ByteRange
}

