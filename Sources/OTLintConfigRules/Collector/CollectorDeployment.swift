#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore
import OTLintYAML

/// A file a compose service mounts into its container: a bind mount under `volumes:` or a file-based `configs:`
/// entry.
public struct ComposeMount: Sendable {
    /// The host path, resolved against the compose file's folder.
    public var source: String
    /// The path inside the container; nil when it cannot be known (interpolated).
    public var target: String?
    /// The entry, where a finding about the mount points.
    public var node: YAMLNode
    public var file: ComposeFile
    /// The mounted folder's target when the file is mounted as part of a folder (`./otel:/etc/otelcol-contrib`).
    public var folderTarget: String?

    public var location: SourceLocation { file.source.location(node.range) }
}

/// A `--config` argument of a collector's command: where the collector reads its configuration instead of the
/// image's default path.
public struct CollectorConfigArgument: Sendable {
    /// The value after `--config`: a path, `file:PATH`, or another provider (`env:`, `yaml:`, `http:`…).
    public var value: String
    /// The file path it names; nil for other providers.
    public var path: String? {
        if value.hasPrefix("file:") { return String(value.dropFirst(5)) }
        if let colon = value.firstIndex(of: ":"), value[..<colon].allSatisfy({ $0.isLetter }), value[..<colon].count > 1 { return nil }
        return value
    }
}

/// A compose service that runs a collector configuration: the service, its project variant, the collector build
/// its image names, and how the file reaches the container.
public struct CollectorDeployment: Sendable {
    public var variant: ComposeProjectVariant
    public var service: MergedComposeService
    /// The collector build; nil for an image otlint does not know (a custom build, `grafana/otel-lgtm`).
    public var image: CollectorImage?
    public var mount: ComposeMount
    /// The `--config` arguments of its `command:`, in order.
    public var configArguments: [CollectorConfigArgument]

    /// Whether the collector reads more than this file (several `--config` arguments are merged): rules that need
    /// the whole configuration cannot judge one part of it.
    public var readsSeveralSources: Bool { configArguments.count > 1 }

    /// Whether the collector reads the mounted file: named by `--config`, or mounted at the image's default path.
    /// nil when it cannot be known.
    public var loadsMountedFile: Bool? {
        guard let target = mount.target else { return nil }
        if !configArguments.isEmpty {
            return configArguments.contains { $0.path.map { CollectorMounts.samePath($0, target) } ?? false } ? true
                : (configArguments.allSatisfy { $0.path != nil } ? false : nil)
        }
        guard let defaultPath = image?.distribution.defaultConfigPath else { return nil }
        return CollectorMounts.samePath(defaultPath, target)
    }
}

/// Reads mounts and `--config` arguments from compose services.
enum CollectorMounts {
    /// The YAML files a service mounts (bind mounts and file-based configs), with their targets. Paths written with
    /// `${VAR}` are interpolated as Compose does, from the compose folder's `.env` (`interpolate`).
    static func yamlFiles(of service: MergedComposeService, interpolate: (String) -> String? = { $0 }) -> [ComposeMount] {
        var mounts: [ComposeMount] = []
        for layer in service.layers {
            let file = layer.file
            let topLevelConfigs = file.root["configs"]?.mergedPairs ?? []
            for volume in layer.service.node["volumes"]?.sequence ?? [] {
                if let written = volume.scalar, let text = interpolate(written) {
                    // Short syntax `SOURCE:TARGET[:MODE]`; a named volume has no path.
                    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    guard parts.count >= 2, parts[0].hasPrefix(".") || parts[0].hasPrefix("/") || parts[0].hasPrefix("~") else { continue }
                    mounts.append(ComposeMount(source: ConfigPaths.resolve(parts[0], against: file.directory), target: parts[1], node: volume, file: file))
                } else if let source = volume["source"]?.scalar.flatMap(interpolate), volume["type"]?.scalar == "bind" || source.hasPrefix(".") {
                    mounts.append(ComposeMount(source: ConfigPaths.resolve(source, against: file.directory), target: volume["target"]?.scalar,
                                               node: volume, file: file))
                }
            }
            for config in layer.service.node["configs"]?.sequence ?? [] {
                guard let name = config.scalar ?? config["source"]?.scalar,
                      let source = topLevelConfigs.first(where: { $0.key.scalar == name })?.value["file"]?.scalar.flatMap(interpolate) else { continue }
                let target = config["target"]?.scalar ?? "/" + name
                mounts.append(ComposeMount(source: ConfigPaths.resolve(source, against: file.directory), target: target, node: config, file: file))
            }
        }
        return mounts.flatMap(filesOfFolder).filter { mount in
            let name = mount.source.lowercased()
            return !mount.source.containsText("$") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
        }
    }

    /// A mounted folder stands for each YAML file in it, at the same name under the target
    /// (`./otel:/etc/otelcol-contrib` mounts `./otel/config.yaml` at `/etc/otelcol-contrib/config.yaml`).
    private static func filesOfFolder(_ mount: ComposeMount) -> [ComposeMount] {
        // Not a folder (or not a readable one): the mount is the file itself.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: mount.source) else { return [mount] }
        return names.sorted().filter { $0.lowercased().hasSuffix(".yaml") || $0.lowercased().hasSuffix(".yml") }.map { name in
            var file = mount
            file.source = mount.source + "/" + name
            file.target = mount.target.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name }
            file.folderTarget = mount.target
            return file
        }
    }

    /// The `--config` arguments of a service's `command:` (list or string form).
    static func configArguments(of service: MergedComposeService) -> [CollectorConfigArgument] {
        guard let command = service.field("command")?.node else { return [] }
        let words: [String]
        if let items = command.sequence { words = items.compactMap(\.scalar) }
        else if let text = command.scalar { words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }
        else { return [] }
        var arguments: [CollectorConfigArgument] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            for flag in ["--config", "-config"] {
                if word == flag, index + 1 < words.count {
                    arguments.append(CollectorConfigArgument(value: unquoted(words[index + 1])))
                    index += 1
                } else if word.hasPrefix(flag + "=") {
                    arguments.append(CollectorConfigArgument(value: unquoted(String(word.dropFirst(flag.count + 1)))))
                }
            }
            index += 1
        }
        return arguments
    }

    /// Whether two paths inside a container name the same file (`/etc/otelcol//config.yaml`, `./config.yaml`
    /// relative to the root).
    static func samePath(_ first: String, _ second: String) -> Bool {
        ConfigPaths.resolve(first, against: "/") == ConfigPaths.resolve(second, against: "/")
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
