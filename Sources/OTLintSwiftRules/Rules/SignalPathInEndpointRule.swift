import OTLintCore
import SwiftSyntax

/// OTL204 (Swift): an OTLP/HTTP endpoint set in code without its `/v1/<signal>` path.
///
/// Both libraries use an endpoint given in code as-is: swift-otel only appends `/v1/traces` to the default or to
/// `OTEL_EXPORTER_OTLP_ENDPOINT`, and opentelemetry-swift's HTTP exporters never append anything. Without the
/// path every export goes to `/` and is rejected.
struct SignalPathInEndpointRule: SwiftRule {
    static let id = "OTL204"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        // Tests feed invalid endpoints on purpose to check that they are rejected.
        guard !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for endpoint in model.exporterEndpoints where endpoint.transport == .http && endpoint.usedAsIs {
            let (scheme, path) = endpointParts(endpoint.value)
            guard scheme == "http" || scheme == "https", path.isEmpty || path == "/" else { continue }
            let signalPath = "/v1/\(endpoint.signal)"
            let segments = endpoint.literal.segments
            let end = path == "/" ? segments.endOffset - 1 : segments.endOffset
            diagnostics.append(model.diagnostic(
                "OTL204", at: endpoint.literal,
                message: "OTLP/HTTP endpoint `\(endpoint.value)` has no `\(signalPath)` path: \(endpoint.sdk.rawValue) sends to this URL as-is, so every export is rejected",
                why: endpoint.sdk == .swiftOTel
                    ? "swift-otel appends `\(signalPath)` only to its default and to `OTEL_EXPORTER_OTLP_ENDPOINT`; an endpoint set in code is used unchanged"
                    : "opentelemetry-swift's HTTP exporters never append the signal path",
                help: "end the URL with `\(signalPath)`",
                fix: Fix(title: "append `\(signalPath)`",
                         edits: [TextEdit(path: model.file.path, range: ByteRange(end, segments.endOffset), replacement: signalPath)],
                         applicability: .safe)
            ))
        }
        return diagnostics
    }
}
