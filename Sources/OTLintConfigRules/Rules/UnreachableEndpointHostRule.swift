import OTLintCore
import OTLintYAML

/// OTL206: a compose service exports to a host it cannot reach: `localhost` (the container itself), or a name
/// that is no service, alias, `container_name` or `hostname` of the project (most often a typo). A collector's
/// exporters are judged the same way, from the compose service that runs the collector.
struct UnreachableEndpointHostRule: ScopeRule {
    static let id = "OTL206"

    /// Hosts Docker resolves itself.
    static let dockerHosts: Set<String> = ["host.docker.internal", "gateway.docker.internal", "host-gateway", "kubernetes.docker.internal"]

    /// Who sends: a service's SDK, or an exporter of the collector a service runs.
    private struct Sender {
        var service: MergedComposeService
        /// "service `api`", "exporter `otlp/jaeger` of service `otel-collector`".
        var description: String
        /// Where the telemetry should have gone: "a collector", "its backend".
        var destination: String
        var isCollector: Bool
        /// Whether an endpoint on `localhost` is a mistake: not for a backend forwarding to itself or to a sidecar
        /// port, which knows what it does; always for an official collector image, which runs nothing else.
        var judgesLoopback: Bool
    }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard case .composeService(let file, let service) = scope.kind else { return [] }
        var diagnostics: [Diagnostic] = []
        for variant in project.composeVariants(including: file.source.path) {
            guard let merged = variant.service(named: service.name) else { continue }
            let sender = Sender(service: merged, description: "service `\(merged.name)`", destination: "a collector", isCollector: false,
                                judgesLoopback: !TelemetryBackends.isBackend(merged))
            diagnostics += check(EndpointTarget.all(in: merged.scope), from: sender, in: variant, project: project)
        }
        return diagnostics
    }

    /// The exporter endpoints of a collector that a compose service runs (`CollectorEndpoints`).
    func check(_ endpoints: [EndpointSetting], of collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment else { return [] }
        return endpoints.flatMap { endpoint -> [Diagnostic] in
            guard !endpoint.uses.isEmpty, let target = EndpointTarget(endpoint.setting) else { return [] }
            let sender = Sender(service: deployment.service,
                                description: "exporter `\(endpoint.setting.origin.collectorComponent ?? "")` of service `\(deployment.service.name)`",
                                destination: "its backend", isCollector: true, judgesLoopback: deployment.image != nil)
            return check([target], from: sender, in: deployment.variant, project: project)
        }
    }

    private func check(_ targets: [EndpointTarget], from sender: Sender, in variant: ComposeProjectVariant, project: ConfigProject) -> [Diagnostic] {
        guard !targets.isEmpty else { return [] }
        let service = sender.service
        // `network_mode: host` / `service:x` / `container:x` share another network namespace: localhost and
        // names resolve there, not in the project network.
        if let mode = service.networkMode?.text.lowercased(), mode == "host" || mode.hasPrefix("service:") || mode.hasPrefix("container:") {
            return []
        }
        var diagnostics: [Diagnostic] = []
        for target in targets {
            if target.isLoopback {
                // `extra_hosts: ["localhost:host-gateway"]` points the name somewhere else on purpose.
                guard sender.judgesLoopback, !service.extraHostNames.contains(target.host) else { continue }
                // A collector is where applications send; backends behind it are the collector's business.
                // (Positions from the variant's index, the service itself left out; the finding only needs to know
                // whether there is exactly one, so at most two are taken.)
                let own = variant.position(of: service.name)
                let collectors = variant.index.collectors.lazy.filter { $0 != own }
                let receivers = collectors.isEmpty || sender.isCollector ? variant.index.otlpReceivers.lazy.filter { $0 != own } : collectors
                diagnostics.append(loopback(target, from: sender, receivers: Array(receivers.prefix(2)), in: variant))
            } else if let diagnostic = unknownHost(target, from: sender, variant: variant, project: project) {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// `receivers`: positions of up to two services the exporter could send to instead.
    private func loopback(_ target: EndpointTarget, from sender: Sender, receivers: [Int], in variant: ComposeProjectVariant) -> Diagnostic {
        var fix: Fix?
        var help = "use the \(sender.isCollector ? "backend's" : "collector's") service name as the host (containers of one compose project reach each other by service name), or set `network_mode: host` if the \(sender.isCollector ? "backend" : "collector") runs on the host"
        if receivers.count == 1, let receiver = receivers.first.map({ variant.services[$0] }) {
            help = "send to the `\(receiver.name)` service: replace `\(target.host)` with `\(receiver.name)`"
            fix = target.hostEdit(receiver.name).map {
                Fix(title: "send to `\(receiver.name)` instead of `\(target.host)`", edits: [$0], applicability: .unsafe)
            }
        }
        let service = sender.service
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "\(sender.description) exports to `\(target.host)`, which inside its container is the container itself: the telemetry never reaches \(sender.destination)",
            location: target.hostLocation,
            why: "each compose service runs in its own network namespace, so `\(target.host)` in \(target.setting.name) is the `\(service.name)` container, where nothing listens on port \(target.url.port.map(String.init) ?? "the default port")",
            help: help,
            related: target.setting.related,
            fix: fix)
    }

    private func unknownHost(_ target: EndpointTarget, from sender: Sender, variant: ComposeProjectVariant, project: ConfigProject) -> Diagnostic? {
        let host = target.host, service = sender.service
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
            // One edit away from exactly one service: obviously what was meant.
            let fix = target.hostEdit(nearest.name).map {
                Fix(title: "use the service name `\(nearest.name)`", edits: [$0], applicability: nearest.distance == 1 ? .safe : .unsafe)
            }
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "\(sender.description) exports to host `\(host)`, which is no service of this compose project; did you mean `\(nearest.name)`?",
                location: target.hostLocation,
                why: "\(target.setting.name) names `\(host)`, but the project (\(variant.displayName)) has no service, network alias, `container_name` or `hostname` of that name, so the name does not resolve and every export fails",
                help: "replace `\(host)` with `\(nearest.name)`",
                related: target.setting.related, fix: fix)
        }
        // Not close to any service: the host is unknown rather than unreachable where the file is evidently a
        // fragment or the receiver evidently runs elsewhere. It may live in another compose project on a shared
        // external network, in a file merged with this one (`-f a.yml -f b.yml`: another file of the folder defines
        // it, or this one names services it does not define), or, when the project runs no other OTLP receiver, in
        // a set-up this project is added to (a test harness, a shared collector or backend).
        let own = variant.position(of: service.name)
        if variant.index.usesExternalNetwork || variant.index.referencesMissingServices || !variant.index.otlpReceivers.contains(where: { $0 != own }) {
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
            message: "\(sender.description) exports to host `\(host)`, which is no service of this compose project",
            location: target.hostLocation,
            why: "\(target.setting.name) names `\(host)`, but the project (\(variant.displayName)) has no service, network alias, `container_name` or `hostname` of that name (it may be defined in another compose file)",
            help: candidates.isEmpty ? "add the receiving service, or point the endpoint at a host that resolves"
                : "point the endpoint at one of the project's services (\(candidates.map { "`\($0)`" }.joined(separator: ", ")))",
            related: target.setting.related)
        diagnostic.severity = .info
        return diagnostic
    }
}
