import OTLintCore
import OTLintYAML

/// Reads Kubernetes objects from parsed YAML documents. Never throws: a document or field of the wrong shape (which
/// `kubectl apply` would refuse) is an input error and the rest of the file still counts.
enum KubernetesManifestReader {
    /// The kinds whose pod template is at `spec.template` (a `CronJob`'s is one level deeper, a `Pod` is its own).
    static let templatedKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController", "Rollout"]

    static func read(_ source: SourceFile, documents: [YAMLDocument]) -> (KubernetesManifest, [InputError]) {
        var errors: [InputError] = []
        func problem(_ node: YAMLNode, _ message: String) {
            errors.append(InputError(path: source.path, position: source.lineColumn(at: node.range.start), message: message))
        }
        var objects: [KubernetesObject] = []
        func add(_ node: YAMLNode) {
            guard node.mergedPairs != nil else {
                problem(node, "a Kubernetes manifest document must be a mapping with `apiVersion` and `kind`, found \(ComposeParser.describe(node))")
                return
            }
            guard let kindNode = node["kind"], let kind = kindNode.scalar, !kindNode.isNull else {
                problem(node, "a Kubernetes object needs `kind` (and `apiVersion`); kubectl refuses this document")
                return
            }
            if kind == "List" || kind.hasSuffix("List"), let items = node["items"]?.sequence {
                items.forEach(add)
                return
            }
            objects.append(object(kind: kind, kindNode: kindNode, node: node, source: source, problem: problem))
        }
        for root in documents.compactMap(\.root) where !root.isNull { add(root) }
        let instrumentations = objects.compactMap { OperatorInstrumentation($0, source: source, problem: problem) }
        return (KubernetesManifest(source: source, objects: objects, instrumentations: instrumentations), errors)
    }

    private static func object(kind: String, kindNode: YAMLNode, node: YAMLNode, source: SourceFile,
                               problem: (YAMLNode, String) -> Void) -> KubernetesObject {
        let metadata = node["metadata"]
        var object = KubernetesObject(kind: kind, apiVersion: node["apiVersion"]?.scalar ?? "", name: text(metadata?["name"]),
                                      namespace: text(metadata?["namespace"]), namespaceRange: metadata?["namespace"]?.range, node: node, kindRange: kindNode.range,
                                      annotations: annotations(metadata))
        let template: YAMLNode?
        switch kind {
        case "Pod": template = node
        case "CronJob": template = node["spec"]?["jobTemplate"]?["spec"]?["template"]
        case _ where templatedKinds.contains(kind): template = node["spec"]?["template"]
        default: return object
        }
        guard let template, let podSpec = template["spec"], podSpec.mergedPairs != nil else { return object }
        var containers: [KubernetesContainer] = []
        for (field, isInit) in [("initContainers", true), ("containers", false)] {
            guard let list = podSpec[field], !list.isNull else { continue }
            guard let items = list.sequence else {
                problem(list, "`\(field)` must be a list of containers, found \(ComposeParser.describe(list))")
                continue
            }
            for item in items {
                guard item.mergedPairs != nil else {
                    problem(item, "a container in `\(field)` must be a mapping, found \(ComposeParser.describe(item))")
                    continue
                }
                containers.append(container(item, isInit: isInit, source: source, problem: problem))
            }
        }
        object.workload = KubernetesWorkload(
            source: source, kind: kind, name: object.name, namespace: object.namespace, namespaceRange: object.namespaceRange, kindRange: kindNode.range,
            podAnnotations: kind == "Pod" ? object.annotations : annotations(template["metadata"]),
            workloadAnnotations: kind == "Pod" ? [] : object.annotations, containers: containers)
        return object
    }

    private static func container(_ node: YAMLNode, isInit: Bool, source: SourceFile, problem: (YAMLNode, String) -> Void) -> KubernetesContainer {
        let env = node["env"].map { envEntries($0, problem: problem) } ?? []
        var envFrom: [KubernetesEnvSource] = []
        for item in node["envFrom"]?.sequence ?? [] {
            let prefix = item["prefix"]?.scalar ?? ""
            if let reference = item["configMapRef"] {
                envFrom.append(KubernetesEnvSource(kind: .configMap, name: text(reference["name"]), prefix: prefix))
            } else if let reference = item["secretRef"] {
                envFrom.append(KubernetesEnvSource(kind: .secret, name: text(reference["name"]), prefix: prefix))
            }
        }
        let nameNode = node["name"]
        return KubernetesContainer(name: text(nameNode), nameRange: nameNode?.range ?? node.range, isInit: isInit, image: text(node["image"]),
                                   env: env, envFrom: envFrom, command: words(node["command"]), args: words(node["args"]), commandNode: node["command"], argsNode: node["args"])
    }

    /// The entries of an `env:` list (of a container, or of an `Instrumentation`).
    static func envEntries(_ envNode: YAMLNode, problem: (YAMLNode, String) -> Void) -> [KubernetesEnvEntry] {
        guard !envNode.isNull else { return [] }
        guard let items = envNode.sequence else {
            problem(envNode, "`env` must be a list of `name:`/`value:` entries, found \(ComposeParser.describe(envNode))")
            return []
        }
        return items.compactMap { item in
            guard let nameNode = item["name"], let name = nameNode.scalar, !nameNode.isNull else {
                problem(item, "an `env:` entry needs `name:` (kubectl refuses it), found \(ComposeParser.describe(item))")
                return nil
            }
            let value = item["value"].flatMap { $0.scalar != nil ? $0 : nil }
            return KubernetesEnvEntry(name: name, nameRange: nameNode.range, value: value,
                                      valueFrom: item["valueFrom"].map(valueReference), itemRange: item.range)
        }
    }

    private static func valueReference(_ node: YAMLNode) -> KubernetesEnvEntry.ValueReference {
        if let secret = node["secretKeyRef"] { return .secret(name: text(secret["name"]), key: text(secret["key"])) }
        if let map = node["configMapKeyRef"] { return .configMap(name: text(map["name"]), key: text(map["key"])) }
        if let field = node["fieldRef"] { return .field(text(field["fieldPath"])) }
        if let resource = node["resourceFieldRef"] { return .field(text(resource["resource"])) }
        return .other
    }

    private static func annotations(_ metadata: YAMLNode?) -> [KubernetesAnnotation] {
        (metadata?["annotations"]?.mergedPairs ?? []).compactMap { pair in
            guard let key = pair.key.scalar, let value = pair.value.scalar else { return nil }
            return KubernetesAnnotation(key: key, value: value, keyRange: pair.key.range, valueRange: pair.value.range, valueNode: pair.value)
        }
    }

    private static func text(_ node: YAMLNode?) -> String? {
        guard let node, !node.isNull else { return nil }
        return node.scalar
    }

    private static func words(_ node: YAMLNode?) -> [String]? {
        node?.sequence?.compactMap(\.scalar)
    }
}

extension KubernetesManifest {
    /// The `ConfigMap`s of the file with their `data:` entries.
    var configMaps: [KubernetesConfigMap] {
        objects.compactMap { object in
            guard object.kind == "ConfigMap", let name = object.name else { return nil }
            let entries = (object.node["data"]?.mergedPairs ?? []).map { (key: $0.key, value: $0.value) }
            return KubernetesConfigMap(name: name, namespace: object.namespace, source: source, entries: entries)
        }
    }
}

extension KubernetesManifestReader {
    private static let requiredWords = ["apiVersion", "kind"].map { Array($0.utf8) }
    private static let relevantWords = ["OTEL_", "opentelemetry", "envFrom", "otlp"].map { Array($0.utf8) }

    /// Whether a YAML file found by walking a folder may be a manifest that matters to otlint: it writes `apiVersion`
    /// and `kind`, and an `OTEL_` variable, an OpenTelemetry annotation or resource, an `envFrom` or OTLP. Decided on
    /// the bytes, so the many YAML files of a repository that are none of these are never parsed.
    static func mayMatter(_ file: SourceFile) -> Bool {
        requiredWords.allSatisfy { ByteSearch.contains($0, in: file.bytes) }
            && relevantWords.contains { ByteSearch.contains($0, in: file.bytes) }
    }
}
