import OTLintCore

/// OTL209: telemetry exported in plaintext to a remote host by a process that runs in production: an `http://`
/// endpoint, an insecure gRPC connection in code, or `OTEL_EXPORTER_OTLP_INSECURE=true` for a gRPC endpoint without
/// scheme.
///
/// A host is remote when `HostClassification` puts it on the public internet and it is no name of the process's
/// own compose project. A deployment is judged when its tier is production; code applies in every tier, production
/// included, unless it is guarded (`#if DEBUG`, a branch on the environment).
struct InsecureRemoteExportRule: SettingsRule {
    static let id = "OTL209"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A base endpoint serves several signals: one finding per place, whichever signal finds it first.
        var reported: Set<SourceLocation> = []
        for endpoint in process.endpoints where runsInProduction(endpoint.setting, of: process) {
            guard let value = endpoint.setting.value, let url = EndpointURL(value), url.userInfoRange == nil,
                  HostClassification.classify(url.hostName).isRemote, !process.projectHostNames.contains(url.host.lowercased()) else { continue }
            for use in endpoint.uses {
                guard let diagnostic = check(endpoint, url: url, use: use, process: process),
                      reported.insert(diagnostic.location).inserted else { continue }
                diagnostics.append(diagnostic)
            }
            if let use = endpoint.uses.first {
                diagnostics += endpoint.tlsWeaknesses.map { weakened($0, endpoint: endpoint, url: url, use: use, process: process) }
            }
        }
        return diagnostics
    }

    /// A TLS setting next to the endpoint that switches encryption off or weakens it.
    private func weakened(_ weakness: TLSWeakness, endpoint: EndpointSetting, url: EndpointURL, use: EndpointUse,
                          process: TelemetryProcess) -> Diagnostic {
        let setting = weakness.setting, host = url.host
        let credentials = use.headers.map { " with the headers of \($0.name) (often an API key)" } ?? ""
        let related = [RelatedLocation(location: endpoint.setting.location, message: "the remote endpoint")] + process.tier.related
        switch weakness.kind {
        case .plaintext:
            return setting.diagnostic(
                id, severity: use.headers == nil ? nil : .error,
                message: "\(setting.name) is `true`: telemetry goes unencrypted to the remote host `\(host)`\(credentials)",
                why: "\(evidence(process)); `insecure: true` turns TLS off, exposing every span, log and resource attribute\(use.headers == nil ? "" : " and the credentials in the headers") to anyone on the path",
                help: "remove `insecure: true` (TLS is the default) and use the endpoint's TLS port", related: related)
        case .unverifiedCertificate:
            return setting.diagnostic(
                id, message: "\(setting.name) is `true`: the exporter accepts any certificate from the remote host `\(host)`\(credentials)",
                why: "\(evidence(process)); without verification anyone on the path can present a certificate of their own and read or change the telemetry",
                help: "remove `insecure_skip_verify`; for a private certificate authority, name it with `ca_file`", related: related)
        case .outdatedVersion:
            return setting.diagnostic(
                id, message: "\(setting.name) allows TLS \(setting.value ?? "") to the remote host `\(host)`: versions below 1.2 have known weaknesses",
                why: "\(evidence(process)); TLS 1.0 and 1.1 are deprecated (RFC 8996), and a connection that may fall back to them is weaker than the 1.2 the collector requires by default",
                help: "remove `min_version` (the default is 1.2) or set it to `\"1.3\"`", related: related)
        }
    }

    private func runsInProduction(_ setting: Setting, of process: TelemetryProcess) -> Bool {
        process.purpose == .deployment ? process.tier.isProduction && !process.isTemplate : !setting.isGuarded
    }

    /// Why the process is judged as production, for the finding's "why".
    private func evidence(_ process: TelemetryProcess) -> String {
        process.purpose == .deployment
            ? "the scope is production: \(process.tier.explanation)"
            : "code that is not guarded by `#if DEBUG` or an environment check runs in every deployment, production included"
    }

    private func check(_ endpoint: EndpointSetting, url: EndpointURL, use: EndpointUse, process: TelemetryProcess) -> Diagnostic? {
        let setting = endpoint.setting, name = setting.name, host = url.host
        let credentials = use.headers.map { " with the headers of \($0.name) (often an API key)" } ?? ""
        let severity: Severity? = use.headers == nil ? nil : .error
        let exposed = use.headers == nil ? "" : " and the credentials in the headers"
        let related = process.tier.related
        if endpoint.explicitlyPlaintext == true {
            let help = endpoint.shape == .host
                ? "connect with TLS: `ClientConnection.usingPlatformAppropriateTLS(for: group).connect(host: \"\(host)\", port: ...)`"
                : "turn the insecure connection off and use an `https://` endpoint"
            return setting.diagnostic(
                id, severity: severity, message: "\(name) sends telemetry unencrypted (an insecure connection) to the remote host `\(host)`\(credentials)",
                why: "\(evidence(process)); plaintext export over the internet exposes every span, log and resource attribute\(exposed) to anyone on the path",
                help: help, related: related)
        }
        if endpoint.explicitlyPlaintext == nil, url.scheme == "http" {
            let scheme = 0..<4
            let fix = setting.edit(inValue: scheme, "https").map {
                Fix(title: "export over TLS: `https://`", edits: [$0], applicability: .unsafe)
            }
            return setting.diagnostic(
                id, severity: severity, message: "\(name) sends telemetry unencrypted (`http://`) to the remote host `\(host)`\(credentials)",
                at: setting.location(ofValueBytes: scheme),
                why: "\(evidence(process)); plaintext export over the internet exposes every span, log and resource attribute\(exposed) to anyone on the path",
                help: "use `https://` (most vendors serve OTLP over TLS on 443 or 4317/4318), or export to a local collector that forwards over TLS",
                related: related, fix: fix)
        }
        // A gRPC endpoint without scheme is plaintext when the insecure variable says so.
        guard url.scheme == nil, let insecure = use.insecure, insecure.value?.blankTrimmed.lowercased() == "true" else { return nil }
        return insecure.diagnostic(
            id, severity: severity, message: "`\(insecure.origin.variableName ?? "")=true` sends telemetry unencrypted to the remote host `\(host)`\(credentials)",
            why: "\(evidence(process)); without a scheme the gRPC exporter uses plaintext when \(insecure.name) is true, exposing the data on the way",
            help: "remove \(insecure.name) and write the endpoint as `https://\(setting.value ?? "")`",
            related: [RelatedLocation(location: setting.location, message: "the remote endpoint")] + related)
    }
}
