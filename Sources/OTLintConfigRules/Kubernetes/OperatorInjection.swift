#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the OpenTelemetry Operator injects into a pod, read from its annotations
/// (`instrumentation.opentelemetry.io/inject-<language>`): the Operator adds the SDK or agent and sets the
/// `OTEL_*` variables of the `Instrumentation` it names, so part of the pod's settings are in that resource.
/// opentelemetry-operator, "Auto-instrumentation injection".
struct OperatorInjection {
    /// The languages an `inject-` annotation can name.
    static let languages = ["java", "nodejs", "python", "dotnet", "go", "apache-httpd", "nginx", "sdk"]
    static let prefix = "instrumentation.opentelemetry.io/inject-"

    var annotation: KubernetesAnnotation
    var language: String
    /// The `Instrumentation` named by the value: nil for `"true"` (the only one in the namespace), else
    /// `name` or `namespace/name`.
    var instrumentation: (namespace: String?, name: String)?

    /// The first injection the pod template's annotations ask for (`"false"` asks for none).
    init?(_ workload: KubernetesWorkload) {
        guard let found = workload.podAnnotations.lazy.compactMap(OperatorInjection.init).first else { return nil }
        self = found
    }

    init?(_ annotation: KubernetesAnnotation) {
        guard annotation.key.hasPrefix(OperatorInjection.prefix) else { return nil }
        let language = String(annotation.key.dropFirst(OperatorInjection.prefix.count))
        let value = annotation.value.blankTrimmed
        guard OperatorInjection.languages.contains(language), value.lowercased() != "false", !value.isEmpty else { return nil }
        self.annotation = annotation
        self.language = language
        if value.lowercased() == "true" {
            instrumentation = nil
        } else if let slash = value.firstIndex(of: "/") {
            instrumentation = (String(value[..<slash]), String(value[value.index(after: slash)...]))
        } else {
            instrumentation = (nil, value)
        }
    }
}
