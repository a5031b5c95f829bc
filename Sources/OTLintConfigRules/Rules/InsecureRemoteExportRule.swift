import OTLintCore

/// OTL209: a production process that exports in plaintext (`http://`, or `OTEL_EXPORTER_OTLP_INSECURE=true` for a
/// gRPC endpoint without scheme) to a host outside the machine, the compose project and private networks.
struct InsecureRemoteExportRule: ScopeRule {
    static let id = "OTL209"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard scope.tier.isProduction, !scope.isTemplate else { return [] }
        var diagnostics: [Diagnostic] = []
        for export in SignalExport.all(in: scope) {
            guard let endpoint = export.endpoint, let value = endpoint.value, let url = EndpointURL(value), url.userInfoRange == nil,
                  EndpointHost.isRemote(url.host, composeFiles: { EndpointHost.composeFiles(of: scope, in: project) }) else { continue }
            let headers = scope.setting("OTEL_EXPORTER_OTLP_\(export.signal)_HEADERS") ?? scope.setting("OTEL_EXPORTER_OTLP_HEADERS")
            let credentials = headers.map { " with the headers of `\($0.name)` (often an API key)" } ?? ""
            let evidence = "the scope is production: \(scope.tier.explanation)"
            if url.scheme == "http" {
                var fix: Fix?
                if let site = endpoint.valueSite, let location = site.location(ofValueBytes: 0..<4),
                   endpoint.isEditable {
                    fix = Fix(title: "export over TLS: `https://`", edits: [TextEdit(path: site.file.path, range: location.range, replacement: "https")],
                              applicability: .unsafe)
                }
                let location = endpoint.valueSite?.location(ofValueBytes: 0..<4) ?? endpoint.valueLocation
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: headers == nil ? severity : .error,
                    message: "`\(endpoint.name)` sends telemetry unencrypted (`http://`) to the remote host `\(url.host)`\(credentials)",
                    location: location,
                    why: "\(evidence); plaintext export over the internet exposes every span, log and resource attribute\(headers == nil ? "" : " and the credentials in the headers") to anyone on the path",
                    help: "use `https://` (most vendors serve OTLP over TLS on 443 or 4317/4318), or export to a local collector that forwards over TLS",
                    related: endpoint.valueRelated + scope.tier.related, fix: fix))
            } else if url.scheme == nil {
                let insecure = scope.setting("OTEL_EXPORTER_OTLP_\(export.signal)_INSECURE") ?? scope.setting("OTEL_EXPORTER_OTLP_INSECURE")
                guard let insecure, insecure.value?.blankTrimmed.lowercased() == "true" else { continue }
                diagnostics.append(valueDiagnostic(
                    insecure, message: "`\(insecure.name)=true` sends telemetry unencrypted to the remote host `\(url.host)`\(credentials)",
                    severity: headers == nil ? severity : .error,
                    why: "\(evidence); without a scheme the gRPC exporter uses plaintext when `\(insecure.name)` is true, exposing the data on the way",
                    help: "remove `\(insecure.name)` and write the endpoint as `https://\(value)`",
                    related: [RelatedLocation(location: endpoint.valueLocation, message: "the remote endpoint")] + scope.tier.related))
            }
        }
        return diagnostics
    }
}
