import OTLintCore
import OTLintYAML

/// A scalar of a compose file with its place.
public struct ComposeScalar: Sendable {
    public var text: String
    public var node: YAMLNode
}

/// How a service's `environment:` is written; new entries added by a fix follow the same style.
public enum EnvironmentStyle: Sendable, Hashable {
    /// `KEY: value`
    case mapping
    /// `- KEY=value`
    case list
}

/// One entry of a service's `environment:`.
public struct ComposeEnvironmentEntry: Sendable {
    public var key: String
    /// The key as written (exact when the entry is written verbatim, else the whole list item).
    public var keyRange: ByteRange
    /// The value before interpolation; nil for `KEY:` with no value or a list item `- KEY` (value from the
    /// shell, unknown to otlint).
    public var template: String?
    /// Where the value is written (for a list item, the part after `=`).
    public var valueSite: ValueSite?
    /// The whole entry (the key/value pair, or the list item).
    public var entryRange: ByteRange
    public var style: EnvironmentStyle
    /// Whether the entry comes from a merge key (`<<: *defaults`) or from the service it `extends`: written in a
    /// shared block, so fixes leave it alone.
    public var isMerged: Bool
    /// The file the entry is written in: the compose file, or the file of a service it `extends`.
    public var file: SourceFile
}

/// One `env_file:` entry.
public struct EnvFileReference: Sendable {
    /// The path as written.
    public var path: String
    /// The path resolved against the compose file's folder (nil when interpolation left it unknown).
    public var resolvedPath: String?
    public var required: Bool
    /// The path scalar, for errors about a missing file.
    public var range: ByteRange
    /// The compose file that lists the entry (the path resolves against its folder): the service's own file, or
    /// the file of a service it `extends`.
    public var file: SourceFile
}

/// A service's `extends:` (`extends: base`, `extends: {service: base, file: common.yml}`).
public struct ComposeExtendsReference: Sendable {
    public var service: String
    /// The other compose file, as written (relative to the extending file's folder); nil for the same file.
    public var file: String?
    /// Where the reference is written: the service name, or the file path when a file is named.
    public var serviceRange: ByteRange
    public var fileRange: ByteRange?
}

/// One service of a compose file.
public struct ComposeService: Sendable {
    public var name: String
    public var nameRange: ByteRange
    public var node: YAMLNode
    public var environment: [ComposeEnvironmentEntry] = []
    public var environmentStyle: EnvironmentStyle?
    public var envFiles: [EnvFileReference] = []
    public var image: ComposeScalar?
    /// Port entries: short syntax strings (`"4317:4317"`) or the `target`/`published` of the long syntax.
    public var ports: [ComposeScalar] = []
    /// Service names this service depends on (list or map form).
    public var dependsOn: [ComposeScalar] = []
    public var buildContext: ComposeScalar?
    public var networkMode: ComposeScalar?
    public var containerName: ComposeScalar?
    public var hostname: ComposeScalar?
    /// `networks: {name: {aliases: [...]}}` aliases: other names this service answers to.
    public var networkAliases: [ComposeScalar] = []
    /// `x-*` fields of the service.
    public var extensions: [YAMLPair] = []
    /// The service this one extends, if any (followed by `ComposeExtends`).
    public var extends: ComposeExtendsReference?
}

/// A parsed compose file (`docker-compose*.yml`, `compose*.yaml`).
public struct ComposeFile: Sendable {
    public let source: SourceFile
    public let root: YAMLNode
    public let services: [ComposeService]
    /// Top-level `x-*` fields.
    public let extensions: [YAMLPair]
    /// The folder the compose file is in (`.` for a bare file name); relative paths resolve against it.
    public let directory: String
    /// Lowercased names its services are reached by: service names, `container_name`, `hostname`, network
    /// aliases (computed once: every exporter host of the project is looked up in them).
    public let hostNames: Set<String>

    public init(source: SourceFile, root: YAMLNode, services: [ComposeService], extensions: [YAMLPair]) {
        self.source = source
        self.root = root
        self.services = services
        self.extensions = extensions
        directory = ConfigPaths.directory(of: source.path)
        var names = Set<String>()
        for service in services {
            names.insert(service.name.lowercased())
            for scalar in [service.containerName, service.hostname].compactMap({ $0 }) + service.networkAliases {
                names.insert(scalar.text.lowercased())
            }
        }
        hostNames = names
    }

    public func service(named name: String) -> ComposeService? {
        services.first { $0.name == name }
    }
}
