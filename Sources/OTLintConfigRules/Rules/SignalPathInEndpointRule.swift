import OTLintCore

/// OTL204: `/v1/traces` on the base endpoint (the SDK appends it again), or a per-signal OTLP/HTTP endpoint
/// without its signal path (the SDK uses it as-is).
struct SignalPathInEndpointRule: ScopeRule {
    static let id = "OTL204"

    static let signalPaths = ["/v1/traces", "/v1/metrics", "/v1/logs"]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let base = scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT"), let value = base.value, let url = EndpointURL(value),
           scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL")?.value?.lowercased() != "grpc" {
            var path = url.path
            let trailingSlash = path.hasSuffix("/") && path.count > 1
            if trailingSlash { path.removeLast() }
            if let signalPath = Self.signalPaths.first(where: { path.hasSuffix($0) }) {
                let start = url.pathRange.upperBound - signalPath.utf8.count - (trailingSlash ? 1 : 0)
                let range = start..<url.pathRange.upperBound
                let location = base.valueSite.flatMap { $0.location(ofValueBytes: range) } ?? base.valueLocation
                var fix: Fix?
                if location.range.length == range.count, base.isEditable, let site = base.valueSite {
                    fix = Fix(title: "remove `\(signalPath)` from the base endpoint",
                              edits: [TextEdit(path: site.file.path, range: location.range, replacement: "")], applicability: .safe)
                }
                let signal = String(signalPath.dropFirst(4))
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`OTEL_EXPORTER_OTLP_ENDPOINT` ends with `\(signalPath)`, but SDKs append the signal path to the base endpoint: \(signal) go to `…\(signalPath)\(signalPath)`",
                    location: location,
                    why: "the base endpoint is a prefix: the SDK adds `/v1/traces`, `/v1/metrics` and `/v1/logs` to it, so every signal gets a wrong path",
                    help: "remove `\(signalPath)`, or use `OTEL_EXPORTER_OTLP_\(signal.uppercased())_ENDPOINT` for a full per-signal URL",
                    related: base.valueRelated, fix: fix, maskedRanges: base.credentialRanges))
            } else if path.hasSuffix("/v1"), !Self.probablyGRPC(scope, port: url.port) {
                diagnostics.append(versionOnlyDiagnostic(base, url: url, trailingSlash: trailingSlash))
            }
        }
        for export in SignalExport.all(in: scope) where export.endpointIsPerSignal {
            guard let endpoint = export.endpoint, let value = endpoint.value, let url = EndpointURL(value) else { continue }
            let isHTTP: Bool
            if let protocolName = export.explicitProtocol { isHTTP = protocolName.hasPrefix("http/") }
            else { isHTTP = url.port == 4318 }  // no protocol set: only the OTLP/HTTP port makes it certain
            guard isHTTP else { continue }
            if url.path.isEmpty || url.path == "/" {
                let insertion = url.pathRange
                let pathText = url.path == "/" ? String(export.signalPath.dropFirst()) : export.signalPath
                var fix: Fix?
                if let site = endpoint.valueSite, endpoint.isEditable,
                   let editable = site.editableRange, insertion.upperBound <= editable.length {
                    let offset = editable.start + insertion.upperBound
                    fix = Fix(title: "append `\(export.signalPath)`",
                              edits: [TextEdit(path: site.file.path, range: ByteRange(offset, offset), replacement: pathText)],
                              applicability: .safe)
                }
                diagnostics.append(valueDiagnostic(endpoint,
                    message: "`\(endpoint.name)` has no `\(export.signalPath)` path: per-signal endpoints are used as-is, so \(export.signal.lowercased()) are sent to `/` and rejected",
                    why: "unlike `OTEL_EXPORTER_OTLP_ENDPOINT`, a per-signal OTLP/HTTP endpoint is the full URL; nothing is appended",
                    help: "append `\(export.signalPath)`, or set the base `OTEL_EXPORTER_OTLP_ENDPOINT` instead", fix: fix))
            } else if let other = Self.signalPaths.first(where: { url.path.hasSuffix($0) && $0 != export.signalPath }) {
                diagnostics.append(valueDiagnostic(endpoint,
                    message: "`\(endpoint.name)` ends with `\(other)`: \(export.signal.lowercased()) are sent to another signal's path",
                    why: "an OTLP/HTTP receiver takes \(export.signal.lowercased()) only at `\(export.signalPath)`",
                    help: "use `\(export.signalPath)`"))
            }
        }
        return diagnostics
    }

    /// With no protocol set, an endpoint on the OTLP/gRPC port is most likely gRPC, where the path is ignored.
    static func probablyGRPC(_ scope: EnvironmentScope, port: Int?) -> Bool {
        guard let protocolName = scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL")?.value?.blankTrimmed.lowercased() else {
            return port == 4317
        }
        return protocolName == "grpc"
    }

    /// A base endpoint ending in `/v1` (or `/v1/`): the SDK appends `v1/traces`, so data goes to `/v1/v1/traces`.
    private func versionOnlyDiagnostic(_ base: VariableDefinition, url: EndpointURL, trailingSlash: Bool) -> Diagnostic {
        let start = url.pathRange.upperBound - 3 - (trailingSlash ? 1 : 0)
        let range = start..<(start + 3)
        let location = base.valueSite.flatMap { $0.location(ofValueBytes: range) } ?? base.valueLocation
        var fix: Fix?
        if location.range.length == range.count, base.isEditable, let site = base.valueSite {
            fix = Fix(title: "remove `/v1` from the base endpoint",
                      edits: [TextEdit(path: site.file.path, range: location.range, replacement: "")], applicability: .safe)
        }
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "`OTEL_EXPORTER_OTLP_ENDPOINT` ends with `/v1`, but SDKs append `v1/traces`, `v1/metrics` and `v1/logs` to the base endpoint: traces go to `…/v1/v1/traces`",
            location: location,
            why: "the base endpoint is a prefix and the SDK adds the whole signal path, version included; an OTLP/HTTP receiver answers 404 on `/v1/v1/traces` and the data is lost",
            help: "remove `/v1`, or use `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` with the full URL ending in `/v1/traces`",
            related: base.valueRelated, fix: fix, maskedRanges: base.credentialRanges)
    }
}
