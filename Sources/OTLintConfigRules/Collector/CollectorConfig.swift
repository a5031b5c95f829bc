import OTLintCore
import OTLintYAML

/// The five kinds of collector component, each defined in its own top-level section.
public enum CollectorComponentKind: String, CaseIterable, Sendable {
    case receiver, processor, exporter, connector, `extension`

    /// The top-level section that defines components of this kind (`receivers`).
    public var section: String { rawValue + "s" }
}

/// One component defined in a collector configuration: `otlp/internal:` under `receivers:`.
public struct CollectorComponent: Sendable {
    public var kind: CollectorComponentKind
    /// The whole ID as written: `type` or `type/name`.
    public var id: String
    /// The part before the first `/`: what selects the component's implementation.
    public var type: String
    /// The key node the ID is written in (where findings about the component point).
    public var key: YAMLNode
    /// Its settings (a null scalar when it has none).
    public var settings: YAMLNode

    /// The type part of an ID (`otlp/2` → `otlp`).
    public static func type(ofID id: String) -> String {
        id.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? id
    }
}

/// A component named in `service`: a pipeline entry or an entry of `service.extensions`.
public struct CollectorReference: Sendable {
    public var id: String
    public var node: YAMLNode
}

/// One entry of `service.pipelines`: `traces/backend: {receivers: […], processors: […], exporters: […]}`.
public struct CollectorPipeline: Sendable {
    public var id: String
    /// `traces`, `metrics`, `logs` or `profiles` (as written, possibly unknown).
    public var signal: String
    public var key: YAMLNode
    public var receivers: [CollectorReference]
    public var processors: [CollectorReference]
    public var exporters: [CollectorReference]
    /// The keys the pipeline writes (`receivers`, `processors`, `exporters`).
    public var writtenKeys: Set<String> = []

    /// The references of one kind of entry (connectors appear among receivers and exporters).
    public func references(_ role: CollectorComponentKind) -> [CollectorReference] {
        switch role {
        case .receiver: receivers
        case .processor: processors
        case .exporter: exporters
        case .connector, .extension: []
        }
    }
}

/// A collector configuration file as the collector reads it: its components, its pipelines and the extensions
/// `service` starts, each with the node it is written in.
public struct CollectorConfig: Sendable {
    public var file: SourceFile
    public var root: YAMLNode
    public var components: [CollectorComponent]
    public var pipelines: [CollectorPipeline]
    /// `service.extensions`.
    public var serviceExtensions: [CollectorReference]
    /// The `service` key, where a finding about the service as a whole points (nil when there is none).
    public var serviceKey: YAMLNode?
    /// `service.telemetry`.
    public var telemetry: YAMLNode?
    /// Whether a section is taken from another source (`receivers: ${file:receivers.yaml}`): the file alone is
    /// not the whole configuration.
    public var hasIncludedSections = false

    /// The component an ID of the given kind names. Pipelines name connectors among receivers and exporters.
    public func component(_ id: String, as role: CollectorComponentKind) -> CollectorComponent? {
        components.first { $0.id == id && ($0.kind == role || ($0.kind == .connector && (role == .receiver || role == .exporter))) }
    }

    public func components(_ kind: CollectorComponentKind) -> [CollectorComponent] {
        components.filter { $0.kind == kind }
    }

    /// Every pipeline entry naming a component, with its pipeline.
    public func uses(of component: CollectorComponent) -> [(pipeline: CollectorPipeline, reference: CollectorReference)] {
        let roles: [CollectorComponentKind] = component.kind == .connector ? [.receiver, .exporter] : [component.kind]
        return pipelines.flatMap { pipeline in
            roles.flatMap { role in
                pipeline.references(role).filter { $0.id == component.id }.map { (pipeline, $0) }
            }
        }
    }

    /// Whether a pipeline leaves out its `receivers` or `exporters` key altogether: the way a file merged over another
    /// with several `--config` arguments replaces only some lists of a pipeline. A whole configuration writes both.
    /// So is a file whose pipelines name receivers while it defines none at all: no collector runs it alone, it adds
    /// pipelines to a file that defines them (`otelcol-config-extras.yml` beside `otelcol-config.yml`).
    public var overridesPipelines: Bool {
        if pipelines.contains(where: { !$0.writtenKeys.contains("receivers") || !$0.writtenKeys.contains("exporters") }) { return true }
        return root["receivers"] == nil && pipelines.contains { !$0.references(.receiver).isEmpty }
    }

    /// The pipelines a component runs in.
    public func pipelines(using component: CollectorComponent) -> [CollectorPipeline] {
        var seen = Set<String>()
        return uses(of: component).map(\.pipeline).filter { seen.insert($0.id).inserted }
    }

    public func location(_ node: YAMLNode) -> SourceLocation { file.location(node.range) }
}
