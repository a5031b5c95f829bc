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

    /// The first sampling collector of each compose folder, from the collector configurations the compose files
    /// mount (read once, by `CollectorDiscovery`).
    public init(_ collectors: [CollectorInstance]) {
        for collector in collectors {
            guard let deployment = collector.deployment, byFolder[deployment.variant.directory] == nil,
                  let processor = CollectorSampling.samplingProcessor(in: collector.config) else { continue }
            byFolder[deployment.variant.directory] = Evidence(service: deployment.service.name, location: processor.location,
                                                              processor: processor.name)
        }
    }

    /// A sampling processor used in a traces pipeline.
    static func samplingProcessor(in config: CollectorConfig) -> (name: String, location: SourceLocation)? {
        for pipeline in config.pipelines where pipeline.signal == "traces" {
            for reference in pipeline.processors {
                guard let processor = config.component(reference.id, as: .processor),
                      samplingProcessorTypes.contains(processor.type), !keepsEveryTrace(processor) else { continue }
                return (reference.id, config.location(reference.node))
            }
        }
        return nil
    }

    /// A sampling processor that keeps every trace samples nothing: `tail_sampling` with a top-level `always_sample`
    /// policy (policies are OR-ed, so that one keeps everything) or a `probabilistic` policy at 100, and
    /// `probabilistic_sampler` at `sampling_percentage: 100`.
    static func keepsEveryTrace(_ processor: CollectorComponent) -> Bool {
        keepEverythingSetting(of: processor) != nil
    }

    /// The value that makes a sampling processor keep every trace, with its path below the processor.
    static func keepEverythingSetting(of processor: CollectorComponent) -> (node: YAMLNode, path: String)? {
        func isHundred(_ node: YAMLNode?) -> Bool { node?.scalar.flatMap(Double.init).map { $0 >= 100 } ?? false }
        if processor.type == "probabilistic_sampler" {
            guard let percentage = processor.settings["sampling_percentage"], isHundred(percentage) else { return nil }
            return (percentage, "sampling_percentage")
        }
        for policy in processor.settings["policies"]?.sequence ?? [] {
            guard let type = policy["type"] else { continue }
            if type.scalar == "always_sample" { return (type, "policies") }
            if type.scalar == "probabilistic", let percentage = policy["probabilistic"]?["sampling_percentage"], isHundred(percentage) {
                return (percentage, "policies")
            }
        }
        return nil
    }
}
