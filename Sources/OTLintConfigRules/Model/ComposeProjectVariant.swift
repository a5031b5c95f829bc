import OTLintCore
import OTLintYAML

/// One service as Compose sees it after merging the files of a project variant: the same service name in
/// `compose.yaml` and `compose.override.yaml` (or a base file and `docker-compose.prod.yml`) is one service.
public struct MergedComposeService: Sendable {
    public var name: String
    /// Every definition of the service, in merge order (base file first).
    public var layers: [(file: ComposeFile, service: ComposeService)]
    /// The merged environment: `env_file` entries of every layer in order, then `environment:` entries of
    /// every layer in order (a later file wins per variable), each definition keeping the file it is written in.
    public var scope: EnvironmentScope {
        didSet { facts = ServiceFacts(self) }
    }
    /// Facts rules compare across services, computed once per run.
    private(set) var facts: ServiceFacts

    init(name: String, layers: [(file: ComposeFile, service: ComposeService)], scope: EnvironmentScope) {
        self.name = name
        self.layers = layers
        self.scope = scope
        facts = ServiceFacts(name: name, layers: layers, scope: scope)
    }

    /// The last layer, where a finding about the service as a whole points (the file that completes it).
    public var primary: (file: ComposeFile, service: ComposeService) { layers[layers.count - 1] }

    /// Scalar fields: the last file that sets them wins.
    public var image: ComposeScalar? { layers.lazy.reversed().compactMap(\.service.image).first }
    public var networkMode: ComposeScalar? { layers.lazy.reversed().compactMap(\.service.networkMode).first }
    public var containerName: ComposeScalar? { layers.lazy.reversed().compactMap(\.service.containerName).first }
    public var hostname: ComposeScalar? { layers.lazy.reversed().compactMap(\.service.hostname).first }
    public var buildContext: ComposeScalar? { layers.lazy.reversed().compactMap(\.service.buildContext).first }
    /// Lists merge by appending.
    public var networkAliases: [ComposeScalar] { layers.flatMap(\.service.networkAliases) }
    public var dependsOn: [String] { layers.flatMap { $0.service.dependsOn.map(\.text) } }
    public var ports: [ComposeScalar] { layers.flatMap(\.service.ports) }

    /// A raw field of the service, from the last layer that has it (for fields the compose model does not keep).
    public func field(_ key: String) -> (file: ComposeFile, node: YAMLNode)? {
        for layer in layers.reversed() {
            if let node = layer.service.node[key], !node.isNull { return (layer.file, node) }
        }
        return nil
    }

    /// Every value of a list field over all layers (`extra_hosts`, `links`, `volumes`).
    public func listField(_ key: String) -> [(file: ComposeFile, node: YAMLNode)] {
        layers.flatMap { layer in (layer.service.node[key]?.sequence ?? []).map { (layer.file, $0) } }
    }

    /// The host names this service's `extra_hosts` map, in lower case: `["name:ip"]`, `["name=ip"]` or
    /// `{name: ip}` (`localhost:host-gateway` sends the container's `localhost` traffic to the Docker host).
    public var extraHostNames: Set<String> {
        var names = Set<String>()
        for (_, node) in listField("extra_hosts") {
            // The name comes first; an IPv6 address after it holds colons of its own.
            if let text = node.scalar, let name = text.split(whereSeparator: { $0 == ":" || $0 == "=" }).first {
                names.insert(String(name).lowercased())
            }
        }
        for pair in field("extra_hosts")?.node.mergedPairs ?? [] {
            if let name = pair.key.scalar { names.insert(name.lowercased()) }
        }
        return names
    }

    /// Every name other containers of the project reach this service by: its service name, network aliases,
    /// `container_name`, `hostname`.
    public var reachableNames: Set<String> { facts.reachableNames }

    static func reachableNames(name: String, layers: [(file: ComposeFile, service: ComposeService)]) -> Set<String> {
        var names: Set<String> = [name]
        let networkAliases = layers.flatMap(\.service.networkAliases)
        let containerName = layers.lazy.reversed().compactMap(\.service.containerName).first
        let hostname = layers.lazy.reversed().compactMap(\.service.hostname).first
        for alias in networkAliases { names.insert(alias.text) }
        if let containerName { names.insert(containerName.text) }
        if let hostname { names.insert(hostname.text) }
        return names
    }
}

/// What rules ask about every other service of a project, computed once when the project is indexed.
struct ServiceFacts: Sendable {
    var reachableNames: Set<String>
    var image: ImageReference?
    var receivesOTLP: Bool
    var isBackend: Bool
    var configuresTelemetry: Bool
    /// The service name it reports (OTL305 compares it with every other service of the variant).
    var reportedName: (name: String, definition: VariableDefinition)?
    /// Its propagators (OTL604 compares them with every other service of the variant).
    var propagation: PropagatorMismatchRule.Propagation?

    init(name: String, layers: [(file: ComposeFile, service: ComposeService)], scope: EnvironmentScope) {
        reachableNames = MergedComposeService.reachableNames(name: name, layers: layers)
        image = layers.lazy.reversed().compactMap(\.service.image).first.flatMap { ImageReference($0.text) }
        receivesOTLP = image.map(TelemetryBackends.receivesOTLP) ?? false
        isBackend = image.map(TelemetryBackends.isBackend) ?? false
        configuresTelemetry = scope.configuresTelemetry
        reportedName = DuplicateServiceNameRule.reportedName(scope)
        propagation = PropagatorMismatchRule.propagation(scope)
    }

    init(_ service: MergedComposeService) {
        self.init(name: service.name, layers: service.layers, scope: service.scope)
    }
}

/// The compose files of one folder that Compose merges into one project: the base file (`compose.yaml` /
/// `docker-compose.yml`) with its override file, or the base file with one environment file given by `-f`
/// (`docker-compose.prod.yml`). Mappings merge by key, `environment` merges by variable, `env_file` lists append,
/// scalars override (compose-spec `13-merge.md`).
public struct ComposeProjectVariant: Sendable {
    public var directory: String
    /// The files in merge order.
    public var files: [ComposeFile] {
        didSet { index = ComposeVariantIndex(files: files, services: services) }
    }
    public var services: [MergedComposeService] {
        didSet { index = ComposeVariantIndex(files: files, services: services) }
    }
    /// Every rule looks its own service, and what it compares it with, up in the variant: indexed once, not
    /// searched per scope.
    private(set) var index: ComposeVariantIndex

    public init(directory: String, files: [ComposeFile], services: [MergedComposeService]) {
        self.directory = directory
        self.files = files
        self.services = services
        index = ComposeVariantIndex(files: files, services: services)
    }

    /// For messages: "`docker-compose.yml` + `docker-compose.prod.yml`".
    public var displayName: String {
        files.map { "`\(ConfigPaths.fileName($0.source.path))`" }.joined(separator: " + ")
    }

    public func service(named name: String) -> MergedComposeService? {
        index.positions[name].map { services[$0] }
    }

    /// The position of a service in `services`.
    func position(of name: String) -> Int? { index.positions[name] }

    /// Every host name a container of this project can reach another container by.
    public var reachableNames: Set<String> { index.reachableNames }
}

extension ConfigProject {
    /// The scopes rules check: every merged compose service of every variant (so a setting in the base file
    /// and one in the environment file are judged together) and every standalone env file.
    public var ruleScopes: [EnvironmentScope] {
        guard !composeVariantIndex.isEmpty else { return scopes }
        let merged = composeVariantIndex.keys.sorted().flatMap { folder in
            composeVariantIndex[folder, default: []].flatMap { $0.services.map(\.scope) }
        }
        // Standalone env files and Dockerfiles are scopes of their own.
        return merged + scopes.filter { if case .composeService = $0.kind { false } else { true } }
    }

    /// The project variants of the folder a compose file is in that include that file.
    public func composeVariants(including path: String) -> [ComposeProjectVariant] {
        let directory = ConfigPaths.directory(of: path)
        if composeVariantIndex[directory] != nil { return variantsByFile[path] ?? [] }
        return composeVariants(inFolder: directory).filter { $0.files.contains { $0.source.path == path } }
    }

    /// The variants of one folder's compose files (from the index built with the project, else computed).
    public func composeVariants(inFolder directory: String) -> [ComposeProjectVariant] {
        if let indexed = composeVariantIndex[directory] { return indexed }
        return ComposeProjectVariant.index(self)[directory] ?? []
    }
}

extension ComposeProjectVariant {
    /// Every folder's variants: base (+ override), base + each environment file, each alternative file alone
    /// (`ComposeFileRoles.isAlternative`). A folder without a base
    /// file: each file on its own (an override alone counts as a file of its own).
    /// `assessTier` decides the tier of a merged service that none of its layers decides: from the merged
    /// definitions and the variant's file names (`docker-compose.prod.yml` makes every service of that variant
    /// production).
    public typealias TierAssessor = @Sendable (_ definitions: [VariableDefinition], _ path: String) -> TierAssessment

    public static func index(_ project: ConfigProject, assessTier: TierAssessor? = nil) -> [String: [ComposeProjectVariant]] {
        let scopesByService = Dictionary(
            project.scopes.compactMap { scope -> (String, EnvironmentScope)? in
                guard case .composeService(let compose, let service) = scope.kind else { return nil }
                return (compose.source.path + "\u{0}" + service.name, scope)
            }, uniquingKeysWith: { first, _ in first })
        let folders = Array(Dictionary(grouping: project.composeFiles, by: \.directory))
        let variantsByFolder = ParallelMap.map(folders) { folder in
            variants(of: folder.value, scopesByService: scopesByService, assessTier: assessTier)
        }
        return Dictionary(uniqueKeysWithValues: zip(folders.map(\.key), variantsByFolder))
    }

    private static func variants(of files: [ComposeFile], scopesByService: [String: EnvironmentScope],
                                 assessTier: TierAssessor?) -> [ComposeProjectVariant] {
        guard let directory = files.first?.directory else { return [] }
        let names = files.map { ConfigPaths.fileName($0.source.path).lowercased() }
        let baseIndex = ConfigPaths.defaultComposeNames.lazy.compactMap { names.firstIndex(of: $0) }.first
        let overrideIndex = ComposeFileRoles.overrideNames.lazy.compactMap { names.firstIndex(of: $0) }.first
        var fileSets: [[ComposeFile]] = []
        let others = files.indices.filter { $0 != baseIndex && $0 != overrideIndex }
            // A second base name (`compose.yaml` beside `docker-compose.yml`) is not merged: Compose picks one.
            .filter { !ConfigPaths.defaultComposeNames.contains(names[$0]) }
        if let baseIndex {
            fileSets.append([files[baseIndex]] + (overrideIndex.map { [files[$0]] } ?? []))
            for other in others {
                // `docker-compose.services.prod.yaml` overlays `docker-compose.services.yaml` when the folder has it.
                if let stem = ComposeFileRoles.overlaidFileName(names[other]), let stemIndex = names.firstIndex(of: stem), stemIndex != other {
                    fileSets.append([files[stemIndex], files[other]])
                    continue
                }
                fileSets.append(ComposeFileRoles.isAlternative(files[other]) ? [files[other]] : [files[baseIndex], files[other]])
            }
            for index in files.indices where index != baseIndex && ConfigPaths.defaultComposeNames.contains(names[index]) {
                fileSets.append([files[index]])
            }
        } else {
            if let overrideIndex { fileSets.append([files[overrideIndex]]) }
            for other in others { fileSets.append([files[other]]) }
        }
        return fileSets.map { set in
            var order: [String] = []
            var layers: [String: [(file: ComposeFile, service: ComposeService)]] = [:]
            for file in set {
                for service in file.services {
                    if layers[service.name] == nil { order.append(service.name) }
                    layers[service.name, default: []].append((file, service))
                }
            }
            let services = order.map { name -> MergedComposeService in
                let serviceLayers = layers[name] ?? []
                let layerScopes = serviceLayers.compactMap { scopesByService[$0.file.source.path + "\u{0}" + name] }
                var scope = ComposeFileRoles.merge(layerScopes, last: serviceLayers[serviceLayers.count - 1])
                if set.count > 1, let assessTier {
                    // The merged environment and the variant's files, environment file first.
                    let envFilePaths = scope.definitions.filter { if case .envFile = $0.source { true } else { false } }.map(\.file.path)
                    for path in set.reversed().map(\.source.path) + envFilePaths.reversed() {
                        let tier = assessTier(scope.definitions, path)
                        if tier.tier != .unknown { scope.tier = tier; break }
                    }
                }
                return MergedComposeService(name: name, layers: serviceLayers, scope: scope)
            }
            return ComposeProjectVariant(directory: directory, files: set, services: services)
        }
    }
}

/// What each compose file name means to Compose, and how service scopes merge.
enum ComposeFileRoles {
    /// Whether a compose file beside the base file is an alternative to it (run alone: `-f docker-compose-lambda.yaml`)
    /// rather than a file merged over it. Compose merges only the files it is given, so the name and the content
    /// decide: a file whose name names a deployment tier (`docker-compose.prod.yml`) overlays the base by
    /// convention; any other file that Compose could run on its own (every service has `image:` or `build:`, and
    /// every service it `depends_on` is its own) is taken as an alternative, so the two are never merged into
    /// conflicts neither has. A file that Compose would refuse alone is a fragment, and is merged over the base.
    static func isAlternative(_ file: ComposeFile) -> Bool {
        guard DeploymentTierResolver.tier(namedByFile: ConfigPaths.fileName(file.source.path)) == nil, !file.services.isEmpty else { return false }
        let names = Set(file.services.map(\.name))
        return file.services.allSatisfy { service in
            (service.image != nil || service.node["build"] != nil) && service.dependsOn.allSatisfy { names.contains($0.text) }
        }
    }

    /// The file a tier-named overlay extends by its name: `docker-compose.services.prod.yaml` →
    /// `docker-compose.services.yaml` (nil when dropping the tier leaves a default name, or the name has no tier).
    static func overlaidFileName(_ name: String) -> String? {
        let parts = name.split(separator: ".")
        guard parts.count >= 4, DeploymentTierResolver.tier(namedByFile: name) != nil else { return nil }
        let stem = (parts.dropLast(2) + [parts[parts.count - 1]]).joined(separator: ".")
        return ConfigPaths.defaultComposeNames.contains(stem) ? nil : stem
    }

    static let overrideNames = ["compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml",
                                "docker-compose.override.yml"]

    /// Merges the scopes of one service's layers: the image's `ENV` first, then env_file definitions (lists
    /// append), then environment entries (a later file wins per variable). The tier is the one of the latest layer that has one: the
    /// environment file (`docker-compose.prod.yml`) decides the variant's tier.
    static func merge(_ layers: [EnvironmentScope], last: (file: ComposeFile, service: ComposeService)) -> EnvironmentScope {
        if layers.count == 1 { return layers[0] }
        if layers.isEmpty {
            return EnvironmentScope(kind: .composeService(last.file, last.service), definitions: [], tier: .unknown, isTemplate: false)
        }
        func isEnvFile(_ definition: VariableDefinition) -> Bool {
            if case .envFile = definition.source { return true } else { return false }
        }
        let layered = layers.enumerated().map { index, layer in
            layer.definitions.map { definition in
                var definition = definition
                definition.composeLayer = index
                return definition
            }
        }
        // The image's `ENV` is the base: from the last layer whose `build:` has a Dockerfile (that build wins).
        let image = layered.last { $0.contains { $0.source == .dockerfile } }?.filter { $0.source == .dockerfile } ?? []
        let definitions = image + layered.flatMap { $0.filter(isEnvFile) }
            + layered.flatMap { $0.filter { !isEnvFile($0) && $0.source != .dockerfile } }
        let tier = layers.reversed().first { $0.tier.tier != .unknown }?.tier ?? .unknown
        var merged = EnvironmentScope(kind: .composeService(last.file, last.service), definitions: definitions, tier: tier,
                                      isTemplate: layers.contains(where: \.isTemplate))
        // The image of the last layer that names one decides what runs; any layer's `build:` builds it here.
        let imageLayer = layers.last { layer in
            if case .composeService(_, let service) = layer.kind { service.image != nil } else { false }
        }
        merged.isTelemetryBackend = imageLayer?.isTelemetryBackend ?? false
        merged.isBuiltHere = layers.contains(where: \.isBuiltHere)
        merged.codeDirectory = layers.last { $0.codeDirectory != nil }?.codeDirectory
        let dockerfileLayer = layers.last { $0.imageDockerfile != nil }
        merged.imageDockerfile = dockerfileLayer?.imageDockerfile
        merged.imageStage = dockerfileLayer?.imageStage
        merged.missingEnvFiles = layers.flatMap(\.missingEnvFiles)
        return merged
    }
}
