import OTLintCore
import SwiftSyntax

/// OTL205 (Swift): an OTLP endpoint literal without `http://`/`https://`, or a gRPC endpoint with a path.
struct MalformedEndpointRule: SwiftRule {
    var ruleIDs: [String] { ["OTL205"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        // Tests feed invalid endpoints on purpose to check that they are rejected.
        guard !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for endpoint in exporterEndpoints(in: model) {
            let (scheme, path) = endpointParts(endpoint.value)
            if scheme == nil || !["http", "https"].contains(scheme!) {
                let fixable = scheme == nil && !endpoint.value.isEmpty && !endpoint.value.contains(" ")
                diagnostics.append(model.diagnostic(
                    "OTL205", at: endpoint.literal,
                    message: "OTLP endpoint `\(endpoint.value)` has no `http://` or `https://` scheme",
                    why: "\(endpoint.library) needs a full URL; the scheme also decides between plaintext and TLS",
                    help: "write the full URL, e.g. `http://\(endpoint.value)` inside the cluster or `https://…` for a remote collector",
                    fix: fixable ? Fix(title: "add `http://`", edits: [TextEdit(path: model.file.path,
                        range: ByteRange(endpoint.literal.segments.startOffset, endpoint.literal.segments.startOffset), replacement: "http://")],
                        applicability: .unsafe) : nil
                ))
            } else if endpoint.transport == .grpc, !path.isEmpty, path != "/" {
                diagnostics.append(model.diagnostic(
                    "OTL205", at: endpoint.literal,
                    message: "gRPC endpoint `\(endpoint.value)` has a path (`\(path)`): gRPC endpoints are `scheme://host:port` only",
                    help: "remove the path; gRPC routes by service name, not by URL path"
                ))
            }
        }
        return diagnostics
    }
}
