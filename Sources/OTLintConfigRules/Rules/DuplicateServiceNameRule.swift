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

    /// One finding per shared name, on the second service that reports it, with every other one as a note.
    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let merged = variant.service(named: service.name), merged.facts.configuresTelemetry,
                  let reported = merged.facts.reportedName, let position = variant.position(of: merged.name),
                  let positions = variant.index.byReportedName[reported.name], let firstPosition = positions.first
            else { continue }
            let first = variant.services[firstPosition]
            let colliding = positions.dropFirst().map { variant.services[$0] }.filter { Self.collide(first, $0) }
            // The finding belongs to the first service that collides with the first one to report the name.
            guard colliding.first?.name == merged.name, let firstReported = first.facts.reportedName else { continue }
            let others = colliding.dropFirst()
            let sameSite = firstReported.definition.valueLocation == reported.definition.valueLocation
            // A name shared through one env file or `<<: *anchor` is written once: point at the service instead.
            let location = sameSite ? merged.primary.file.source.location(merged.primary.service.nameRange) : reported.definition.valueLocation
            let isReplica = colliding.allSatisfy { Self.sameWorkload(first, $0) }
            let names = ([first] + colliding).map { "`\($0.name)`" }
            let listed = names.dropLast().joined(separator: ", ") + " and " + names.last!
            let help = isReplica
                ? "these services run the same image: define one service with `deploy.replicas`, or give each copy a distinct `service.instance.id` (or a distinct name) in `OTEL_RESOURCE_ATTRIBUTES`"
                : "give each service its own name, e.g. `OTEL_SERVICE_NAME=\(merged.name)`"
            let notes = [RelatedLocation(location: firstReported.definition.valueLocation, message: "`\(first.name)` reports `\(reported.name)` here")]
                + others.compactMap { other in
                    other.facts.reportedName.map { RelatedLocation(location: $0.definition.valueLocation, message: "`\(other.name)` reports `\(reported.name)` here") }
                }
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "services \(listed) \(names.count == 2 ? "both" : "all") report the service name `\(reported.name)`: their telemetry is mixed into one service",
                location: location,
                why: "backends group traces, metrics and service maps by `service.name`; \(names.count) compose services reporting `\(reported.name)` look like one service\(isReplica ? " (copies of one workload without `service.instance.id` also collide in metrics)" : "")",
                help: help,
                related: notes + reported.definition.valueRelated))
        }
        return diagnostics
    }

    /// Whether two services reporting one name end up as one service in a backend. Not when they tell their copies
    /// apart by `service.instance.id`, nor when each sends to hosts the other never sends to (two backends, or two
    /// collectors whose destinations otlint cannot follow): a name used once per backend collides nowhere. Nor when
    /// both publish the same host port: Compose cannot start them together, so they are alternatives run one at a
    /// time (variants of one test, one implementation per language). Nor when one of them sends nowhere (console
    /// output, no endpoint).
    private static func collide(_ lhs: MergedComposeService, _ rhs: MergedComposeService) -> Bool {
        if let left = instanceID(lhs.scope), let right = instanceID(rhs.scope), left != right { return false }
        if publishSamePort(lhs, rhs) || sendsNowhere(lhs) || sendsNowhere(rhs) { return false }
        let leftHosts = Set(EndpointTarget.all(in: lhs.scope).map(\.host)), rightHosts = Set(EndpointTarget.all(in: rhs.scope).map(\.host))
        if !leftHosts.isEmpty, !rightHosts.isEmpty, leftHosts.isDisjoint(with: rightHosts) { return false }
        return true
    }

    /// A host port both services publish on a common address (`8090:8090` and `127.0.0.1:8090:80`).
    private static func publishSamePort(_ lhs: MergedComposeService, _ rhs: MergedComposeService) -> Bool {
        let left = lhs.ports.compactMap { ComposePorts.hostBinding($0.text) }, right = rhs.ports.compactMap { ComposePorts.hostBinding($0.text) }
        return left.contains { port in right.contains { $0.conflicts(with: port) } }
    }

    private static func instanceID(_ scope: EnvironmentScope) -> String? {
        guard let value = scope.setting("OTEL_RESOURCE_ATTRIBUTES")?.value else { return nil }
        return ResourceAttributes.parse(value).last { $0.key == "service.instance.id" }?.value
    }

    /// Two services built from the same image or build context: copies of one workload.
    private static func sameWorkload(_ lhs: MergedComposeService, _ rhs: MergedComposeService) -> Bool {
        // One image run with another command is another program (a web server and its queue worker).
        guard ContainerLaunch.of(lhs.scope)?.words == ContainerLaunch.of(rhs.scope)?.words else { return false }
        if let left = lhs.image?.text, left == rhs.image?.text { return true }
        if let left = lhs.buildContext?.text, left == rhs.buildContext?.text { return true }
        return false
    }

    /// Telemetry that reaches no backend: no endpoint is set, so OTLP goes to the container's own `localhost`, and
    /// every exporter that is named prints (`console`), is off (`none`) or is that OTLP default.
    private static func sendsNowhere(_ service: MergedComposeService) -> Bool {
        EndpointTarget.all(in: service.scope).isEmpty && service.scope.exportsOnly(to: EnvironmentScope.localExporters.union(["otlp"]))
    }
}
