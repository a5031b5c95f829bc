import OTLintCore

/// OTL205: an exporter endpoint that is not a usable URL: whitespace, no scheme where the SDK needs a URL
/// (`collector:4318`), a scheme other than `http`/`https`, no host, a broken port, a gRPC endpoint with a path (or,
/// for swift-otel, without a port), or a gRPC host argument that holds a URL.
struct MalformedEndpointRule: SettingsRule {
    static let id = "OTL205"

    /// Schemes people write for OTLP that no SDK accepts, with the scheme meant.
    static let wrongSchemes: [String: String] = [
        "grpc": "http", "grpcs": "https", "tcp": "http", "otlp": "http", "h2c": "http", "h2": "https", "ws": "http", "wss": "https",
        "udp": "http", "thrift": "http",
    ]

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        process.endpoints.compactMap { endpoint in
            guard let value = endpoint.setting.value, !value.isEmpty else { return nil }
            switch endpoint.shape {
            case .url: return checkURL(endpoint, value: value)
            case .host: return checkHost(endpoint, value: value)
            case .lenient: return nil
            }
        }
    }

    private func checkURL(_ endpoint: EndpointSetting, value: String) -> Diagnostic? {
        let setting = endpoint.setting, name = setting.name
        // `scheme://user:password@host`: the credentials are never printed (messages show the value redacted).
        let shown = EndpointURL.redacted(value)
        let bytes = Array(value.utf8)
        if let index = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            let trimmed = value.filter { !$0.isWhitespace }
            let fix = trimmed.isEmpty ? nil : setting.replacement(trimmed).map {
                Fix(title: "remove the whitespace", edits: [$0], applicability: .safe)
            }
            return setting.diagnostic(
                id, message: "\(name) contains whitespace: `\(shown)` is not a URL",
                why: "SDKs parse the endpoint as a URL and fail (or export nowhere) on whitespace",
                help: "remove the whitespace\(index == 0 || index == bytes.count - 1 ? " (check the quoting of the value)" : "")", fix: fix)
        }
        guard let separator = EndpointURL.schemeSeparator(in: bytes) else {
            return missingScheme(endpoint, value: value)
        }
        let scheme = String(decoding: bytes[..<separator], as: UTF8.self)
        let schemeRange = 0..<separator
        let lowerScheme = scheme.lowercased()
        if lowerScheme != "http" && lowerScheme != "https" {
            // `unix://`, `dns://` and the like are gRPC target syntax some SDKs accept from the environment: there
            // only known mistakes are judged. Code exporters take nothing but `http` and `https`.
            let meant = Self.wrongSchemes[lowerScheme]
            guard meant != nil || endpoint.setting.origin.isCode else { return nil }
            let fix = meant.flatMap { meant in
                setting.edit(inValue: schemeRange, meant).map { Fix(title: "use the `\(meant)` scheme", edits: [$0], applicability: .unsafe) }
            }
            let protocolAdvice = lowerScheme.hasPrefix("grpc")
                ? "; the protocol is chosen by \(endpoint.setting.origin.isCode ? "the exporter" : "`OTEL_EXPORTER_OTLP_PROTOCOL=grpc`"), not by the scheme" : ""
            return setting.diagnostic(
                id, message: "\(name) uses the scheme `\(scheme)://`; OTLP endpoints take `http://` or `https://` (for gRPC too)",
                at: setting.location(ofValueBytes: schemeRange),
                why: "the specification defines only `http` (plaintext) and `https` (TLS) endpoint schemes; SDKs reject `\(scheme)://` or fail to connect",
                help: "write `\(meant ?? "http")://…` (`https://` for TLS)\(protocolAdvice)", fix: fix)
        }
        guard let url = EndpointURL(value) else {
            return setting.diagnostic(
                id, message: "\(name) has no host: `\(shown)` is not a URL", why: "the exporter cannot connect without a host name",
                help: "write `\(lowerScheme)://<host>:<port>`, e.g. `\(lowerScheme)://collector:4318`")
        }
        if let portRange = url.portRange {
            let isPathStart = { (byte: UInt8) in byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") }
            let afterPort = portRange.upperBound
            let validEnd = afterPort == bytes.count || isPathStart(bytes[afterPort])
            if !validEnd || portRange.isEmpty || !(1...65535).contains(url.port ?? 0) {
                var end = afterPort
                while end < bytes.count && !isPathStart(bytes[end]) { end += 1 }
                let written = String(decoding: bytes[portRange.lowerBound..<end], as: UTF8.self)
                return setting.diagnostic(
                    id, message: "\(name) has an invalid port `\(written)`: a port is a number from 1 to 65535",
                    at: setting.location(ofValueBytes: portRange.lowerBound..<end),
                    why: "SDKs fail to parse the URL and export nothing", help: "use 4318 for OTLP/HTTP or 4317 for OTLP/gRPC")
            }
        }
        guard endpoint.transport == .grpc else { return nil }
        if url.port == nil && endpoint.grpcRequiresPort {
            if setting.origin.collectorComponent != nil {
                // The collector's gRPC client resolves a target without port on 443, the port of TLS.
                return setting.diagnostic(
                    id, message: "the gRPC endpoint \(name) has no port: the collector connects to port 443 in plaintext, where no OTLP/gRPC receiver listens",
                    why: "the exporter strips `http://` and hands the rest to gRPC, whose resolver uses port 443 when none is written; OTLP/gRPC receivers listen on 4317",
                    help: "add the port, usually `:4317`: `\(shown.hasSuffix("/") ? String(shown.dropLast()) : shown):4317`")
            }
            let library = setting.origin.sdk?.rawValue ?? "the SDK"
            return setting.diagnostic(
                id, message: "the gRPC endpoint \(name) has no port, so \(library)'s gRPC exporter rejects it",
                why: "\(library) reads host and port from the URL and throws `invalidEndpoint` at bootstrap when the port is missing",
                help: "add the port, usually `:4317`: `\(shown.hasSuffix("/") ? String(shown.dropLast()) : shown):4317`")
        }
        if !url.path.isEmpty, url.path != "/" {
            let fix = setting.edit(inValue: url.pathRange, "").map {
                Fix(title: "remove the path `\(url.path)`", edits: [$0], applicability: .unsafe)
            }
            return setting.diagnostic(
                id, severity: .warning, message: "\(name) has the path `\(url.path)`, but gRPC endpoints take no path",
                at: setting.location(ofValueBytes: url.pathRange),
                why: "with gRPC the exporter calls a fixed service method on the host and port; \(setting.origin.collectorComponent == nil ? "depending on the SDK the path is ignored or the endpoint is rejected" : "the collector hands `host:port/path` to gRPC as its target, which has no place for a path"); a path usually means an OTLP/HTTP endpoint was given to a gRPC exporter",
                help: "write only `\(lowerScheme)://\(url.host)\(url.port.map { ":\($0)" } ?? "")`, or, if the receiver speaks OTLP/HTTP, use the HTTP protocol and keep `/v1/<signal>`",
                fix: fix)
        }
        return nil
    }

    /// `collector:4317`: no scheme. Certain where the SDK needs a URL: OTLP/HTTP exporters build a URL from it and
    /// fail, and Swift exporters read `collector` as the scheme. For gRPC from the environment (or an unset
    /// protocol) `host:port` is what gRPC clients take: Python's and Node's SDKs accept it, and many applications
    /// read the variable themselves and pass it to a gRPC exporter's `WithEndpoint`. Which SDK reads it cannot be
    /// told from the environment, so that case stays quiet.
    private func missingScheme(_ endpoint: EndpointSetting, value: String) -> Diagnostic? {
        let setting = endpoint.setting
        let trimmed = value.blankTrimmed
        guard endpoint.requiresURL, !trimmed.isEmpty, !trimmed.hasPrefix("/"), !trimmed.hasPrefix("unix:"), !trimmed.hasPrefix("dns:"),
              let url = EndpointURL(trimmed), !url.host.contains("%") else { return nil }
        let shown = EndpointURL.redacted(trimmed)
        let scheme = url.port == 443 || HostClassification.classify(url.hostName).isRemote ? "https" : "http"
        let fix = setting.edit(inValue: 0..<0, "\(scheme)://").map {
            Fix(title: "add the `\(scheme)://` scheme", edits: [$0], applicability: .unsafe)
        }
        return setting.diagnostic(
            id, severity: .error, message: "\(setting.name) has no scheme: `\(shown)` is not a URL, so the exporter cannot send to it",
            why: "the specification defines the endpoint as a URL with the `http` or `https` scheme, for gRPC as well; the scheme also decides whether TLS is used\(setting.origin.isCode ? "; without `://` the text before the first `:` is read as the scheme" : "")\(endpoint.urlRequiredBy.map { "; \($0) checks it for every protocol and does not start its exporter without it" } ?? "")",
            help: "write `\(scheme)://\(shown)`\(scheme == "http" ? " (or `https://` if the receiver uses TLS)" : "")", fix: fix)
    }

    /// gRPC `connect(host:port:)`: the host must be a bare name or address.
    private func checkHost(_ endpoint: EndpointSetting, value: String) -> Diagnostic? {
        let setting = endpoint.setting
        let isIPv6 = value.filter { $0 == ":" }.count > 1 && !value.contains("/")
        guard !isIPv6, value.contains("://") || value.contains(":") || value.contains("/"),
              let url = EndpointURL(value.contains("://") ? value : "grpc://" + value) else { return nil }
        let host = url.host
        let fix = setting.replacement(host).map { Fix(title: "keep only the host `\(host)`", edits: [$0], applicability: .safe) }
        var parts: [String] = []
        if value.contains("://") { parts.append("a scheme") }
        if url.port != nil { parts.append("a port") }
        if !url.path.isEmpty { parts.append("a path") }
        return setting.diagnostic(
            id, message: "the gRPC host `\(value)` contains \(parts.joined(separator: " and ")): \(setting.name) takes a host name only",
            why: "grpc-swift resolves the whole string as a host name, so the exporter never connects and every export fails",
            help: "pass only `\(host)` as `host:` and the port as `port:`; plaintext or TLS is chosen with `ClientConnection.insecure` or `usingPlatformAppropriateTLS`",
            fix: fix)
    }
}
