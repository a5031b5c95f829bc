import OTLintCore
import OTLintYAML

/// The OpenTelemetry Operator's `Instrumentation` resource: the settings it injects into every pod whose template
/// asks for it. The Operator sets a language's `env` first, then the common `spec.env`, then the variables of
/// `spec.exporter`, `spec.sampler` and `spec.propagators` where those did not set them; a container's own `env:`
/// wins over all of them (opentelemetry-operator, `pkg/instrumentation`).
struct OperatorInstrumentation: Sendable {
    /// The languages whose injection reads a section of the same name, and the resource's field for each.
    static let sections: [(language: String, field: String)] = [
        ("java", "java"), ("nodejs", "nodejs"), ("python", "python"), ("dotnet", "dotnet"), ("go", "go"),
        ("apache-httpd", "apacheHttpd"), ("nginx", "nginx"),
    ]

    var name: String
    var namespace: String?
    var namespaceRange: ByteRange?
    var source: SourceFile
    var kindRange: ByteRange
    var nameRange: ByteRange?
    var endpoint: YAMLNode?
    var samplerType: YAMLNode?
    var samplerArgument: YAMLNode?
    var propagators: [YAMLNode]
    /// `spec.env`.
    var env: [KubernetesEnvEntry]
    /// Language → `spec.<language>.env`, for the sections that are written.
    var languageEnv: [String: [KubernetesEnvEntry]]
    /// `spec.resource.resourceAttributes` as `key=value` pairs, for the tier.
    var resourceAttributes: [(key: String, value: String)]

    init?(_ object: KubernetesObject, source: SourceFile, problem: (YAMLNode, String) -> Void) {
        guard object.kind == "Instrumentation", object.apiVersion.hasPrefix("opentelemetry.io/"), let name = object.name else { return nil }
        self.name = name
        namespace = object.namespace
        namespaceRange = object.namespaceRange
        self.source = source
        kindRange = object.kindRange
        nameRange = object.node["metadata"]?["name"]?.range
        let spec = object.node["spec"]
        endpoint = spec?["exporter"]?["endpoint"].flatMap { $0.scalar != nil && !$0.isNull ? $0 : nil }
        samplerType = spec?["sampler"]?["type"].flatMap { $0.isNull ? nil : $0 }
        samplerArgument = spec?["sampler"]?["argument"].flatMap { $0.isNull ? nil : $0 }
        propagators = spec?["propagators"]?.sequence ?? []
        env = spec?["env"].map { KubernetesManifestReader.envEntries($0, problem: problem) } ?? []
        var languageEnv: [String: [KubernetesEnvEntry]] = [:]
        for (language, field) in Self.sections {
            guard let section = spec?[field], section.mergedPairs != nil else { continue }
            languageEnv[language] = section["env"].map { KubernetesManifestReader.envEntries($0, problem: problem) } ?? []
        }
        self.languageEnv = languageEnv
        resourceAttributes = (spec?["resource"]?["resourceAttributes"]?.mergedPairs ?? []).compactMap { pair in
            guard let key = pair.key.scalar, let value = pair.value.scalar else { return nil }
            return (key, value)
        }
    }

    /// "`Instrumentation` `my-instrumentation`".
    var displayName: String { "`Instrumentation` `\(name)`" }
}

/// The settings one `Instrumentation` injects into the pods of one language.
public struct InstrumentationProcess: Sendable {
    var instrumentation: OperatorInstrumentation
    /// The injected language, when known (a pod of the files asks for it, or the resource has its section).
    var language: String?
    /// Why the language is known: the annotation that asks for it, or the section.
    var languageEvidence: RelatedLocation?

    public var displayName: String {
        language.map { "the \($0) pods of \(instrumentation.displayName)" } ?? instrumentation.displayName
    }
}
