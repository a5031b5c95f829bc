import OTLintCore
import OTLintYAML

/// OTL206: a compose service exports to a host it cannot reach: `localhost` (the container itself), or a name
/// that is no service, alias, `container_name` or `hostname` of the project (most often a typo).
struct UnreachableEndpointHostRule: ScopeRule {
    static let id = "OTL206"

    /// Hosts Docker resolves itself.
    static let dockerHosts: Set<String> = ["host.docker.internal", "gateway.docker.internal", "host-gateway", "kubernetes.docker.internal"]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let merged = variant.service(named: service.name) else { continue }
            diagnostics += check(merged, in: variant, project: project)
        }
        return diagnostics
    }

    private func check(_ service: MergedComposeService, in variant: ComposeProjectVariant, project: ConfigProject) -> [Diagnostic] {
        let targets = EndpointTarget.all(in: service.scope)
        guard !targets.isEmpty else { return [] }
        // `network_mode: host` / `service:x` / `container:x` share another network namespace: localhost and
        // names resolve there, not in the project network.
        if let mode = service.networkMode?.text.lowercased(), mode == "host" || mode.hasPrefix("service:") || mode.hasPrefix("container:") {
            return []
        }
        var diagnostics: [Diagnostic] = []
        for target in targets {
            if target.isLoopback {
                // A collector or backend forwarding to itself (or to a sidecar port) knows what it does.
                if TelemetryBackends.isBackend(service) { continue }
                // A collector is where applications send; backends behind it are the collector's business.
                // (Positions from the variant's index, the service itself left out; the finding only needs to know
                // whether there is exactly one, so at most two are taken.)
                let own = variant.position(of: service.name)
                let collectors = variant.index.collectors.lazy.filter { $0 != own }
                let receivers = collectors.isEmpty ? variant.index.otlpReceivers.lazy.filter { $0 != own } : collectors
                diagnostics.append(loopback(target, service: service, receivers: Array(receivers.prefix(2)), in: variant))
            } else if let diagnostic = unknownHost(target, service: service, variant: variant, project: project) {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// `receivers`: positions of up to two services the exporter could send to instead.
    private func loopback(_ target: EndpointTarget, service: MergedComposeService, receivers: [Int],
                          in variant: ComposeProjectVariant) -> Diagnostic {
        var fix: Fix?
        var help = "use the collector's service name as the host (containers of one compose project reach each other by service name), or set `network_mode: host` if the collector runs on the host"
        if receivers.count == 1, let receiver = receivers.first.map({ variant.services[$0] }) {
            help = "send to the `\(receiver.name)` service: replace `\(target.host)` with `\(receiver.name)`"
            if target.definition.isEditable,
               let site = target.definition.valueSite, let location = site.location(ofValueBytes: target.url.writtenHostRange) {
                fix = Fix(title: "send to `\(receiver.name)` instead of `\(target.host)`",
                          edits: [TextEdit(path: site.file.path, range: location.range, replacement: receiver.name)],
                          applicability: .unsafe)
            }
        }
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "service `\(service.name)` exports to `\(target.host)`, which inside its container is the container itself: the telemetry never reaches a collector",
            location: target.hostLocation,
            why: "each compose service runs in its own network namespace, so `\(target.host)` in `\(target.definition.name)` is the `\(service.name)` container, where nothing listens on port \(target.url.port.map(String.init) ?? "the default port")",
            help: help,
            related: target.definition.valueRelated,
            fix: fix)
    }

    private func unknownHost(_ target: EndpointTarget, service: MergedComposeService, variant: ComposeProjectVariant,
                             project: ConfigProject) -> Diagnostic? {
        let host = target.host
        // IP addresses, Docker's own names and anything with a dot (a real domain, a Kubernetes or internal zone
        // name) may well resolve: never judged.
        if target.isIPAddress || Self.dockerHosts.contains(host) || host.contains(".") || host.contains("%") { return nil }
        if variant.reachableNames.contains(host) || variant.index.knownHostNames.contains(host) { return nil }
        let limit = host.count >= 8 ? 2 : 1
        // The services nearest to the host, other than the service itself.
        let near = variant.index.nearNames.near(host, limit: limit, services: variant.services)
            .filter { variant.services[$0.position].name != service.name }
        let closest = near.map(\.distance).min()
        let best = near.filter { $0.distance == closest }.map { (name: variant.services[$0.position].name, distance: $0.distance) }
        if best.count == 1, let nearest = best.first {
            var fix: Fix?
            if target.definition.isEditable,
               let site = target.definition.valueSite, let location = site.location(ofValueBytes: target.url.writtenHostRange) {
                // One edit away from exactly one service: obviously what was meant.
                fix = Fix(title: "use the service name `\(nearest.name)`",
                          edits: [TextEdit(path: site.file.path, range: location.range, replacement: nearest.name)],
                          applicability: nearest.distance == 1 ? .safe : .unsafe)
            }
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "service `\(service.name)` exports to host `\(host)`, which is no service of this compose project; did you mean `\(nearest.name)`?",
                location: target.hostLocation,
                why: "`\(target.definition.name)` names `\(host)`, but the project (\(variant.displayName)) has no service, network alias, `container_name` or `hostname` of that name, so the name does not resolve and every export fails",
                help: "replace `\(host)` with `\(nearest.name)`",
                related: target.definition.valueRelated, fix: fix)
        }
        // Not close to any service: the host is unknown rather than unreachable where the file is evidently a
        // fragment or the collector evidently runs elsewhere. It may live in another compose project on a shared
        // external network, in a file merged with this one (`-f a.yml -f b.yml`: another file of the folder defines
        // it, or this one names services it does not define), or, when the project runs no OTLP receiver at all,
        // in a set-up this project is added to (a test harness, a shared collector).
        if variant.index.usesExternalNetwork || variant.index.referencesMissingServices || variant.index.otlpReceivers.isEmpty {
            return nil
        }
        if project.composeFiles.contains(where: { file in
            file.directory == variant.directory && !variant.files.contains { $0.source.path == file.source.path } && file.hostNames.contains(host)
        }) {
            return nil
        }
        let candidates = variant.services.lazy.map(\.name).filter { $0 != service.name }.prefix(5)
        var diagnostic = Diagnostic(
            ruleID: id, severity: severity,
            message: "service `\(service.name)` exports to host `\(host)`, which is no service of this compose project",
            location: target.hostLocation,
            why: "`\(target.definition.name)` names `\(host)`, but the project (\(variant.displayName)) has no service, network alias, `container_name` or `hostname` of that name (it may be defined in another compose file)",
            help: candidates.isEmpty ? "add the collector as a service, or point the endpoint at a host that resolves"
                : "point the endpoint at one of the project's services (\(candidates.map { "`\($0)`" }.joined(separator: ", ")))",
            related: target.definition.valueRelated)
        diagnostic.severity = .info
        return diagnostic
    }
}
