#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// What rules ask about all the services of a project variant, computed once per variant.
///
/// Every service's scope is checked against its variant; a rule that searched all services for each scope
/// would be quadratic in the number of services (5,000 services took minutes). The index answers those
/// questions with lookups instead.
struct ComposeVariantIndex: Sendable {
    /// Service name → position in the variant.
    var positions: [String: Int] = [:]
    /// Every name a container of the project reaches another one by (service names, aliases,
    /// `container_name`, `hostname`).
    var reachableNames = Set<String>()
    /// `reachableNames` in lower case, with the names of `extra_hosts` and `links` entries (OTL206).
    var knownHostNames = Set<String>()
    /// Positions of the services that receive OTLP, and of those among them that are collectors (OTL206).
    var otlpReceivers: [Int] = []
    var collectors: [Int] = []
    /// Reported service name → positions of the services that configure telemetry and report it, in variant order
    /// (OTL305).
    var byReportedName: [String: [Int]] = [:]
    /// The services whose propagation OTL604 compares, grouped by their trace formats (at most 32 groups):
    /// positions in variant order.
    var participantsByFormats: [Set<String>: [Int]] = [:]
    /// Whether a file of the variant declares an external network (containers of other projects join it).
    var usesExternalNetwork = false
    /// Host → the `OTEL_EXPORTER_OTLP_*` endpoints that name it, in variant and definition order, with the
    /// position of their service (OTL207 looks up who sends to a Jaeger service).
    var otlpTargetsByHost: [String: [(position: Int, order: Int, target: EndpointTarget)]] = [:]
    /// The variant names services it does not define (`depends_on`, `links`, `volumes_from`,
    /// `network_mode: service:…`): Compose refuses it alone, so it is a fragment merged with another file.
    var referencesMissingServices = false
    /// Service names within a small edit distance of a host, per host (OTL206's "did you mean").
    let nearNames = NearNamesCache()

    init(files: [ComposeFile], services: [MergedComposeService]) {
        for (position, service) in services.enumerated() {
            if positions[service.name] == nil { positions[service.name] = position }
            reachableNames.formUnion(service.facts.reachableNames)
            if service.facts.receivesOTLP {
                otlpReceivers.append(position)
                if service.facts.image.map(TelemetryBackends.isCollector) ?? false { collectors.append(position) }
            }
            if service.facts.configuresTelemetry, let reported = service.facts.reportedName {
                byReportedName[reported.name, default: []].append(position)
            }
            if let propagation = PropagatorMismatchRule.participant(service) {
                participantsByFormats[propagation.traceFormats, default: []].append(position)
            }
            for (order, target) in EndpointTarget.all(in: service.scope).enumerated()
            where target.setting.origin.variableName?.hasPrefix("OTEL_EXPORTER_OTLP_") == true {
                otlpTargetsByHost[target.host, default: []].append((position, order, target))
            }
        }
        knownHostNames = Set(reachableNames.map { $0.lowercased() })
        for service in services {
            knownHostNames.formUnion(service.extraHostNames)
            for (_, node) in service.listField("links") {
                guard let text = node.scalar else { continue }
                // `links: ["service:alias"]`: both names reach the service.
                for part in text.split(separator: ":") { knownHostNames.insert(String(part).lowercased()) }
            }
        }
        let defined = Set(services.map(\.name))
        referencesMissingServices = services.contains { service in
            var referenced = service.dependsOn
            for (_, node) in service.listField("links") + service.listField("volumes_from") {
                // `links: [service:alias]`, `volumes_from: [service:ro]`, `container:…` names a container, not a service.
                if let text = node.scalar, !text.hasPrefix("container:") { referenced.append(String(text.split(separator: ":")[0])) }
            }
            if let mode = service.networkMode?.text, mode.hasPrefix("service:") { referenced.append(String(mode.dropFirst(8))) }
            return referenced.contains { !defined.contains($0) }
        }
        usesExternalNetwork = files.contains { file in
            (file.root["networks"]?.mergedPairs ?? []).contains { pair in
                guard let external = pair.value["external"] else { return false }
                return external.scalar.map { $0.lowercased() == "true" } ?? !external.isNull
            }
        }
    }
}

/// The services whose lower-case name is within `limit` edits of a host, computed once per host and variant:
/// many services usually export to the same misspelled host, and each lookup is a pass over every service.
final class NearNamesCache: @unchecked Sendable {
    private let lock = Lock()
    private var byHost: [String: [(position: Int, distance: Int)]] = [:]

    /// Positions (in variant order) and distances of the services within `limit` edits of `host`.
    func near(_ host: String, limit: Int, services: [MergedComposeService]) -> [(position: Int, distance: Int)] {
        let key = "\(limit)\u{0}\(host)"
        lock.lock()
        if let cached = byHost[key] { lock.unlock(); return cached }
        lock.unlock()
        var found: [(position: Int, distance: Int)] = []
        for (position, service) in services.enumerated() {
            let distance = EditDistance.between(host, service.name.lowercased(), limit: limit)
            if distance <= limit { found.append((position, distance)) }
        }
        lock.lock()
        byHost[key] = found
        lock.unlock()
        return found
    }
}
