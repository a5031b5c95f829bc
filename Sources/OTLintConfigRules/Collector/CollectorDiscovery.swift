import OTLintCore
import OTLintYAML

/// Finds the collector configurations of a run and the processes that run them: the files checked by name or
/// content, and the YAML files compose services mount whose top level is a collector configuration (read through
/// the run's loader, each once).
enum CollectorDiscovery {
    /// Also returns the targets Prometheus services scrape, from the Prometheus configurations they mount (read in
    /// the same pass: a mounted YAML file is parsed once, whatever it turns out to be).
    static func instances(checked: [CollectorConfig], project: ConfigProject, context: AnalysisContext)
        -> (instances: [CollectorInstance], inputErrors: [InputError], scrapes: [ScrapeTarget]) {
        var configs = Dictionary(checked.map { (StandardPath.of($0.file.path), $0) }, uniquingKeysWith: { first, _ in first })
        var unreadable = Set<String>()
        var scrapeFiles: [String: [(host: String, port: Int, location: SourceLocation)]] = [:]
        var scrapes: [ScrapeTarget] = []
        // A service is in every variant of its folder: its scrapes are taken once.
        var scrapingServices = Set<String>()
        var inputErrors: [InputError] = []
        var deployed: [(config: String, deployment: CollectorDeployment)] = []
        for folder in project.composeVariantIndex.keys.sorted() {
            for variant in project.composeVariantIndex[folder] ?? [] {
                for service in variant.services {
                    let interpolate = interpolator(for: folder, project: project)
                    let mounts = CollectorMounts.yamlFiles(of: service, interpolate: interpolate)
                    guard !mounts.isEmpty else { continue }
                    let image = service.image.flatMap { written -> CollectorImage? in
                        guard let text = interpolate(written.text), let reference = ImageReference(text) else { return nil }
                        return CollectorImage(reference, written: text, location: service.primary.file.source.location(written.node.range))
                    }
                    let arguments = CollectorMounts.configArguments(of: service)
                    for mount in mounts {
                        let key = StandardPath.of(mount.source)
                        if configs[key] == nil, scrapeFiles[key] == nil, !unreadable.contains(key) {
                            switch readMounted(mount.source, loader: context.loader) {
                            case .collector(let config, let errors):
                                configs[key] = config
                                inputErrors += errors
                            case .prometheus(let targets): scrapeFiles[key] = targets
                            case nil: break
                            }
                            if configs[key] == nil && scrapeFiles[key] == nil { unreadable.insert(key) }
                        }
                        if let targets = scrapeFiles[key], scrapingServices.insert(folder + "\u{0}" + service.name + "\u{0}" + key).inserted {
                            scrapes += targets.map {
                                ScrapeTarget(host: $0.host, port: $0.port, location: $0.location, service: service.name, directory: folder)
                            }
                        }
                        guard configs[key] != nil else { continue }
                        deployed.append((key, CollectorDeployment(variant: variant, service: service, image: image, mount: mount,
                                                                  configArguments: arguments)))
                    }
                }
            }
        }
        // Of a mounted folder, the files the collector does not load are not its configuration (alternatives kept
        // beside it) when it loads another one, or names its configuration with `--config`.
        let candidates = deployed
        deployed.removeAll { _, deployment in
            guard let folder = deployment.mount.folderTarget, deployment.loadsMountedFile == false else { return false }
            return !deployment.configArguments.isEmpty || candidates.contains { _, sibling in
                sibling.mount.folderTarget == folder && sibling.service.name == deployment.service.name
                    && sibling.variant.directory == deployment.variant.directory && sibling.loadsMountedFile == true
            }
        }
        var instances: [CollectorInstance] = []
        let deployedKeys = Set(deployed.map(\.config))
        for (key, deployment) in deployed {
            guard let config = configs[key] else { continue }
            instances.append(CollectorInstance(config: config, deployment: deployment,
                                               tier: CollectorTier.assess(config, deployment: deployment, context: context)))
        }
        for key in configs.keys.sorted() where !deployedKeys.contains(key) {
            guard let config = configs[key] else { continue }
            instances.append(CollectorInstance(config: config, deployment: nil, tier: CollectorTier.assess(config, deployment: nil, context: context),
                                               configuredImage: CollectorImage(configuration: context.configuration(for: config.file.path))))
        }
        return (instances, inputErrors, scrapes)
    }

    /// Interpolates compose text with the `.env` of a compose folder, as Compose does; nil when a variable is unknown.
    private static func interpolator(for folder: String, project: ConfigProject) -> (String) -> String? {
        let dotEnv = project.envFiles[ScopeBuilder.key(ConfigPaths.resolve(".env", against: folder))]
        let interpolator = Interpolator { name in
            dotEnv?.entry(named: name).map { InterpolationBinding(value: $0.value, site: nil) }
        }
        return { text in interpolator.interpolate(text, file: nil, baseOffset: nil).text }
    }

    /// What a mounted YAML file is to otlint.
    private enum MountedYAML {
        case collector(CollectorConfig?, [InputError])
        case prometheus([(host: String, port: Int, location: SourceLocation)])
    }

    /// A mounted file read as a collector configuration or a Prometheus configuration; nil when it cannot be read or
    /// is neither (mounts are context: a missing or unrelated file is not this run's problem).
    private static func readMounted(_ path: String, loader: FileLoader) -> MountedYAML? {
        guard case .success(let file) = loader.load(path), let documents = try? YAMLParser.parse(file),
              let root = documents.compactMap(\.root).first else { return nil }
        if YAMLInputKind.of(root) == .collector {
            let read = CollectorConfigReader.read(file, documents: documents)
            return .collector(read.config, read.errors)
        }
        let targets = ScrapeTarget.targets(in: root, file: file)
        return targets.isEmpty ? nil : .prometheus(targets)
    }
}

/// The tier a collector runs in, strongest evidence first: the compose service that runs it (its environment,
/// file and folder names), `--environment` and `.otlint.yml` patterns for the config's path, the config's file and
/// folder names, and the `deployment.environment.name` the config itself sets.
enum CollectorTier {
    static func assess(_ config: CollectorConfig, deployment: CollectorDeployment?, context: AnalysisContext) -> TierAssessment {
        if let tier = deployment?.service.scope.tier, tier.tier != .unknown { return tier }
        let byPath = DeploymentTierResolver.assess(definitions: [], path: config.file.path, context: context)
        if byPath.tier != .unknown { return byPath }
        return declaredEnvironment(config) ?? .unknown
    }

    /// `deployment.environment(.name)` set by a `resource` processor's `attributes` or in `service.telemetry.resource`.
    static func declaredEnvironment(_ config: CollectorConfig) -> TierAssessment? {
        var candidates: [YAMLNode] = []
        for processor in config.components(.processor) where processor.type == "resource" {
            for attribute in processor.settings["attributes"]?.sequence ?? [] {
                guard let key = attribute["key"]?.scalar, DeploymentTierResolver.environmentKeys.contains(key),
                      let value = attribute["value"] else { continue }
                candidates.append(value)
            }
        }
        for key in DeploymentTierResolver.environmentKeys {
            if let value = config.telemetry?["resource"]?[key] { candidates.append(value) }
        }
        for value in candidates {
            guard let name = value.scalar, !name.containsText("$") else { continue }
            let tier = DeploymentTier.classify(environmentName: name)
            if tier != .unknown {
                return TierAssessment(tier: tier, evidence: TierEvidence(description: "`deployment.environment.name: \(name)` in the collector configuration",
                                                                         location: config.location(value)))
            }
        }
        return nil
    }
}
