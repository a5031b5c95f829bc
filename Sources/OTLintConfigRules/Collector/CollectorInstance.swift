import OTLintCore
import OTLintYAML

/// One collector configuration as one process runs it: the file, the compose service that runs it (when a
/// compose file of the run mounts it), and the tier it runs in. Collector rules judge instances; a file mounted by
/// several services (or project variants) is judged once per instance, and the analyzer keeps each finding once.
public struct CollectorInstance: Sendable {
    public var config: CollectorConfig
    public var deployment: CollectorDeployment?
    public var tier: TierAssessment

    /// The collector `.otlint.yml` names (`collector:`), for a file no compose service of the run mounts.
    public var configuredImage: CollectorImage?

    /// The collector build that runs the file, when known: the compose service's image, else `.otlint.yml`'s.
    public var image: CollectorImage? { deployment.map(\.image) ?? configuredImage }

    /// The distribution and release, when both are known and within the catalogue's range: version-dependent rules
    /// stay quiet otherwise.
    public var release: (distribution: CollectorImage.Distribution, version: SemanticVersion)? {
        guard let image, let version = image.version, let oldest = CollectorCatalogue.shared.oldest(image.distribution),
              version >= oldest else { return nil }
        return (image.distribution, version)
    }

    /// Whether the file may be only part of what the collector runs: it has no `service` section (a fragment
    /// merged with others), a section comes from another source (`receivers: ${file:…}`), the collector is given
    /// several `--config` sources, a custom image (whose entrypoint may merge files of its own) runs it without one
    /// `--config` naming it, or no compose service runs it and it is shaped like a file merged over another
    /// (`overridesPipelines`). Rules that need the whole configuration do not judge a part.
    public var isPartial: Bool {
        if config.serviceKey == nil || config.hasIncludedSections { return true }
        guard let deployment else { return config.overridesPipelines }
        return deployment.readsSeveralSources || (deployment.image == nil && deployment.configArguments.count != 1)
    }

    /// Whether the environment `${env:…}` reads from is known: a compose service runs the collector from an image the
    /// project does not build (a Dockerfile's `ENV` may set anything), names that image (a service without one is
    /// a fragment completed by another compose file), and every `env_file` exists.
    var environmentIsKnown: Bool {
        guard let deployment else { return false }
        return !deployment.service.scope.isIncomplete && deployment.service.buildContext == nil && deployment.service.image != nil
    }
}

extension CollectorInstance {
    /// A compose service of the same project that sends telemetry to this collector.
    public struct Sender: Sendable {
        public var service: MergedComposeService
        /// The endpoint setting that names the collector.
        public var setting: Setting
        public var url: EndpointURL
        /// The port it sends to; nil when the endpoint names none.
        public var port: Int? { url.port }
    }

    /// The services of the collector's project variant whose OTLP endpoint names the collector's service.
    public var senders: [Sender] {
        guard let deployment else { return [] }
        let names = Set(deployment.service.reachableNames.map { $0.lowercased() })
        return deployment.variant.services.filter { $0.name != deployment.service.name }.flatMap { service in
            EndpointTarget.all(in: service.scope).filter { names.contains($0.host) }.map {
                Sender(service: service, setting: $0.setting, url: $0.url)
            }
        }
    }

    /// The container ports the collector's service publishes on the host, with the entry that publishes each.
    public var publishedPorts: [(port: Int, location: SourceLocation)] {
        guard let deployment else { return [] }
        return deployment.service.layers.flatMap { layer in
            (layer.service.node["ports"]?.sequence ?? []).compactMap { entry -> (Int, SourceLocation)? in
                guard let port = ComposePorts.containerPort(entry) else { return nil }
                return (port, layer.file.source.location(entry.range))
            }
        }
    }
}
