import OTLintCore

/// Which collector build runs a configuration: its distribution and version, read from the compose service's
/// image. The distribution decides which component types exist; the version decides which names and defaults
/// apply.
public struct CollectorImage: Sendable {
    public enum Distribution: String, Sendable, CaseIterable {
        /// `otel/opentelemetry-collector`: the core components only.
        case core
        /// `otel/opentelemetry-collector-contrib`.
        case contrib
        /// `otel/opentelemetry-collector-k8s`.
        case k8s
        /// Jaeger v2 (`jaegertracing/jaeger`), a collector distribution with Jaeger's own components.
        case jaeger

        /// The path the image reads its configuration from when no `--config` is given.
        public var defaultConfigPath: String? {
            switch self {
            case .core: "/etc/otelcol/config.yaml"
            case .contrib: "/etc/otelcol-contrib/config.yaml"
            case .k8s: "/etc/otelcol-k8s/config.yaml"
            case .jaeger: nil
            }
        }

        public var displayName: String {
            switch self {
            case .core: "the core collector image"
            case .contrib: "the contrib collector image"
            case .k8s: "the Kubernetes collector image"
            case .jaeger: "Jaeger v2"
            }
        }
    }

    /// The repositories (without registry) the collector and Jaeger projects publish their images under: Docker Hub's
    /// `otel/…` and `jaegertracing/jaeger`, and the GitHub registry's release repositories. Third-party rebuilds
    /// under other names have their own component sets and are not judged.
    static let officialRepositories: [String: Distribution] = [
        "otel/opentelemetry-collector": .core,
        "otel/opentelemetry-collector-contrib": .contrib,
        "otel/opentelemetry-collector-k8s": .k8s,
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector": .core,
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib": .contrib,
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-k8s": .k8s,
        "jaegertracing/jaeger": .jaeger,
    ]

    public var distribution: Distribution
    /// The release, or nil when the tag names none that otlint can know (a digest, a custom tag).
    public var version: SemanticVersion?
    /// The image as written, for messages (`otel/opentelemetry-collector-contrib:0.98.0`).
    public var written: String
    /// Where the image is written (the compose service's `image:`); nil for the collector `.otlint.yml` names.
    public var location: SourceLocation?
    /// Whether the version is assumed (`latest` or no tag: the newest release otlint knows).
    public var isAssumedNewest: Bool

    /// The collector an image runs; nil for any image that is no known collector distribution (a custom build
    /// has its own set of components).
    public init?(_ image: ImageReference, written: String, location: SourceLocation) {
        // A registry mirror keeps the path after its own prefix (`mirror/dockerhub/otel/opentelemetry-collector`).
        guard let distribution = CollectorImage.officialRepositories[image.repository]
            ?? CollectorImage.officialRepositories.first(where: { image.repository.hasSuffix("/" + $0.key) })?.value else { return nil }
        self.distribution = distribution
        self.written = written
        self.location = location
        if image.isLatest {
            version = CollectorCatalogue.shared.newest(distribution)
            isAssumedNewest = true
        } else {
            version = image.version
            isAssumedNewest = false
        }
        // Jaeger v1 images share the repository name's prefix only; `jaegertracing/jaeger` starts at 2.0.
        if distribution == .jaeger, let version, version < SemanticVersion([2]) { return nil }
    }

    /// The collector `.otlint.yml` names for configurations no compose service runs (`collector: {distribution:
    /// contrib, version: 0.120.0}`); without a version, the newest release otlint knows.
    public init?(configuration: Configuration) {
        guard let name = configuration.collectorDistribution, let distribution = Distribution(rawValue: name) else { return nil }
        self.distribution = distribution
        let configured = configuration.collectorVersion.flatMap(SemanticVersion.init)
        version = configured ?? CollectorCatalogue.shared.newest(distribution)
        isAssumedNewest = configured == nil
        written = "\(name) \(configuration.collectorVersion ?? "latest") (from `.otlint.yml`)"
        location = nil
    }

    /// The related note that shows where the image is written, when it is.
    public var related: [RelatedLocation] {
        location.map { [RelatedLocation(location: $0, message: "the collector image")] } ?? []
    }

    /// "`otel/opentelemetry-collector:0.98.0`", or with "(latest: taken as 0.140.0)" when the version is assumed.
    public var description: String {
        guard isAssumedNewest, let version else { return "`\(written)`" }
        return "`\(written)` (latest, taken as \(version))"
    }
}
