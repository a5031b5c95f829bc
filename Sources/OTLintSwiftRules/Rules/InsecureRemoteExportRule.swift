import OTLintCore
import SwiftSyntax

/// OTL209 (Swift part): telemetry exported in plaintext to a host on the internet.
///
/// In code the deployment tier is unknown, so only hosts that certainly leave the machine, the private network and
/// the cluster are judged: names ending in a public top-level domain and public IP addresses. `collector`,
/// `otel-collector.observability`, `*.svc.cluster.local`, `localhost` and private addresses are never reported.
struct InsecureRemoteExportRule: SwiftRule {
    static let id = "OTL209"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for endpoint in model.exporterEndpoints {
            guard endpoint.isPlaintext, let host = endpoint.host, isPublicHostName(host) else { continue }
            let text = EndpointText(endpoint.value)
            var fix: Fix?
            var help: String
            if endpoint.explicitlyPlaintext == nil, text.hasAuthority, text.scheme?.lowercased() == "http",
               let content = contentRange(endpoint.literal),
               model.file.slice(ByteRange(content.start, min(content.start + 4, content.end))) == "http" {
                let schemeRange = ByteRange(content.start, content.start + 4)
                fix = Fix(
                    title: "use https",
                    edits: [TextEdit(path: model.file.path, range: schemeRange, replacement: "https")],
                    applicability: .unsafe
                )
                help = "use `https://` (the exporter then uses TLS); check that the receiver accepts TLS on that port"
            } else if endpoint.shape == .host {
                help = "connect with TLS: `ClientConnection.usingPlatformAppropriateTLS(for: group).connect(host: \"\(host)\", port: ...)`"
            } else {
                help = "turn the insecure connection off and use an `https://` endpoint"
            }
            diagnostics.append(model.diagnostic(
                "OTL209", at: endpoint.literal,
                message: "telemetry is exported without TLS to `\(host)`, a host on the internet",
                why: "\(endpoint.usage) sends spans (and any credentials in the exporter headers) in plaintext across networks you do not control",
                help: help, fix: fix
            ))
        }
        return diagnostics
    }
}
