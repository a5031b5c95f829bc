import OTLintCore
import OTLintYAML

/// What reading one compose file gave.
public struct ComposeReadResult: Sendable {
    public var file: ComposeFile?
    public var errors: [InputError] = []
    /// Why a YAML file named on the command line is not read as a compose file (a Kubernetes manifest), or nil.
    public var notCompose: String?
    /// The file read as a collector configuration, when its top level says it is one.
    public var collector: CollectorReadResult?
    /// The file read as a Kubernetes manifest, when its documents say they are one.
    var kubernetes: (manifest: KubernetesManifest, errors: [InputError])?
    /// The file read as an SDK configuration file, when its top level says it is one.
    var sdkConfig: (file: SDKConfigFile?, errors: [InputError])?
}

/// Builds the compose model from a YAML tree. Never throws: structural problems become `InputError`s and the
/// rest of the file still counts.
public enum ComposeParser {
    public static func parse(_ source: SourceFile) -> (ComposeFile?, [InputError]) {
        let result = read(source)
        return (result.file, result.errors)
    }

    public static func read(_ source: SourceFile) -> ComposeReadResult {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parse(source)
        } catch {
            return ComposeReadResult(file: nil, errors: [error.inputError(path: source.path)])
        }
        // Empty documents (a leading or trailing `---`) define nothing, in Compose too.
        let roots = documents.compactMap(\.root).filter { !$0.isNull }
        guard let firstRoot = roots.first else {
            return ComposeReadResult(file: nil)  // an empty compose file defines nothing
        }
        // A YAML file named on the command line is read as what its top level says it is; a file named like a
        // compose file is a compose file, and its mistakes are reported as such.
        if ConfigPaths.kind(of: source.path) != .compose {
            let kind = YAMLInputKind.of(firstRoot)
            if kind == .collector { return ComposeReadResult(file: nil, collector: CollectorConfigReader.read(source, documents: documents)) }
            if kind == .kubernetes { return ComposeReadResult(file: nil, kubernetes: KubernetesManifestReader.read(source, documents: documents)) }
            if kind == .sdkConfiguration { return ComposeReadResult(file: nil, sdkConfig: SDKConfigFile.read(source, documents: documents)) }
            if let reason = kind.notCheckedReason { return ComposeReadResult(file: nil, notCompose: reason) }
        }
        var errors: [InputError] = []
        func problem(_ node: YAMLNode, _ message: String) {
            errors.append(InputError(path: source.path, position: source.lineColumn(at: node.range.start), message: message))
        }
        var mappings: [YAMLNode] = []
        for root in roots {
            guard root.mergedPairs != nil else {
                problem(root, "a compose file must be a mapping (with `services:`), found \(describe(root))")
                continue
            }
            for duplicate in root.duplicateKeys(skip: ComposeFileShape.isServiceEnvironment) {
                let firstLine = source.lineColumn(at: duplicate.first.range.start).line
                let name = duplicate.key.scalar ?? ""
                problem(duplicate.key, "`\(name)` is written twice in \(duplicate.path.isEmpty ? "the top level" : "`\(duplicate.mappingName)`") (first at line \(firstLine)): Compose refuses the file (mapping key \"\(name)\" already defined); keep one")
            }
            mappings.append(root)
        }
        guard let root = mappings.dropFirst().reduce(mappings.first, { merged, next in
            merged.map { ComposeDocuments.overlay($0, next, depth: 2) }
        }) else {
            return ComposeReadResult(file: nil, errors: errors)
        }
        var services: [ComposeService] = []
        if let servicesNode = root["services"], !servicesNode.isNull {
            if let pairs = servicesNode.mergedPairs {
                var seen = Set<String>()
                for pair in pairs {
                    guard let name = pair.key.scalar else { continue }
                    if name.hasPrefix("x-") { continue }
                    // A service written twice is an input error (above); its first definition is the one checked.
                    guard seen.insert(name).inserted else { continue }
                    if pair.value.isNull {
                        services.append(ComposeService(name: name, nameRange: pair.key.range, node: pair.value))
                        continue
                    }
                    guard pair.value.pairs != nil else {
                        problem(pair.value, "service `\(name)` must be a mapping, found \(describe(pair.value))")
                        continue
                    }
                    // The service as each document writes it, for the fields that merge per entry.
                    let definitions = mappings.count > 1
                        ? mappings.compactMap { $0["services"]?[name] }.filter { $0.pairs != nil } : [pair.value]
                    services.append(service(name: name, key: pair.key, node: pair.value, definitions: definitions,
                                            source: source, problem: problem))
                }
            } else {
                problem(servicesNode, "`services` must be a mapping of service names, found \(describe(servicesNode))")
            }
        }
        let extensions = (root.mergedPairs ?? []).filter { $0.key.scalar?.hasPrefix("x-") == true }
        return ComposeReadResult(file: ComposeFile(source: source, root: root,
                                                   services: services, extensions: extensions), errors: errors)
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

    /// `node` is the service after merging the file's documents; `definitions` are its mappings in each document
    /// (just `node` for a file of one document), from which `environment` merges per variable and `env_file` appends.
    private static func service(name: String, key: YAMLNode, node: YAMLNode, definitions: [YAMLNode], source: SourceFile,
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
        if let extends = node["extends"] {
            service.extends = extendsReference(extends, service: name, problem: problem)
        }
        for definition in definitions {
            if let environment = definition.pair("environment") {
                let (entries, style) = environmentEntries(environment.value, source: source, problem: problem)
                // A later document replaces a variable an earlier one set, as an override file does.
                let replaced = definitions.count > 1 ? Set(entries.map(\.key)) : []
                service.environment = service.environment.filter { !replaced.contains($0.key) } + entries
                service.environmentStyle = style ?? service.environmentStyle
            }
            if let envFile = definition["env_file"] {
                service.envFiles += envFileReferences(envFile, source: source, problem: problem)
            }
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
                    style: .mapping, isMerged: pair.isMerged, file: source))
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
                                                       entryRange: item.range, style: .list, isMerged: false, file: source))
            }
            return (entries, .list)
        }
        problem(node, "`environment` must be a mapping or a list, found \(describe(node))")
        return ([], nil)
    }

    /// `extends: base` or `extends: {service: base, file: common.yml}` (compose-spec: `service` is required).
    private static func extendsReference(_ node: YAMLNode, service: String, problem: (YAMLNode, String) -> Void) -> ComposeExtendsReference? {
        if let name = node.scalar, !node.isNull {
            return ComposeExtendsReference(service: name, file: nil, serviceRange: node.range, fileRange: nil)
        }
        guard node.pairs != nil else {
            problem(node, "`extends` of service `\(service)` must be a service name or a mapping with `service`, found \(describe(node))")
            return nil
        }
        guard let serviceNode = node["service"], let name = serviceNode.scalar, !serviceNode.isNull else {
            problem(node, "`extends` of service `\(service)` needs `service:`, the name of the service to extend")
            return nil
        }
        let fileNode = node["file"].flatMap { $0.isNull ? nil : $0 }
        return ComposeExtendsReference(service: name, file: fileNode?.scalar, serviceRange: serviceNode.range, fileRange: fileNode?.range)
    }

    private static func envFileReferences(_ node: YAMLNode, source: SourceFile, problem: (YAMLNode, String) -> Void) -> [EnvFileReference] {
        let items = node.sequence ?? [node]
        var references: [EnvFileReference] = []
        for item in items {
            if let path = item.scalar, !item.isNull {
                references.append(EnvFileReference(path: path, resolvedPath: nil, required: true, range: item.range, file: source))
            } else if let pathNode = item["path"], let path = pathNode.scalar {
                // Long form: `required` defaults to true.
                let required = item["required"]?.scalar.map { $0.lowercased() != "false" } ?? true
                references.append(EnvFileReference(path: path, resolvedPath: nil, required: required, range: pathNode.range, file: source))
            } else {
                problem(item, "an `env_file` entry must be a path or a mapping with `path`, found \(describe(item))")
            }
        }
        return references
    }
}
