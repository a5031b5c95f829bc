import OTLintCore
import OTLintYAML

/// A Kubernetes manifest file: every object of its YAML documents (a `kind: List` contributes its `items`).
public struct KubernetesManifest: Sendable {
    public var source: SourceFile
    public var objects: [KubernetesObject]
    /// The OpenTelemetry Operator's `Instrumentation` resources among them.
    var instrumentations: [OperatorInstrumentation] = []

    /// The workloads (objects that run containers) of the file.
    var workloads: [KubernetesWorkload] { objects.compactMap(\.workload) }
}

/// One object of a manifest: its kind, name, namespace and the node it is written in.
public struct KubernetesObject: Sendable {
    public var kind: String
    public var apiVersion: String
    public var name: String?
    /// `metadata.namespace` as written; nil when the object takes the namespace it is applied to.
    public var namespace: String?
    public var namespaceRange: ByteRange?
    public var node: YAMLNode
    /// The `kind:` value, to anchor findings about the object as a whole.
    public var kindRange: ByteRange
    /// `metadata.annotations` of the object itself.
    public var annotations: [KubernetesAnnotation]
    /// Set for the kinds that run containers.
    public var workload: KubernetesWorkload?
}

/// A `key: value` annotation with where it is written.
public struct KubernetesAnnotation: Sendable {
    public var key: String
    public var value: String
    public var keyRange: ByteRange
    public var valueRange: ByteRange
    public var valueNode: YAMLNode
}

/// An object whose pod template (or pod spec) runs containers: `Deployment`, `StatefulSet`, `DaemonSet`,
/// `ReplicaSet`, `Job`, `CronJob`, `Pod`.
public struct KubernetesWorkload: Sendable {
    /// The manifest file it is written in.
    public var source: SourceFile
    public var kind: String
    public var name: String?
    public var namespace: String?
    public var namespaceRange: ByteRange?
    public var kindRange: ByteRange
    /// The annotations of the pod template's metadata (of the object itself for a `Pod`): where the Operator reads them.
    public var podAnnotations: [KubernetesAnnotation]
    /// The annotations of the workload's own metadata (none for a `Pod`, whose own are its pod annotations).
    public var workloadAnnotations: [KubernetesAnnotation]
    /// `initContainers` first, then `containers`, in file order.
    public var containers: [KubernetesContainer]

    /// "Deployment `shop`".
    public var displayName: String { name.map { "\(kind) `\($0)`" } ?? kind }
}

/// One container of a pod: a process with its own environment.
public struct KubernetesContainer: Sendable {
    public var name: String?
    public var nameRange: ByteRange
    public var isInit: Bool
    public var image: String?
    /// `env:` in list order: a `$(VAR)` reference resolves only against earlier entries (and `envFrom`).
    public var env: [KubernetesEnvEntry]
    public var envFrom: [KubernetesEnvSource]
    /// `command:` and `args:` as written (each a list of strings), for launch rules.
    public var command: [String]?
    public var args: [String]?
    /// Where `command:` is written.
    public var commandNode: YAMLNode?
    public var argsNode: YAMLNode?
}

/// One item of a container's `env:` list.
public struct KubernetesEnvEntry: Sendable {
    public var name: String
    public var nameRange: ByteRange
    /// `value:`; nil when the entry has none (then it is `valueFrom` or empty).
    public var value: YAMLNode?
    /// What `valueFrom` refers to, when the entry takes its value from elsewhere.
    public var valueFrom: ValueReference?
    /// The whole list item.
    public var itemRange: ByteRange

    /// Where a `valueFrom` value comes from: known to be set, never known as text.
    public enum ValueReference: Sendable, Equatable {
        case secret(name: String?, key: String?)
        case configMap(name: String?, key: String?)
        /// The downward API: `fieldRef` (`status.podIP`, `metadata.name`) or `resourceFieldRef`.
        case field(String?)
        case other
    }
}

/// One item of a container's `envFrom:` list.
public struct KubernetesEnvSource: Sendable {
    public enum Kind: Sendable, Equatable { case configMap, secret }
    public var kind: Kind
    public var name: String?
    /// A prefix added to every key (`prefix:`).
    public var prefix: String
}

/// A `ConfigMap`'s `data:` entries, which `envFrom` turns into variables.
public struct KubernetesConfigMap: Sendable {
    public var name: String
    public var namespace: String?
    public var source: SourceFile
    public var entries: [(key: YAMLNode, value: YAMLNode)]
}
