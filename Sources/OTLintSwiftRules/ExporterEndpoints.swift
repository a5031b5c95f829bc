import SwiftSyntax

/// An OTLP endpoint written as a string literal in code, with what the library does with it.
struct ExporterEndpoint {
    enum Transport { case http, grpc }

    let literal: StringLiteralExprSyntax
    let value: String
    /// `traces`, `metrics` or `logs`.
    let signal: String
    let transport: Transport
    /// Whether the library uses the URL as-is (so an HTTP endpoint must carry `/v1/<signal>` itself).
    let usedAsIs: Bool
    let library: String
}

/// swift-otel 1.x: `config.traces.otlpExporter.endpoint = "..."` (HTTP unless that signal's `protocol` is set to
/// `.grpc` in the same file; an endpoint set in code is used as-is). opentelemetry-swift:
/// `OtlpHttpTraceExporter(endpoint: URL(string: "...")!)` and its metric and log siblings (used as-is).
func exporterEndpoints(in model: SwiftSourceModel) -> [ExporterEndpoint] {
    var result: [ExporterEndpoint] = []
    if model.ecosystems.contains(.swiftOTel) {
        var grpcSignals: Set<String> = []
        var assignments: [(path: [String], value: ExprSyntax)] = []
        for sequence in model.tree.descendants(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            guard elements.count == 3, elements[1].is(AssignmentExprSyntax.self), let path = elements[0].memberPath else { continue }
            assignments.append((path, elements[2]))
            if path.suffix(2) == ["otlpExporter", "protocol"], elements[2].memberPath?.last == "grpc", path.count >= 3 {
                grpcSignals.insert(path[path.count - 3])
            }
        }
        for (path, value) in assignments where path.suffix(2) == ["otlpExporter", "endpoint"] && path.count >= 3 {
            let signal = path[path.count - 3]
            guard ["traces", "metrics", "logs"].contains(signal), let literal = value.as(StringLiteralExprSyntax.self),
                  let text = literal.representedLiteralValue else { continue }
            result.append(ExporterEndpoint(literal: literal, value: text, signal: signal,
                                           transport: grpcSignals.contains(signal) ? .grpc : .http, usedAsIs: true, library: "swift-otel"))
        }
    }
    if model.ecosystems.contains(.openTelemetrySwift) {
        let exporters = ["OtlpHttpTraceExporter": "traces", "OtlpHttpMetricExporter": "metrics", "OtlpHttpLogExporter": "logs"]
        for call in model.tree.descendants(FunctionCallExprSyntax.self) {
            guard let name = call.calleeName, let signal = exporters[name], let endpoint = call.argument("endpoint")?.expression else { continue }
            var expression = endpoint.unwrappingEffects
            if let forced = expression.as(ForceUnwrapExprSyntax.self) { expression = forced.expression }
            guard let urlCall = expression.as(FunctionCallExprSyntax.self), urlCall.calleeName == "URL",
                  let literal = urlCall.argument("string")?.expression.as(StringLiteralExprSyntax.self),
                  let text = literal.representedLiteralValue else { continue }
            result.append(ExporterEndpoint(literal: literal, value: text, signal: signal, transport: .http, usedAsIs: true,
                                           library: "opentelemetry-swift"))
        }
    }
    return result
}

/// Scheme, and the path after the authority, of an endpoint URL ("" when there is none).
func endpointParts(_ url: String) -> (scheme: String?, path: String) {
    guard let schemeEnd = url.range(of: "://") else { return (nil, "") }
    let scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
    let rest = url[schemeEnd.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return (scheme, "") }
    var path = String(rest[slash...])
    if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
    return (scheme, path)
}
