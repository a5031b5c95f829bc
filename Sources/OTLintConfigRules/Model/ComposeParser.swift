import OTLintCore
import OTLintYAML

/// Builds the compose model from a YAML tree. Never throws: structural problems become `InputError`s and the
/// rest of the file still counts.
public enum ComposeParser {
    public static func parse(_ source: SourceFile) -> (ComposeFile?, [InputError]) {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parse(source)
        } catch {
            return (nil, [error.inputError(path: source.path)])
        }
        guard let root = documents.first?.root else {
            return (nil, [])  // an empty compose file defines nothing
        }
        var errors: [InputError] = []
        func problem(_ node: YAMLNode, _ message: String) {
            errors.append(InputError(path: source.path, position: source.lineColumn(at: node.range.start), message: message))
        }
        guard let rootPairs = root.mergedPairs else {
            problem(root, "a compose file must be a mapping (with `services:`), found \(describe(root))")
            return (nil, errors)
        }
        var services: [ComposeService] = []
        if let servicesNode = root["services"], !servicesNode.isNull {
            if let pairs = servicesNode.mergedPairs {
                for pair in pairs {
                    guard let name = pair.key.scalar else { continue }
                    if name.hasPrefix("x-") { continue }
                    if pair.value.isNull {
                        services.append(ComposeService(name: name, nameRange: pair.key.range, node: pair.value))
                        continue
                    }
                    guard pair.value.pairs != nil else {
                        problem(pair.value, "service `\(name)` must be a mapping, found \(describe(pair.value))")
                        continue
                    }
                    services.append(service(name: name, key: pair.key, node: pair.value, source: source, problem: problem))
                }
            } else {
                problem(servicesNode, "`services` must be a mapping of service names, found \(describe(servicesNode))")
            }
        }
        let extensions = rootPairs.filter { $0.key.scalar?.hasPrefix("x-") == true }
        return (ComposeFile(source: source, root: root, services: services, extensions: extensions), errors)
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let value, _): node.isNull ? "nothing" : "the scalar `\(value.prefix(40))`"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The text range of a scalar's value and whether that text is the value verbatim.
    static func content(of node: YAMLNode, in source: SourceFile) -> (range: ByteRange, verbatim: Bool)? {
        guard case .scalar(let value, let style) = node.content else { return nil }
        switch style {
        case .plain:
            return (node.range, source.slice(node.range) == value)
        case .singleQuoted, .doubleQuoted:
            guard node.range.length >= 2 else { return (node.range, false) }
            let inner = ByteRange(node.range.start + 1, node.range.end - 1)
            return (inner, source.slice(inner) == value)
        case .literal, .folded:
            return (node.range, false)
        }
    }

    static func scalar(_ node: YAMLNode?) -> ComposeScalar? {
        guard let node, let text = node.scalar, !node.isNull else { return nil }
        return ComposeScalar(text: text, node: node)
    }

    private static func service(name: String, key: YAMLNode, node: YAMLNode, source: SourceFile,
                                problem: (YAMLNode, String) -> Void) -> ComposeService {
        var service = ComposeService(name: name, nameRange: key.range, node: node)
        service.image = scalar(node["image"])
        service.networkMode = scalar(node["network_mode"])
        service.containerName = scalar(node["container_name"])
        service.hostname = scalar(node["hostname"])
        service.extensions = node.mergedPairs?.filter { $0.key.scalar?.hasPrefix("x-") == true } ?? []
        if let build = node["build"] {
            service.buildContext = scalar(build) ?? scalar(build["context"])
        }
        for port in node["ports"]?.sequence ?? [] {
            if let value = scalar(port) { service.ports.append(value) }
            else if let value = scalar(port["published"]) ?? scalar(port["target"]) { service.ports.append(value) }
        }
        if let depends = node["depends_on"] {
            if let items = depends.sequence { service.dependsOn = items.compactMap(scalar) }
            else if let pairs = depends.mergedPairs { service.dependsOn = pairs.compactMap { scalar($0.key) } }
        }
        if let networks = node["networks"]?.mergedPairs {
            for network in networks {
                service.networkAliases += network.value["aliases"]?.sequence?.compactMap(scalar) ?? []
            }
        }
        if let environment = node.pair("environment") {
            (service.environment, service.environmentStyle) = environmentEntries(environment.value, source: source, problem: problem)
        }
        if let envFile = node["env_file"] {
            service.envFiles = envFileReferences(envFile, problem: problem)
        }
        return service
    }

    private static func environmentEntries(_ node: YAMLNode, source: SourceFile, problem: (YAMLNode, String) -> Void)
        -> ([ComposeEnvironmentEntry], EnvironmentStyle?) {
        if node.isNull { return ([], nil) }
        if let pairs = node.mergedPairs {
            var entries: [ComposeEnvironmentEntry] = []
            for pair in pairs {
                guard let key = pair.key.scalar else { continue }
                let value = pair.value
                var template: String?
                var site: ValueSite?
                if !value.isNull {
                    guard let text = value.scalar else {
                        problem(value, "the value of `\(key)` must be a string, number or boolean, found \(describe(value))")
                        continue
                    }
                    template = text
                    if let content = content(of: value, in: source) {
                        site = ValueSite(file: source, range: value.range, editableRange: content.verbatim ? content.range : nil)
                    }
                }
                entries.append(ComposeEnvironmentEntry(
                    key: key, keyRange: pair.key.range, template: template, valueSite: site,
                    entryRange: ByteRange(pair.key.range.start, max(pair.key.range.end, value.range.end)),
                    style: .mapping, isMerged: pair.isMerged))
            }
            return (entries, .mapping)
        }
        if let items = node.sequence {
            var entries: [ComposeEnvironmentEntry] = []
            for item in items {
                guard let text = item.scalar, let content = content(of: item, in: source) else {
                    problem(item, "an `environment` list item must be `KEY=VALUE` or `KEY`, found \(describe(item))")
                    continue
                }
                let key: String
                var template: String?
                var keyRange = item.range
                var site: ValueSite?
                if let equals = text.firstIndex(of: "=") {
                    key = String(text[..<equals])
                    let value = String(text[text.index(after: equals)...])
                    template = value
                    if content.verbatim {
                        let keyLength = key.utf8.count
                        keyRange = ByteRange(content.range.start, content.range.start + keyLength)
                        let valueRange = ByteRange(content.range.start + keyLength + 1, content.range.end)
                        site = ValueSite(file: source, range: valueRange, editableRange: valueRange)
                    } else {
                        site = ValueSite(file: source, range: item.range, editableRange: nil)
                    }
                } else {
                    key = text
                    if content.verbatim { keyRange = content.range }
                }
                entries.append(ComposeEnvironmentEntry(key: key, keyRange: keyRange, template: template, valueSite: site,
                                                       entryRange: item.range, style: .list, isMerged: false))
            }
            return (entries, .list)
        }
        problem(node, "`environment` must be a mapping or a list, found \(describe(node))")
        return ([], nil)
    }

    private static func envFileReferences(_ node: YAMLNode, problem: (YAMLNode, String) -> Void) -> [EnvFileReference] {
        let items = node.sequence ?? [node]
        var references: [EnvFileReference] = []
        for item in items {
            if let path = item.scalar, !item.isNull {
                references.append(EnvFileReference(path: path, resolvedPath: nil, required: true, range: item.range))
            } else if let pathNode = item["path"], let path = pathNode.scalar {
                // Long form: `required` defaults to true.
                let required = item["required"]?.scalar.map { $0.lowercased() != "false" } ?? true
                references.append(EnvFileReference(path: path, resolvedPath: nil, required: required, range: pathNode.range))
            } else {
                problem(item, "an `env_file` entry must be a path or a mapping with `path`, found \(describe(item))")
            }
        }
        return references
    }
}
