import OTLintCore
import OTLintYAML

/// Which compose folders run a collector that samples traces downstream (`tail_sampling` or
/// `probabilistic_sampler` in a traces pipeline of a collector config the compose file mounts). Rules about
/// sampling in the applications (OTL101) consult it: keeping every trace in the SDK is then intended.
public struct CollectorSampling: Sendable {
    /// A sampling processor found in a mounted collector config.
    public struct Evidence: Sendable {
        /// The compose service running the collector.
        public var service: String
        /// The processor reference in `service.pipelines.traces*.processors`.
        public var location: SourceLocation
        public var processor: String
    }

    /// Compose folder → the first sampling collector found there.
    public var byFolder: [String: Evidence] = [:]

    public init() {}

    static let samplingProcessorTypes: Set<String> = ["tail_sampling", "probabilistic_sampler"]

    /// The sampling collector of the folder a scope belongs to.
    public func evidence(for scope: EnvironmentScope) -> Evidence? {
        byFolder[ConfigPaths.directory(of: scope.primaryFile.path)]
    }

    /// Reads the collector configs that the compose files mount (bind-mounted `volumes:` and file-based
    /// `configs:`), through the run's loader. Files that cannot be read or parsed are skipped: they are context,
    /// not input.
    public static func discover(composeFiles: [ComposeFile], loader: FileLoader) -> CollectorSampling {
        var result = CollectorSampling()
        for compose in composeFiles where result.byFolder[compose.directory] == nil {
            let topLevelConfigs = compose.root["configs"]?.mergedPairs ?? []
            search: for service in compose.services {
                for source in mountedSources(service, topLevelConfigs: topLevelConfigs) {
                    let path = ConfigPaths.resolve(source, against: compose.directory)
                    guard case .success(let file) = loader.load(path),
                          let processor = samplingProcessor(in: file) else { continue }
                    result.byFolder[compose.directory] = Evidence(service: service.name, location: processor.location,
                                                                  processor: processor.name)
                    break search
                }
            }
        }
        return result
    }

    /// Host paths of YAML files mounted into a service.
    static func mountedSources(_ service: ComposeService, topLevelConfigs: [YAMLPair]) -> [String] {
        var sources: [String] = []
        for volume in service.node["volumes"]?.sequence ?? [] {
            if let text = volume.scalar {
                // Short syntax `SOURCE:TARGET[:MODE]`; a named volume has no path.
                let source = String(text.split(separator: ":", maxSplits: 1).first ?? "")
                if source.hasPrefix(".") || source.hasPrefix("/") { sources.append(source) }
            } else if let source = volume["source"]?.scalar, volume["type"]?.scalar == "bind" || source.hasPrefix(".") {
                sources.append(source)
            }
        }
        for config in service.node["configs"]?.sequence ?? [] {
            guard let name = config.scalar ?? config["source"]?.scalar,
                  let file = topLevelConfigs.first(where: { $0.key.scalar == name })?.value["file"]?.scalar else { continue }
            sources.append(file)
        }
        return sources.filter { !$0.containsText("$") && ($0.lowercased().hasSuffix(".yaml") || $0.lowercased().hasSuffix(".yml")) }
    }

    /// A sampling processor used in a traces pipeline of a collector config (recognised by its content:
    /// top-level `receivers`, `exporters` and `service.pipelines`).
    static func samplingProcessor(in file: SourceFile) -> (name: String, location: SourceLocation)? {
        guard let documents = try? YAMLParser.parse(file), let root = documents.first?.root,
              root["receivers"] != nil, root["exporters"] != nil,
              let pipelines = root["service"]?["pipelines"]?.mergedPairs else { return nil }
        let defined = Set((root["processors"]?.mergedPairs ?? []).compactMap { $0.key.scalar })
        for pipeline in pipelines {
            guard let id = pipeline.key.scalar, id == "traces" || id.hasPrefix("traces/") else { continue }
            for processor in pipeline.value["processors"]?.sequence ?? [] {
                guard let name = processor.scalar, defined.contains(name),
                      let type = name.split(separator: "/").first.map(String.init),
                      samplingProcessorTypes.contains(type) else { continue }
                return (name, file.location(processor.range))
            }
        }
        return nil
    }
}
