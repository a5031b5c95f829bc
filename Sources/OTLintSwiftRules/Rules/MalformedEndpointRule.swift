import OTLintCore
import SwiftSyntax

/// OTL205 (Swift part): an exporter endpoint literal that the exporter cannot use.
///
/// - A URL without `http://` or `https://` (`"collector:4318/v1/traces"` reads as scheme `collector`), or with another
///   scheme (`grpc://`, `otlp://`): opentelemetry-swift's HTTP exporters and swift-otel reject it (swift-otel: "The
///   endpoint MUST include a scheme, which MUST be either `http` or `https`").
/// - swift-otel with `.protocol = .grpc` and no port: the gRPC exporter throws `invalidEndpoint` at bootstrap; with a
///   path: the path is ignored (gRPC has none), usually an OTLP/HTTP URL given to the gRPC exporter.
/// - A gRPC `connect(host:)` given a URL or `host:port`: the host is resolved as written and never found.
struct MalformedEndpointRule: SwiftRule {
    var ruleIDs: [String] { ["OTL205"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for endpoint in model.exporterEndpoints where !endpoint.value.isEmpty {
            switch endpoint.shape {
            case .url: diagnostics += checkURL(endpoint, model)
            case .host: diagnostics += checkHost(endpoint, model)
            case .lenient: break
            }
        }
        return diagnostics
    }

    private func checkURL(_ endpoint: ExporterEndpoint, _ model: SwiftSourceModel) -> [Diagnostic] {
        let value = endpoint.value
        let text = EndpointText(value)
        if value.contains(where: \.isWhitespace) {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the endpoint `\(value)` contains whitespace, so it is not a valid URL",
                why: "\(endpoint.usage) parses the endpoint as a URL",
                help: "remove the whitespace", fix: trimFix(endpoint, model)
            )]
        }
        guard text.hasAuthority else {
            // `collector:4318/v1/traces` or `localhost:4317`: the host was taken for a scheme.
            var fix: Fix?
            if let content = contentRange(endpoint.literal), let host = EndpointText("http://" + value).host, isLocalOrInternalHost(host) {
                fix = Fix(
                    title: "add the `http://` scheme",
                    edits: [TextEdit(path: model.file.path, range: ByteRange(content.start, content.start), replacement: "http://")],
                    applicability: .unsafe
                )
            }
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the endpoint `\(value)` has no `http://` or `https://` scheme, so the exporter cannot use it",
                why: "\(endpoint.usage) needs a full URL; without `scheme://` the text before the first `:` is read as the scheme",
                help: "write the scheme: `http://\(value)` for plaintext (a local collector), `https://\(value)` for TLS",
                fix: fix
            )]
        }
        let scheme = text.scheme?.lowercased() ?? ""
        if scheme != "http" && scheme != "https" {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the endpoint scheme `\(text.scheme ?? "")://` is not supported: OTLP exporters take `http://` or `https://`",
                why: "\(endpoint.usage) decides plaintext or TLS from the scheme and rejects any other; gRPC is chosen with the exporter's protocol, not with the URL",
                help: "use `http://` (plaintext) or `https://` (TLS)"
            )]
        }
        if text.host == nil {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the endpoint `\(value)` has no host",
                why: "\(endpoint.usage) cannot connect without a host",
                help: "write the collector's address: `http://collector:4318`"
            )]
        }
        if endpoint.transport == .grpc, text.port == nil || text.port?.isEmpty == true {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the gRPC endpoint `\(value)` has no port, so swift-otel's gRPC exporter rejects it",
                why: "with `.protocol = .grpc` swift-otel reads host and port from the URL and throws `invalidEndpoint` at bootstrap when the port is missing",
                help: "add the port, usually `:4317`: `\(value.hasSuffix("/") ? String(value.dropLast()) : value):4317`"
            )]
        }
        if endpoint.transport == .grpc, !text.path.isEmpty, text.path != "/" {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the gRPC endpoint `\(value)` has a path (`\(text.path)`): gRPC endpoints are `scheme://host:port` only",
                why: "gRPC routes by service name, not by URL path: the path is ignored, and usually means an OTLP/HTTP endpoint was given to the gRPC exporter",
                help: "remove the path, or, if the receiver speaks OTLP/HTTP, use `.httpProtobuf` and keep `/v1/<signal>`"
            )]
        }
        if let port = text.port, !port.isEmpty, Int(port).map({ !(1...65535).contains($0) }) ?? true {
            return [model.diagnostic(
                "OTL205", at: endpoint.literal,
                message: "the endpoint `\(value)` has an invalid port `\(port)`",
                why: "\(endpoint.usage) parses the endpoint as a URL; a port is a number from 1 to 65535",
                help: "use the receiver's port: 4317 for OTLP/gRPC, 4318 for OTLP/HTTP"
            )]
        }
        return []
    }

    /// gRPC `connect(host:port:)`: the host must be a bare name or address.
    private func checkHost(_ endpoint: ExporterEndpoint, _ model: SwiftSourceModel) -> [Diagnostic] {
        let value = endpoint.value
        let isIPv6 = value.filter { $0 == ":" }.count > 1 && !value.contains("/")
        guard !isIPv6, value.contains("://") || value.contains(":") || value.contains("/") else { return [] }
        let text = EndpointText(value.contains("://") ? value : "grpc://" + value)
        guard let host = text.host else { return [] }
        var fix: Fix?
        if let content = contentRange(endpoint.literal) {
            fix = Fix(
                title: "keep only the host `\(host)`",
                edits: [TextEdit(path: model.file.path, range: content, replacement: host)],
                applicability: .safe
            )
        }
        var what: [String] = []
        if value.contains("://") { what.append("a scheme") }
        if text.port != nil { what.append("a port") }
        if !text.path.isEmpty { what.append("a path") }
        return [model.diagnostic(
            "OTL205", at: endpoint.literal,
            message: "the gRPC host `\(value)` contains \(what.joined(separator: " and ")): `connect(host:)` takes a host name only",
            why: "grpc-swift resolves the whole string as a host name, so the exporter never connects and every export fails",
            help: "pass only `\(host)` as `host:` and the port as `port:`; plaintext or TLS is chosen with `ClientConnection.insecure` or `usingPlatformAppropriateTLS`",
            fix: fix
        )]
    }

    private func trimFix(_ endpoint: ExporterEndpoint, _ model: SwiftSourceModel) -> Fix? {
        guard let content = contentRange(endpoint.literal) else { return nil }
        let trimmed = endpoint.value.filter { !$0.isWhitespace }
        guard model.file.slice(content) == endpoint.value, !trimmed.isEmpty else { return nil }
        return Fix(
            title: "remove the whitespace",
            edits: [TextEdit(path: model.file.path, range: content, replacement: trimmed)],
            applicability: .safe
        )
    }
}
