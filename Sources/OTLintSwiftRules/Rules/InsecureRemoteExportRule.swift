import OTLintCore
import SwiftSyntax

/// OTL209 (Swift): telemetry exported in plaintext to a host on the public internet.
///
/// In-cluster names (`otel-collector`, `*.svc`, `*.cluster.local`, `*.internal`, `*.local`), `localhost` and
/// private addresses are not reported: plaintext inside a private network is a deployment decision.
struct InsecureRemoteExportRule: SwiftRule {
    var ruleIDs: [String] { ["OTL209"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for endpoint in exporterEndpoints(in: model) {
            guard endpointParts(endpoint.value).scheme == "http", let host = host(of: endpoint.value), isPublic(host) else { continue }
            diagnostics.append(report(model, at: Syntax(endpoint.literal), host: host, how: "`http://`"))
        }
        // opentelemetry-swift gRPC: `ClientConnection.insecure(group:).connect(host: "…", port:)`.
        if model.ecosystems.contains(.openTelemetrySwift) {
            for call in model.tree.descendants(FunctionCallExprSyntax.self) where call.calleeName == "connect" {
                guard call.receiverChainContainsCall(named: ["insecure"]), let literal = call.argument("host")?.expression.as(StringLiteralExprSyntax.self),
                      let host = literal.representedLiteralValue, isPublic(host) else { continue }
                diagnostics.append(report(model, at: Syntax(literal), host: host, how: "`ClientConnection.insecure`"))
            }
        }
        return diagnostics
    }

    private func report(_ model: SwiftSourceModel, at node: Syntax, host: String, how: String) -> Diagnostic {
        model.diagnostic(
            "OTL209", at: node,
            message: "telemetry is exported in plaintext (\(how)) to `\(host)`, a host outside the private network",
            why: "spans, logs and metrics carry URLs, user identifiers and error messages, and exporter headers often carry an API key; on the internet all of it can be read and altered in transit",
            help: "use `https://` (TLS) for remote collectors and vendor endpoints"
        )
    }

    private func host(of url: String) -> String? {
        guard let start = url.range(of: "://")?.upperBound else { return nil }
        var authority = url[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }.dropFirst()) }
        return String(authority.prefix { $0 != ":" })
    }

    /// A dotted name outside private suffixes, or a public IPv4 address.
    private func isPublic(_ host: String) -> Bool {
        let name = host.lowercased()
        if name.isEmpty || name == "localhost" || !name.contains(".") || name.contains(":") { return false }
        let privateSuffixes = [".local", ".localhost", ".internal", ".svc", ".cluster.local", ".lan", ".home", ".corp", ".intranet", ".test", ".example", ".invalid", ".docker"]
        if privateSuffixes.contains(where: { name.hasSuffix($0) }) { return false }
        let octets = name.split(separator: ".").compactMap { Int($0) }
        if octets.count == 4 {
            if octets[0] == 10 || octets[0] == 127 || (octets[0] == 192 && octets[1] == 168) || (octets[0] == 172 && (16...31).contains(octets[1]))
                || (octets[0] == 169 && octets[1] == 254) || (octets[0] == 100 && (64...127).contains(octets[1])) || octets[0] == 0 {
                return false
            }
            return true
        }
        // `otel-collector.monitoring` is a Kubernetes service in a namespace, not a domain: only names under a
        // well-known or two-letter top-level domain count as public.
        guard let topLevel = name.split(separator: ".").last.map(String.init) else { return false }
        return Self.commonTopLevelDomains.contains(topLevel) || (topLevel.count == 2 && topLevel.allSatisfy(\.isLetter))
    }

    /// Top-level domains that mark a public host name.
    static let commonTopLevelDomains: Set<String> = [
        "com", "net", "org", "io", "dev", "cloud", "app", "tech", "info", "biz", "online", "site", "services", "systems",
    ]
}
