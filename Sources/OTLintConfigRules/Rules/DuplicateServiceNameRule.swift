import OTLintCore

/// OTL305: two services of one compose project report the same service name, so their telemetry is mixed in
/// one service in every backend.
struct DuplicateServiceNameRule: ScopeRule {
    static let id = "OTL305"

    /// The service name a scope reports and where it is written: `OTEL_SERVICE_NAME` wins over `service.name`
    /// in `OTEL_RESOURCE_ATTRIBUTES` (spec). Nil when unset or unknown.
    static func reportedName(_ scope: EnvironmentScope) -> (name: String, definition: VariableDefinition)? {
        if let definition = scope.setting("OTEL_SERVICE_NAME") {
            guard let value = definition.value?.blankTrimmed, !value.isEmpty else { return nil }
            return (value, definition)
        }
        if let definition = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = definition.value,
           let name = ResourceAttributes.parse(value).last(where: { $0.key == "service.name" })?.value, !name.isEmpty {
            return (name, definition)
        }
        return nil
    }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let merged = variant.service(named: service.name), merged.facts.configuresTelemetry,
                  let reported = merged.facts.reportedName else { continue }
            // Report on every service after the first one that uses the name, pointing back at the first.
            guard let firstPosition = variant.index.firstByReportedName[reported.name],
                  let position = variant.position(of: merged.name), firstPosition < position else { continue }
            let first = variant.services[firstPosition]
            guard let firstReported = first.facts.reportedName else { continue }
            // Instances of one service told apart by `service.instance.id` are what the name is for.
            if let left = Self.instanceID(first.scope), let right = Self.instanceID(merged.scope), left != right { continue }
            let sameSite = firstReported.definition.valueLocation == reported.definition.valueLocation
            // A name shared through one env file or `<<: *anchor` is written once: point at the service instead.
            let location = sameSite ? merged.primary.file.source.location(merged.primary.service.nameRange) : reported.definition.valueLocation
            let isReplica = Self.sameWorkload(first, merged)
            let help = isReplica
                ? "`\(first.name)` and `\(merged.name)` run the same image: define one service with `deploy.replicas`, or keep both and give each a distinct `service.instance.id` (or a distinct name) in `OTEL_RESOURCE_ATTRIBUTES`"
                : "give `\(merged.name)` its own name, e.g. `OTEL_SERVICE_NAME=\(merged.name)`"
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "services `\(first.name)` and `\(merged.name)` both report the service name `\(reported.name)`: their telemetry is mixed into one service",
                location: location,
                why: "backends group traces, metrics and service maps by `service.name`; two compose services reporting `\(reported.name)` look like one service\(isReplica ? " (two copies of one workload without `service.instance.id` also collide in metrics)" : "")",
                help: help,
                related: [RelatedLocation(location: firstReported.definition.valueLocation,
                                          message: "`\(first.name)` reports `\(reported.name)` here")] + reported.definition.valueRelated))
        }
        return diagnostics
    }

    private static func instanceID(_ scope: EnvironmentScope) -> String? {
        guard let value = scope.setting("OTEL_RESOURCE_ATTRIBUTES")?.value else { return nil }
        return ResourceAttributes.parse(value).last { $0.key == "service.instance.id" }?.value
    }

    /// Two services built from the same image or build context: copies of one workload.
    private static func sameWorkload(_ lhs: MergedComposeService, _ rhs: MergedComposeService) -> Bool {
        if let left = lhs.image?.text, left == rhs.image?.text { return true }
        if let left = lhs.buildContext?.text, left == rhs.buildContext?.text { return true }
        return false
    }
}
