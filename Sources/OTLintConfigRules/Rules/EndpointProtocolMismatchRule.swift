import OTLintCore

/// OTL203: an OTLP endpoint whose port belongs to the other OTLP transport, or to a non-OTLP protocol
/// (Jaeger, Zipkin).
struct EndpointProtocolMismatchRule: ScopeRule {
    let id = "OTL203"

    /// Ports that never speak OTLP, and what listens there.
    static let foreignPorts: [Int: String] = [
        14250: "Jaeger's own gRPC protocol", 14268: "Jaeger's Thrift HTTP protocol", 6831: "the Jaeger agent (UDP)",
        6832: "the Jaeger agent (UDP)", 9411: "Zipkin", 16686: "the Jaeger UI", 55680: "the pre-2021 OTLP/gRPC port (now 4317)",
        55681: "the pre-2021 OTLP/HTTP port (now 4318)",
    ]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let exports = SignalExport.all(in: scope)
        for export in exports {
            guard let endpoint = export.endpoint, let value = endpoint.value, let url = EndpointURL(value), let port = url.port else { continue }
            let location = url.portRange.flatMap { endpoint.valueSite?.location(ofValueBytes: $0) } ?? endpoint.valueLocation
            let signals = export.endpointIsPerSignal ? "\(export.signal.lowercased())" : "OTLP"
            if let foreign = Self.foreignPorts[port] {
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(endpoint.name)` uses port \(port), which is \(foreign), not OTLP: \(signals) export fails",
                    location: location,
                    why: "OTLP receivers listen on 4317 (gRPC) and 4318 (HTTP); Jaeger ≥ 1.46 and the collector accept OTLP there",
                    help: "point it at port 4318 with `http/protobuf`, or 4317 with `grpc`",
                    related: endpoint.valueRelated, maskedRanges: endpoint.credentialRanges))
                continue
            }
            guard let protocolName = export.explicitProtocol, let protocolDefinition = export.protocolDefinition else {
                // Unset protocol: the default differs per SDK (spec: http/protobuf; Python: grpc). Cannot judge.
                continue
            }
            let isHTTP = protocolName.hasPrefix("http/")
            let expected: Int
            if port == 4317 && isHTTP { expected = 4318 }
            else if port == 4318 && protocolName == "grpc" { expected = 4317 }
            else { continue }
            let transport = isHTTP ? "OTLP/HTTP" : "OTLP/gRPC"
            // Another signal sends to the same shared endpoint over the other transport: no port serves both, and
            // changing it would only move the mismatch to that signal.
            let otherTransport = export.endpointIsPerSignal ? nil : exports.first { other in
                !other.endpointIsPerSignal && other.signal != export.signal
                    && other.explicitProtocol.map { $0.hasPrefix("http/") != isHTTP && ($0.hasPrefix("http/") || $0 == "grpc") } == true
            }
            var help = "use port \(expected), or set the protocol to `\(isHTTP ? "grpc" : "http/protobuf")` if port \(port) is right"
            if let otherTransport, let otherProtocol = otherTransport.explicitProtocol {
                help = "the \(otherTransport.signal.lowercased()) exporter uses this endpoint with `\(otherProtocol)`: give \(export.signal.lowercased()) its own endpoint, `OTEL_EXPORTER_OTLP_\(export.signal)_ENDPOINT` with port \(expected)"
            }
            var fix: Fix?
            if otherTransport == nil, let range = url.portRange, let site = endpoint.valueSite, !endpoint.isInherited || endpoint.interpolation?.soleSite != nil,
               let portLocation = site.location(ofValueBytes: range) {
                fix = Fix(title: "use port \(expected) for `\(protocolName)`",
                          edits: [TextEdit(path: site.file.path, range: portLocation.range, replacement: String(expected))],
                          applicability: .safe)
            }
            diagnostics.append(Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(endpoint.name)` uses port \(port) but the protocol is `\(protocolName)`: \(transport) is served on \(expected)",
                location: location,
                why: "port 4317 serves OTLP/gRPC and 4318 serves OTLP/HTTP; the \(signals) exporter speaks `\(protocolName)` (`\(protocolDefinition.name)`), so every export fails",
                help: help,
                related: endpoint.valueRelated + [RelatedLocation(location: protocolDefinition.valueLocation, message: "the protocol is set here")],
                fix: fix, maskedRanges: endpoint.credentialRanges))
        }
        return diagnostics
    }
}
