import OTLintCore
import OTLintYAML

/// OTL712: a gRPC OTLP exporter to a plaintext receiver of the same compose project (Jaeger, Tempo, another
/// collector) without `tls: {insecure: true}`: the exporter starts a TLS handshake, which the plaintext server never
/// answers ("first record does not look like a TLS handshake"), and every export fails.
struct ExporterTLSMismatchRule: CollectorRule {
    static let id = "OTL712"

    /// TLS settings that show TLS is meant (certificates to present or to trust).
    static let tlsIntentKeys: Set<String> = ["insecure", "ca_file", "ca_pem", "cert_file", "cert_pem", "key_file", "key_pem", "insecure_skip_verify",
                                             "server_name_override", "include_system_ca_certs_pool"]

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard let deployment = collector.deployment else { return [] }
        let config = collector.config
        var found: [Diagnostic] = []
        for exporter in config.components(.exporter) where CollectorEndpoints.grpcExporterTypes.contains(exporter.type) {
            guard !config.uses(of: exporter).isEmpty, let endpointPair = exporter.settings.pair("endpoint"),
                  let text = endpointPair.value.scalar, !text.containsText("$"), !text.containsText("://"),
                  let (host, _) = ListeningEndpoint.hostAndPort(text) else { continue }
            let tls = exporter.settings["tls"]
            if let keys = tls?.mergedPairs?.compactMap(\.key.scalar), keys.contains(where: ExporterTLSMismatchRule.tlsIntentKeys.contains) { continue }
            // `insecure: true` beside `endpoint` instead of under `tls:`: OTL706 reports it, and moving it is the fix.
            if (exporter.settings.mergedPairs ?? []).contains(where: { $0.key.scalar.map(InvalidComponentSettingRule.tlsKeys.contains) == true }) { continue }
            guard let target = deployment.variant.services.first(where: { $0.name != deployment.service.name && $0.reachableNames.contains(host) }),
                  let image = target.image.flatMap({ ImageReference($0.text) }), ExporterTLSMismatchRule.isPlaintextReceiver(image),
                  !receivesWithTLS(target, in: deployment.variant, project: project) else { continue }
            var fix: Fix?
            if tls == nil, let edit = YAMLInsertion.siblings(["tls:", "\(String(repeating: " ", count: YAMLInsertion.indentationUnit(in: config.file, near: exporter.key)))insecure: true"],
                                                            after: endpointPair, in: config.file) {
                fix = Fix(title: "add `tls: {insecure: true}`", edits: [edit], applicability: .safe)
            }
            found.append(diagnostic(endpointPair.value, in: collector,
                                    message: "exporter `\(exporter.id)` connects to `\(text)` with TLS (the default), but service `\(target.name)` (`\(image.repository)`) receives OTLP in plaintext: the handshake fails and every export is lost",
                                    help: "add `tls: {insecure: true}` to `\(exporter.id)` for a plaintext connection inside the project's network (or enable TLS on the receiver)",
                                    related: [RelatedLocation(location: target.primary.file.source.location(target.primary.service.nameRange), message: "the receiving service")],
                                    fix: fix))
        }
        return found
    }

    /// Jaeger, Tempo, grafana/otel-lgtm and collector images listen for OTLP without TLS in their default setup.
    static func isPlaintextReceiver(_ image: ImageReference) -> Bool {
        image.repository.hasPrefix("jaegertracing/") || image.repository.hasSuffix("grafana/tempo") || image.repository.hasSuffix("grafana/otel-lgtm")
            || TelemetryBackends.isCollector(image) && !image.repository.hasPrefix("grafana/")
    }

    /// Whether a collector service of the project has a receiver with TLS settings (then TLS may well be meant).
    private func receivesWithTLS(_ service: MergedComposeService, in variant: ComposeProjectVariant, project: ConfigProject) -> Bool {
        project.collectors.contains { instance in
            guard let deployment = instance.deployment, deployment.variant.directory == variant.directory, deployment.service.name == service.name else { return false }
            return instance.config.components(.receiver).contains { receiver in
                (receiver.settings["protocols"]?.mergedPairs ?? []).contains { $0.value["tls"] != nil }
            }
        }
    }
}
