import OTLintCore

/// OTL205: an exporter endpoint that is not a usable URL: no scheme (`collector:4317`), a scheme other than
/// `http`/`https`, a broken port, or a path on a gRPC endpoint.
struct MalformedEndpointRule: ScopeRule {
    let id = "OTL205"

    static let endpointVariables = ["OTEL_EXPORTER_OTLP_ENDPOINT"] + VariableCatalog.signals.map { "OTEL_EXPORTER_OTLP_\($0)_ENDPOINT" }
        + ["OTEL_EXPORTER_ZIPKIN_ENDPOINT"]
    /// Schemes people write for OTLP that no SDK accepts, with the scheme meant.
    static let wrongSchemes: [String: String] = [
        "grpc": "http", "grpcs": "https", "tcp": "http", "otlp": "http", "h2c": "http", "h2": "https", "ws": "http", "wss": "https",
        "udp": "http", "thrift": "http",
    ]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        Self.endpointVariables.compactMap { name in
            guard let endpoint = scope.setting(name), let value = endpoint.value else { return nil }
            return check(endpoint, value: value, protocolName: protocolName(for: name, in: scope))
        }
    }

    /// The protocol the exporter of this endpoint speaks, lower case; nil when unset or unknown.
    private func protocolName(for endpointName: String, in scope: EnvironmentScope) -> String? {
        if endpointName.hasPrefix("OTEL_EXPORTER_ZIPKIN") { return "http/zipkin" }
        let perSignal = endpointName.replacingOccurrences(of: "_ENDPOINT", with: "_PROTOCOL")
        let definition = scope.setting(perSignal) ?? scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL")
        return definition?.value?.blankTrimmed.lowercased()
    }

    private func location(_ endpoint: VariableDefinition, _ range: Range<Int>) -> SourceLocation {
        endpoint.valueSite?.location(ofValueBytes: range) ?? endpoint.valueLocation
    }

    private func edit(_ endpoint: VariableDefinition, _ range: Range<Int>, _ replacement: String) -> TextEdit? {
        guard !endpoint.isInherited || endpoint.interpolation?.soleSite != nil,
              let site = endpoint.valueSite, let location = site.location(ofValueBytes: range) else { return nil }
        return TextEdit(path: site.file.path, range: location.range, replacement: replacement)
    }

    private func check(_ endpoint: VariableDefinition, value: String, protocolName: String?) -> Diagnostic? {
        let name = endpoint.name
        // `scheme://user:password@host`: the credentials are never printed (messages show the value redacted).
        let shown = endpoint.value.map { "`\(EndpointURL.redacted($0))`" } ?? endpoint.displayValue
        let bytes = Array(value.utf8)
        if let index = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) {
            return valueDiagnostic(endpoint, message: "`\(name)` contains a space: \(shown) is not a URL",
                                   why: "SDKs parse the endpoint as a URL and fail (or export nowhere) on a space",
                                   help: "remove the space\(index == 0 || index == bytes.count - 1 ? " (check the quoting of the value)" : "")")
        }
        guard let separator = value.range(of: "://") else {
            return missingScheme(endpoint, value: value, protocolName: protocolName)
        }
        let scheme = String(value[..<separator.lowerBound])
        let schemeRange = 0..<scheme.utf8.count
        let lowerScheme = scheme.lowercased()
        if lowerScheme != "http" && lowerScheme != "https" {
            // `unix://`, `dns://` and the like are gRPC target syntax some SDKs accept: only judge known mistakes.
            guard let meant = Self.wrongSchemes[lowerScheme] else { return nil }
            let fix = edit(endpoint, schemeRange, meant).map {
                Fix(title: "use the `\(meant)` scheme", edits: [$0], applicability: .unsafe)
            }
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(name)` uses the scheme `\(scheme)://`; OTLP endpoints take `http://` or `https://` (for gRPC too)",
                location: location(endpoint, schemeRange),
                why: "the specification defines only `http` (plaintext) and `https` (TLS) endpoint schemes; SDKs reject `\(scheme)://` or fail to connect",
                help: "write `\(meant)://…`\(lowerScheme.hasPrefix("grpc") ? "; the protocol is chosen by `OTEL_EXPORTER_OTLP_PROTOCOL=grpc`, not by the scheme" : "")",
                related: endpoint.valueRelated, fix: fix, maskedRanges: endpoint.credentialRanges)
        }
        guard let url = EndpointURL(value) else {
            return valueDiagnostic(endpoint, message: "`\(name)` has no host: \(shown) is not a URL",
                                   why: "the exporter cannot connect without a host name",
                                   help: "write `\(lowerScheme)://<host>:<port>`, e.g. `\(lowerScheme)://collector:4318`")
        }
        if let portRange = url.portRange {
            let afterPort = portRange.upperBound
            let validEnd = afterPort == bytes.count || [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[afterPort])
            let portText = String(decoding: bytes[portRange], as: UTF8.self)
            if !validEnd || portText.isEmpty || (url.port ?? 0) < 1 || (url.port ?? 0) > 65535 {
                var end = afterPort
                while end < bytes.count && ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(bytes[end]) { end += 1 }
                let written = String(decoding: bytes[portRange.lowerBound..<end], as: UTF8.self)
                return Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(name)` has an invalid port `\(written)`: a port is a number from 1 to 65535",
                    location: location(endpoint, portRange.lowerBound..<end),
                    why: "SDKs fail to parse the URL and export nothing",
                    help: "use 4318 for OTLP/HTTP or 4317 for OTLP/gRPC",
                    related: endpoint.valueRelated, maskedRanges: endpoint.credentialRanges)
            }
        }
        if protocolName == "grpc", !url.path.isEmpty, url.path != "/" {
            let fix = edit(endpoint, url.pathRange, "").map {
                Fix(title: "remove the path `\(url.path)`", edits: [$0], applicability: .unsafe)
            }
            return Diagnostic(
                ruleID: id, severity: .warning,
                message: "`\(name)` has the path `\(url.path)`, but gRPC endpoints take no path",
                location: location(endpoint, url.pathRange),
                why: "with `grpc` the exporter calls a fixed service method on the host and port; depending on the SDK the path is ignored or the endpoint is rejected",
                help: "write only `\(lowerScheme)://\(url.host)\(url.port.map { ":\($0)" } ?? "")`",
                related: endpoint.valueRelated, fix: fix, maskedRanges: endpoint.credentialRanges)
        }
        return nil
    }

    /// Whether the authority part of the URL holds `user[:password]@`.
    static func hasUserInfo(_ value: String) -> Bool {
        let afterScheme = value.range(of: "://").map { value[$0.upperBound...] } ?? value[...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.contains("@")
    }

    /// `collector:4317`: no scheme. Certain only for OTLP/HTTP, whose exporters build a URL from it and fail.
    /// For gRPC (or an unset protocol) `host:port` is what gRPC clients take: Python's and Node's SDKs accept it,
    /// and many applications read the variable themselves and pass it to a gRPC exporter's `WithEndpoint`. Which
    /// SDK reads it cannot be told from the environment, so that case stays quiet.
    private func missingScheme(_ endpoint: VariableDefinition, value: String, protocolName: String?) -> Diagnostic? {
        let trimmed = value.blankTrimmed
        guard !trimmed.isEmpty, !trimmed.hasPrefix("/"), !trimmed.hasPrefix("unix:"), !trimmed.hasPrefix("dns:") else { return nil }
        guard let url = EndpointURL(trimmed), !url.host.contains("%") else { return nil }
        guard protocolName?.hasPrefix("http") ?? false else { return nil }
        let shown = EndpointURL.redacted(trimmed)
        let scheme = url.port == 443 ? "https" : "http"
        let fix = edit(endpoint, 0..<0, "\(scheme)://").map {
            Fix(title: "add the `\(scheme)://` scheme", edits: [$0], applicability: .unsafe)
        }
        return valueDiagnostic(
            endpoint, message: "`\(endpoint.name)` has no scheme: `\(shown)` is not a URL, so the HTTP exporter cannot send to it",
            severity: .error,
            why: "the specification defines the endpoint as a URL with the `http` or `https` scheme, for gRPC as well; the scheme also decides whether TLS is used",
            help: "write `\(scheme)://\(shown)` (or `https://` if the receiver uses TLS)",
            fix: fix)
    }
}
