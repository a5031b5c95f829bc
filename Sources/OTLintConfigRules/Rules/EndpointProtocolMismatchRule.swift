import OTLintCore

/// OTL203: an OTLP endpoint whose port belongs to the other OTLP transport, or to a non-OTLP protocol
/// (Jaeger, Zipkin).
struct EndpointProtocolMismatchRule: ScopeRule {
    static let id = "OTL203"

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
                // Unset protocol: the default differs per SDK (spec: http/protobuf; Python: grpc). Judged only where the
                // service's language and launcher are known.
                if export.protocolDefinition == nil,
                   let diagnostic = defaultProtocolMismatch(export, endpoint: endpoint, port: port, at: location, scope: scope, project: project) {
                    diagnostics.append(diagnostic)
                }
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
            if otherTransport == nil, let range = url.portRange, let site = endpoint.valueSite, endpoint.isEditable,
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

    /// No protocol set, in a service whose language and auto-instrumentation launcher are known: the launcher's
    /// default protocol decides, and it may not match the port.
    private func defaultProtocolMismatch(_ export: SignalExport, endpoint: VariableDefinition, port: Int, at location: SourceLocation,
                                         scope: EnvironmentScope, project: ConfigProject) -> Diagnostic? {
        guard let runtime = project.runtime(of: scope), let profile = LanguageProfile.profile(runtime.language),
              let defaultProtocol = profile.launcherDefaultProtocol else { return nil }
        // Python's exporter names `otlp_proto_http`, `otlp_proto_grpc`, `otlp_json_http` choose the transport themselves.
        if let exporter = scope.setting("OTEL_\(export.signal)_EXPORTER")?.value,
           ListItem.split(exporter).contains(where: { $0.text.lowercased().hasPrefix("otlp_") }) { return nil }
        // The launcher may also be named in the environment (`NODE_OPTIONS=--require …/register`).
        let launcher = runtime.launcher ?? scope.effectiveDefinitions.lazy.compactMap { definition -> RelatedLocation? in
            guard let value = definition.value, let marker = profile.launcherMarkers.first(where: value.contains) else { return nil }
            return RelatedLocation(location: definition.valueLocation, message: "`\(marker)` starts the SDK from the environment here")
        }.first
        guard let launcher else { return nil }
        let defaultIsHTTP = defaultProtocol.hasPrefix("http/")
        let portProtocol: String
        if port == 4317 && defaultIsHTTP { portProtocol = "grpc" }
        else if port == 4318 && defaultProtocol == "grpc" { portProtocol = "http/protobuf" }
        else { return nil }
        let protocolVariable = export.endpointIsPerSignal ? "OTEL_EXPORTER_OTLP_\(export.signal)_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL"
        let served = port == 4317 ? "OTLP/gRPC" : "OTLP/HTTP"
        let fix = EntryInsertion.after(endpoint, name: protocolVariable, value: portProtocol).map {
            Fix(title: "set `\(protocolVariable)=\(portProtocol)`", edits: [$0], applicability: .unsafe)
        }
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "`\(endpoint.name)` uses port \(port) (\(served)), but no protocol is set and the \(runtime.language.rawValue) SDK started by its auto-instrumentation exports with `\(defaultProtocol)`: every export fails",
            location: location,
            why: "without `\(protocolVariable)` the \(runtime.language.rawValue) launcher uses its default `\(defaultProtocol)`, and port \(port) serves \(served) only",
            help: "set `\(protocolVariable)=\(portProtocol)`, or use port \(port == 4317 ? 4318 : 4317) for `\(defaultProtocol)`",
            related: endpoint.valueRelated + [runtime.evidence, launcher], fix: fix, maskedRanges: endpoint.credentialRanges)
    }
}
