import OTLintCore
import OTLintYAML

/// One container of a workload as a process: where it is written and how its `$(VAR)` references resolve.
public struct KubernetesProcess: Sendable {
    public var source: SourceFile
    public var workload: KubernetesWorkload
    public var container: KubernetesContainer
    /// Every `$(VAR)` of the container's `env:` values, with what the kubelet makes of it.
    var references: [KubernetesReference] = []

    /// "container `api` of Deployment `shop`".
    public var displayName: String {
        "container \(container.name.map { "`\($0)`" } ?? "(unnamed)") of \(workload.displayName)"
    }
}

/// A `$(NAME)` in a container's `env:` value and what the kubelet resolves it to.
struct KubernetesReference: Sendable {
    enum Resolution: Sendable {
        /// An earlier `env:` entry or an `envFrom` source defines it: expanded.
        case defined
        /// An `envFrom` source otlint cannot read (a Secret, a ConfigMap not in the files), a service-link variable
        /// or a variable the kubelet adds: may be expanded.
        case maybeDefined
        /// Defined only by a later entry of the same list: left as written.
        case definedLater(KubernetesEnvEntry)
        /// Defined nowhere: left as written.
        case undefined
    }
    var entry: KubernetesEnvEntry
    var name: String
    /// Where `$(NAME)` is written in the file.
    var range: ByteRange
    var resolution: Resolution
}

/// Builds a container's environment in the kubelet's order: every `envFrom` source, then `env:` entries in order
/// (each may refer to what comes before it), later definitions winning.
enum KubernetesEnvironment {
    /// The definitions of the container and whether part of its environment is in something otlint cannot read.
    static func build(_ process: inout KubernetesProcess, configMaps: [String: KubernetesConfigMap]) -> (definitions: [VariableDefinition], isIncomplete: Bool) {
        var definitions: [VariableDefinition] = []
        var bindings: [String: KubernetesEnvExpansion.Binding] = [:]
        var isIncomplete = false
        for source in process.container.envFrom {
            guard source.kind == .configMap, let name = source.name, let map = configMaps[name] else {
                isIncomplete = true
                continue
            }
            for (key, value) in map.entries {
                guard let keyText = key.scalar else { continue }
                let name = source.prefix + keyText
                let text = value.scalar
                let site = ComposeParser.content(of: value, in: map.source).map {
                    ValueSite(file: map.source, range: value.range, editableRange: $0.verbatim ? $0.range : nil)
                }
                definitions.append(VariableDefinition(
                    name: name, value: text, source: .kubernetesConfigMap, file: map.source, keyRange: key.range,
                    keyIsExact: source.prefix.isEmpty && map.source.slice(key.range) == keyText, writtenSite: site,
                    entryRange: ByteRange(key.range.start, value.range.end)))
                bindings[name] = text.map(KubernetesEnvExpansion.Binding.known) ?? .unknown
            }
        }
        let env = process.container.env
        for (index, entry) in env.enumerated() {
            var value: String?
            var site: ValueSite?
            if let node = entry.value, let raw = node.scalar {
                let content = ComposeParser.content(of: node, in: process.source)
                let expansion = KubernetesEnvExpansion.expand(raw) { name in
                    bindings[name] ?? (isIncomplete || isKubeletVariable(name) ? .unknown : nil)
                }
                value = expansion.text
                let isLiteral = expansion.references.isEmpty && !raw.containsText("$$")
                site = ValueSite(file: process.source, range: node.range, editableRange: content?.verbatim == true && isLiteral ? content?.range : nil)
                for reference in expansion.references {
                    let resolution: KubernetesReference.Resolution
                    if bindings[reference.name] != nil { resolution = .defined }
                    else if isIncomplete || isKubeletVariable(reference.name) { resolution = .maybeDefined }
                    else if let later = env[(index + 1)...].first(where: { $0.name == reference.name }) { resolution = .definedLater(later) }
                    else { resolution = .undefined }
                    var written = node.range
                    if let content, content.verbatim {
                        written = ByteRange(content.range.start + reference.range.lowerBound, content.range.start + reference.range.upperBound)
                    }
                    process.references.append(KubernetesReference(entry: entry, name: reference.name, range: written, resolution: resolution))
                }
            } else if entry.valueFrom == nil {
                value = ""  // `name:` alone sets the variable to the empty string
            }
            definitions.append(VariableDefinition(
                name: entry.name, value: value, source: .kubernetesEnv, file: process.source, keyRange: entry.nameRange,
                keyIsExact: process.source.slice(entry.nameRange) == entry.name, writtenSite: site, entryRange: entry.itemRange))
            bindings[entry.name] = value.map(KubernetesEnvExpansion.Binding.known) ?? .unknown
        }
        return (definitions, isIncomplete)
    }

    /// Variables the kubelet may add that no manifest lists: service links (`<SERVICE>_SERVICE_HOST`,
    /// `<SERVICE>_PORT_<N>_TCP_ADDR`, …) of every Service in the namespace.
    static func isKubeletVariable(_ name: String) -> Bool {
        name.hasSuffix("_SERVICE_HOST") || name.containsText("_SERVICE_PORT") || name.containsText("_PORT_") || name.hasSuffix("_PORT")
    }
}
