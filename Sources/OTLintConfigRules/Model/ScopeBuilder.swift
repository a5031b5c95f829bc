#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Builds environment scopes from parsed compose and env files, reading context files (a compose file's
/// `.env`, `env_file:` entries) through the run's loader, each once.
///
/// The services of each compose file are scoped on their own, the files in parallel (scoping was a serial tenth
/// of the configuration check); what they share is gathered afterwards in file order, so the scopes, notices and
/// input errors come out exactly as one pass over the files gives them.
final class ScopeBuilder {
    private let context: AnalysisContext
    private let envFiles: ParsedFileCache<EnvFile>
    private let dockerfiles: ParsedFileCache<Dockerfile>
    private(set) var inputErrors: [InputError] = []
    /// What was left out without making the run fail (an `env_file` that is not in the checkout).
    private(set) var notices: [Notice] = []

    init(context: AnalysisContext, checkedEnvFiles: [EnvFile], checkedDockerfiles: [Dockerfile] = []) {
        self.context = context
        envFiles = ParsedFileCache(checked: checkedEnvFiles.map { (ScopeBuilder.key($0.source.path), $0) }, parse: EnvFileParser.parse)
        dockerfiles = ParsedFileCache(checked: checkedDockerfiles.map { (ScopeBuilder.key($0.source.path), $0) }) { (DockerfileParser.parse($0), []) }
    }

    static func key(_ path: String) -> String { ConfigPaths.resolve(path, against: ".") }

    /// What scoping one compose file gives, and what it used.
    private struct ComposeScopes {
        var scopes: [EnvironmentScope] = []
        var notices: [Notice] = []
        /// Keys of the env files the file's services use (they are no standalone env files).
        var usedEnvFiles: [String] = []
        /// Keys of the Dockerfiles the file's services build from (they are no standalone Dockerfiles).
        var usedDockerfiles: [String] = []
        /// Keys of the env files it asked for, in order: the input errors of reading one are reported where it is
        /// first asked for.
        var requestedEnvFiles: [String] = []
    }

    /// An env file by path, parsed once; nil when it cannot be read.
    private func envFile(at path: String, for result: inout ComposeScopes) -> EnvFile? {
        let key = ScopeBuilder.key(path)
        result.requestedEnvFiles.append(key)
        return envFiles.file(at: path, key: key, loader: context.loader)
    }

    func build(composeFiles: [ComposeFile], checkedEnvFiles: [EnvFile], checkedDockerfiles: [Dockerfile] = []) -> ConfigProject {
        let perFile = ParallelMap.map(composeFiles) { self.scopes(of: $0) }
        var scopes: [EnvironmentScope] = []
        var usedEnvFiles = Set<String>()
        var usedDockerfiles = Set<String>()
        var requested = Set<String>()
        for result in perFile {
            scopes += result.scopes
            notices += result.notices
            usedEnvFiles.formUnion(result.usedEnvFiles)
            usedDockerfiles.formUnion(result.usedDockerfiles)
            for key in result.requestedEnvFiles where requested.insert(key).inserted {
                inputErrors += envFiles.inputErrors(key)
            }
        }
        for file in checkedEnvFiles {
            let key = ScopeBuilder.key(file.source.path)
            if usedEnvFiles.contains(key) { continue }
            // A `.env` beside a compose file that was not checked is still that project's interpolation source.
            if ConfigPaths.fileName(file.source.path) == ".env" {
                let directory = ConfigPaths.directory(of: file.source.path)
                if ConfigPaths.defaultComposeNames.contains(where: { context.loader.exists(ConfigPaths.resolve($0, against: directory)) }) {
                    continue
                }
            }
            let definitions = definitions(of: file, fallback: nil)
            let isTemplate = ConfigPaths.isTemplate(file.source.path)
            let tier = isTemplate ? TierAssessment(tier: .nonProduction, evidence: TierEvidence(
                description: "`\(ConfigPaths.fileName(file.source.path))` is a template", location: nil))
                : DeploymentTierResolver.assess(definitions: definitions, path: file.source.path,
                                                context: context)
            var scope = EnvironmentScope(kind: .envFile(file), definitions: definitions, tier: tier, isTemplate: isTemplate)
            scope.codeDirectory = ConfigPaths.directory(of: file.source.path)
            scopes.append(scope)
        }
        // A Dockerfile no compose file builds: the environment its image starts with, from its last stage.
        for file in checkedDockerfiles where !usedDockerfiles.contains(ScopeBuilder.key(file.source.path)) {
            let definitions = DockerfileEnvironment.definitions(of: file, target: nil)
            let tier = DeploymentTierResolver.assess(definitions: definitions, path: file.source.path,
                                                     context: context)
            var scope = EnvironmentScope(kind: .dockerfile(file), definitions: definitions, tier: tier, isTemplate: false)
            scope.codeDirectory = ConfigPaths.directory(of: file.source.path)
            scope.imageDockerfile = file
            scope.imageStage = file.stage(target: nil)
            scopes.append(scope)
        }
        return ConfigProject(composeFiles: composeFiles, envFiles: envFiles.files, scopes: scopes)
    }

    /// The scopes of one compose file's services. Reads only shared state that is safe from several threads.
    private func scopes(of compose: ComposeFile) -> ComposeScopes {
        var result = ComposeScopes()
        let dotEnvPath = ConfigPaths.resolve(".env", against: compose.directory)
        result.usedEnvFiles.append(ScopeBuilder.key(dotEnvPath))
        let dotEnv = context.loader.exists(dotEnvPath) ? envFile(at: dotEnvPath, for: &result) : nil
        let projectBindings = dotEnv.map { bindings(of: definitions(of: $0, fallback: nil)) } ?? [:]
        let projectLookup: Interpolator.Lookup = { projectBindings[$0] }
        let dotEnvBytes = dotEnv?.source.bytes.count ?? 0
        // Every `environment:` value of the file copies what it interpolates: one budget for them all.
        let composeBudget = InterpolationBudget(inputBytes: compose.source.bytes.count + dotEnvBytes)
        // An env_file shared by many services of this compose file is interpolated once.
        var envFileDefinitions: [String: [VariableDefinition]] = [:]
        for service in compose.services {
            var definitions: [VariableDefinition] = []
            var missingEnvFiles: [String] = []
            var tierPaths = [compose.source.path]
            for reference in service.envFiles {
                let path = Interpolator(lookup: projectLookup).interpolate(reference.path, file: nil, baseOffset: nil).text
                guard let path else { continue }
                // A path resolves against the file that lists it (a service it `extends` may be in another folder).
                let resolved = ConfigPaths.resolve(path, against: ConfigPaths.directory(of: reference.file.path))
                result.usedEnvFiles.append(ScopeBuilder.key(resolved))
                guard context.loader.exists(resolved) else {
                    // Often generated or kept out of git on purpose (secrets): worth a word, not a failed run.
                    if reference.required {
                        result.notices.append(Notice(
                            path: reference.file.path, position: reference.file.lineColumn(at: reference.range.start),
                            message: "env file `\(path)` of service `\(service.name)` is not in the checkout (resolved to `\(resolved)`): settings it may hold are not judged"))
                    }
                    missingEnvFiles.append(resolved)
                    continue
                }
                tierPaths.append(resolved)
                let key = ScopeBuilder.key(resolved)
                if let cached = envFileDefinitions[key] {
                    definitions += cached
                    continue
                }
                guard let file = envFile(at: resolved, for: &result) else { continue }
                let fileDefinitions = self.definitions(of: file, fallback: projectLookup, fallbackBytes: dotEnvBytes)
                envFileDefinitions[key] = fileDefinitions
                definitions += fileDefinitions
            }
            for entry in service.environment {
                definitions.append(definition(of: entry, in: compose, lookup: projectLookup, budget: composeBudget))
            }
            // The image's `ENV` is the base layer: `env_file:` and `environment:` override it.
            var imageDockerfile: Dockerfile?, imageStage: Int?
            // A build context is context: a Dockerfile missing from it is no error of this run.
            if let build = ComposeBuild(service, in: compose), context.loader.exists(build.dockerfilePath),
               let dockerfile = dockerfiles.file(at: build.dockerfilePath, key: ScopeBuilder.key(build.dockerfilePath), loader: context.loader) {
                result.usedDockerfiles.append(ScopeBuilder.key(build.dockerfilePath))
                definitions = DockerfileEnvironment.definitions(of: dockerfile, target: build.target, buildArguments: build.arguments) + definitions
                imageDockerfile = dockerfile
                imageStage = dockerfile.stage(target: build.target)
            }
            var tier = TierAssessment.unknown
            for path in tierPaths {
                tier = DeploymentTierResolver.assess(definitions: definitions, path: path,
                                                     context: context)
                if tier.tier != .unknown { break }
            }
            var scope = EnvironmentScope(kind: .composeService(compose, service), definitions: definitions, tier: tier,
                                         isTemplate: false)
            scope.isTelemetryBackend = service.image.flatMap { ImageReference($0.text) }.map(TelemetryBackends.isBackend) ?? false
            // Without an image the service is built here or completed by another file of the project.
            scope.isBuiltHere = service.buildContext != nil || service.image == nil
            scope.codeDirectory = service.buildContext.map(\.text).flatMap { context in
                context.containsText("$") || context.containsText("://") ? nil : ConfigPaths.resolve(context, against: compose.directory)
            }
            scope.missingEnvFiles = missingEnvFiles
            scope.imageDockerfile = imageDockerfile
            scope.imageStage = imageStage
            result.scopes.append(scope)
        }
        return result
    }

    private func bindings(of definitions: [VariableDefinition]) -> [String: InterpolationBinding] {
        var result: [String: InterpolationBinding] = [:]
        for definition in definitions {
            result[definition.name] = InterpolationBinding(value: definition.value, site: definition.valueSite)
        }
        return result
    }

    /// The definitions of an env file: values interpolated with earlier lines of the same file, then `fallback`.
    /// `fallbackBytes`: the size of the file `fallback` reads (its values may be copied into this file's).
    func definitions(of file: EnvFile, fallback: Interpolator.Lookup?, fallbackBytes: Int = 0) -> [VariableDefinition] {
        var local: [String: InterpolationBinding] = [:]
        let budget = InterpolationBudget(inputBytes: file.source.bytes.count + fallbackBytes)
        var result: [VariableDefinition] = []
        for entry in file.entries {
            let site = entry.valueRange.map {
                ValueSite(file: file.source, range: $0, editableRange: entry.isVerbatim ? entry.contentRange : nil)
            }
            var value = entry.value
            var interpolation: InterpolatedValue?
            if let raw = entry.value, entry.quoting != .singleQuoted, raw.containsText("$") {
                let lookup: Interpolator.Lookup = { name in local[name] ?? fallback?(name) }
                let result = Interpolator(backslashEscapesDollar: true, budget: budget, lookup: lookup)
                    .interpolate(raw, file: file.source, baseOffset: entry.isVerbatim ? entry.contentRange?.start : nil)
                interpolation = result
                value = result.text
            }
            let definition = VariableDefinition(
                name: entry.key, value: value, source: .envFile, file: file.source, keyRange: entry.keyRange, keyIsExact: true,
                writtenSite: site, interpolation: interpolation, entryRange: entry.statementRange)
            local[entry.key] = InterpolationBinding(value: value, site: definition.valueSite)
            result.append(definition)
        }
        return result
    }

    private func definition(of entry: ComposeEnvironmentEntry, in compose: ComposeFile,
                            lookup: @escaping Interpolator.Lookup, budget: InterpolationBudget) -> VariableDefinition {
        var value = entry.template
        var interpolation: InterpolatedValue?
        if let template = entry.template, template.containsText("$") {
            let result = Interpolator(budget: budget, lookup: lookup).interpolate(template, file: entry.file,
                                                                  baseOffset: entry.valueSite?.editableRange?.start)
            interpolation = result
            value = result.text
        }
        let exact = entry.file.slice(entry.keyRange) == entry.key
        return VariableDefinition(name: entry.key, value: value, source: .composeEnvironment(entry.style), file: entry.file,
                                  keyRange: entry.keyRange, keyIsExact: exact, writtenSite: entry.valueSite,
                                  interpolation: interpolation, entryRange: entry.entryRange, isInherited: entry.isMerged)
    }
}
