import OTLintCore

/// How a variable definition reached a process.
public enum DefinitionSource: Sendable, Hashable {
    /// A compose service's `environment:` entry.
    case composeEnvironment(EnvironmentStyle)
    /// A line of an env file: the service's `env_file:` or a standalone env file.
    case envFile
    /// An `ENV` instruction of the Dockerfile the image is built from: the base layer of the environment.
    case dockerfile
    /// An entry of a Kubernetes container's `env:` list.
    case kubernetesEnv
    /// A key of a `ConfigMap` a Kubernetes container takes with `envFrom`.
    case kubernetesConfigMap
    /// A field of an OpenTelemetry Operator `Instrumentation` that the Operator turns into a variable
    /// (`spec.exporter.endpoint`, `spec.sampler`, `spec.propagators`).
    case instrumentationField
}

/// One definition of one variable in one scope, with where its name and value are written.
public struct VariableDefinition: Sendable {
    public var name: String
    /// The value the process sees after interpolation; nil when it cannot be known (a variable from the
    /// shell, an undefined `${VAR}`). Rules treat nil as "cannot judge". Empty means unset (spec).
    public var value: String?
    public var source: DefinitionSource
    /// The file where the definition is written (compose file or env file) and the key's range in it.
    public var file: SourceFile
    public var keyRange: ByteRange
    /// Whether `keyRange` is exactly the name (so a rename fix may replace it).
    public var keyIsExact: Bool
    /// Where the value is written in the defining file (nil for a definition without value).
    public var writtenSite: ValueSite?
    /// The interpolation that produced the value, when the written value contains `$`.
    public var interpolation: InterpolatedValue?
    /// The whole definition (line or pair), to insert new entries after it.
    public var entryRange: ByteRange
    /// True when the entry came through a merge key (`<<: *common`): it is written in a shared block, so fixes
    /// must not edit it or insert next to it (that would change every service sharing the block).
    public var isInherited: Bool = false
    /// Which compose file of a merged project variant brings the definition in (its own `environment:` or one of
    /// its `env_file:` entries): 0 for the base file, 1 for the override or environment file merged over it.
    public var composeLayer: Int = 0

    /// Whether the variable is set to a non-empty value (an empty value is the same as unset).
    public var isSet: Bool { value != "" }

    /// Where a finding about the value points: where the value is really written (the `.env` line or the
    /// default text of `${VAR:-...}` when it came from interpolation), else the written value.
    /// Its `editableRange` is set only when the text there is the value itself, so offsets inside the value
    /// map to the file.
    public var valueSite: ValueSite? {
        guard let interpolation else { return writtenSite }
        if let sole = interpolation.soleSite { return sole }
        // Built from several pieces (`${HOST}:4318`): point at the template, never edit inside it.
        return writtenSite.map { ValueSite(file: $0.file, range: $0.range, editableRange: nil) }
    }

    public var keyLocation: SourceLocation { file.location(keyRange) }

    /// The location for a finding about the value (falls back to the key).
    public var valueLocation: SourceLocation { valueSite?.location ?? keyLocation }

    /// Related locations explaining where an interpolated value came from.
    public var valueRelated: [RelatedLocation] {
        guard let interpolation, let site = writtenSite else { return [] }
        if let sole = interpolation.soleSite, sole.file.path != site.file.path || sole.range != site.range {
            let name = interpolation.outermostReference?.name ?? "the variable"
            return [RelatedLocation(location: site.location, message: "`\(self.name)` takes its value from `\(name)` here")]
        }
        return []
    }

    /// Whether a fix may edit the value where it is really written: not when it is written in a block shared by a
    /// merge key (the edit would change every service sharing it), unless interpolation took it from elsewhere.
    public var isEditable: Bool { !isInherited || interpolation?.soleSite != nil }

    /// An edit that replaces the value where it is really written; nil when it cannot be edited exactly.
    public func valueReplacement(_ text: String) -> TextEdit? {
        isEditable ? valueSite?.replacement(text) : nil
    }

    /// A fix-friendly description of the value (`` `always_on` ``), or a note when it is unknown.
    public var displayValue: String { value.map { "`\($0)`" } ?? "an unknown value" }
}

/// Which kind of process a scope describes.
///
/// `indirect`: the compose file and service it holds are a score of references, and scopes are copied often
/// (into the rule pass, the variant index, per service): boxed, a copy is one reference.
public indirect enum ScopeKind: Sendable {
    /// A compose service: its `environment:` and `env_file:` files, interpolated with the project's `.env`.
    case composeService(ComposeFile, ComposeService)
    /// An env file no compose service uses: the environment of whatever process loads it.
    case envFile(EnvFile)
    /// A Dockerfile no compose file builds: the environment its image starts with.
    case dockerfile(Dockerfile)
    /// A container of a Kubernetes workload: its `envFrom` sources and `env:` list.
    case kubernetesContainer(KubernetesProcess)
    /// What an OpenTelemetry Operator `Instrumentation` injects into the pods of one language.
    case operatorInstrumentation(InstrumentationProcess)
}

/// The effective set of environment variables one process sees, with the origin of each value.
///
/// Rules are written once against scopes, so every configuration source (compose services, env files, later
/// Kubernetes containers or Dockerfiles) gets every environment rule.
public struct EnvironmentScope: Sendable {
    public var kind: ScopeKind
    /// Every definition in increasing precedence: `env_file` entries in order (later files and later lines
    /// win), then `environment:` entries. Overridden definitions are kept for conflict rules.
    public let definitions: [VariableDefinition]
    public var tier: TierAssessment
    /// A template (`.env.example`): checked for typos and invalid values, never for production-only rules.
    public var isTemplate: Bool
    /// A telemetry backend or collector (Jaeger, Tempo, grafana/otel-lgtm, a collector): its `OTEL_*` variables
    /// configure forwarding or its own internals, not an application's SDK, so SDK rules leave it alone.
    public var isTelemetryBackend = false
    /// Whether the project builds the process's code (a compose `build:`, or an env file of its own), so its
    /// telemetry settings are the project's to get right; a third-party image may name itself.
    public var isBuiltHere = true
    /// The folder of the code the process runs, when known: a compose `build:` context, the folder of a
    /// standalone env file.
    public var codeDirectory: String?
    /// The Dockerfile the process's image is built from (a compose `build:`, or the standalone Dockerfile itself).
    public var imageDockerfile: Dockerfile?
    /// The stage of `imageDockerfile` the image is (a compose `build.target`, else the last).
    public var imageStage: Int?
    /// `env_file:` entries that do not exist in the checkout (generated, secret, git-ignored): they may set
    /// anything, so rules that judge what is not set stay quiet.
    public var missingEnvFiles: [String] = []
    /// Why settings otlint cannot read reach the process besides `missingEnvFiles` (a Kubernetes `envFrom` Secret, a
    /// ConfigMap not in the files, variables the OpenTelemetry Operator injects); nil when none do.
    public var unreadSettings: String?
    /// Whether part of the process's environment is in a file otlint cannot read. A Dockerfile no compose file
    /// builds holds only the image's defaults: whatever runs the image (a manifest, a `docker run`) adds the rest.
    public var isIncomplete: Bool {
        if case .dockerfile = kind { return true }
        return !missingEnvFiles.isEmpty || unreadSettings != nil
    }
    /// Name → index of its winning definition (rules look variables up constantly).
    private let winner: [String: Int]
    /// The indices of the winning definitions, in increasing order (rules and service facts ask for them per scope).
    private let winnerIndices: [Int]

    public init(kind: ScopeKind, definitions: [VariableDefinition], tier: TierAssessment, isTemplate: Bool) {
        self.kind = kind
        self.definitions = definitions
        self.tier = tier
        self.isTemplate = isTemplate
        var winner: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() { winner[definition.name] = index }
        self.winner = winner
        winnerIndices = winner.values.sorted()
    }

    /// For messages: "service `api`" or "`.env.production`".
    public var displayName: String {
        switch kind {
        case .composeService(_, let service): "service `\(service.name)`"
        case .envFile(let file): "`\(ConfigPaths.fileName(file.source.path))`"
        case .dockerfile(let file): "the image of `\(ConfigPaths.fileName(file.source.path))`"
        case .kubernetesContainer(let process): process.displayName
        case .operatorInstrumentation(let process): process.displayName
        }
    }

    /// The file the scope is defined in (compose file or env file).
    public var primaryFile: SourceFile {
        switch kind {
        case .composeService(let compose, _): compose.source
        case .envFile(let file): file.source
        case .dockerfile(let file): file.source
        case .kubernetesContainer(let process): process.source
        case .operatorInstrumentation(let process): process.instrumentation.source
        }
    }

    /// The winning definition of a variable, or nil when it is not defined at all. It may still be empty
    /// (unset) or unknown: check `isSet` and `value`.
    public func definition(_ name: String) -> VariableDefinition? {
        winner[name].map { definitions[$0] }
    }

    /// The winning definition when it sets a non-empty (or unknown) value.
    public func setting(_ name: String) -> VariableDefinition? {
        guard let definition = definition(name), definition.isSet else { return nil }
        return definition
    }

    /// All definitions of a variable, lowest precedence first. A search through every definition: a rule that
    /// needs this for every name groups the definitions itself.
    public func allDefinitions(_ name: String) -> [VariableDefinition] {
        definitions.filter { $0.name == name }
    }

    /// The winning definition of every variable, in precedence order.
    public var effectiveDefinitions: [VariableDefinition] {
        winnerIndices.map { definitions[$0] }
    }

    /// Where to report a finding about the scope as a whole: the service name, or the first variable of the file.
    public var anchorLocation: SourceLocation {
        switch kind {
        case .composeService(let compose, let service): compose.source.location(service.nameRange)
        case .envFile(let file):
            file.source.location(file.entries.first?.keyRange ?? ByteRange(0, 0))
        case .dockerfile(let file):
            file.source.location(definitions.first?.keyRange ?? file.stages.last?.fromRange ?? ByteRange(0, 0))
        case .kubernetesContainer(let process):
            process.source.location(process.container.nameRange)
        case .operatorInstrumentation(let process):
            process.instrumentation.source.location(process.instrumentation.nameRange ?? process.instrumentation.kindRange)
        }
    }
}
