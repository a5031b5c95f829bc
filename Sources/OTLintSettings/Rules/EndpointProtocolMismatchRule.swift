import OTLintCore

/// OTL203: an OTLP endpoint whose port belongs to the other OTLP transport (an OTLP/HTTP exporter on 4317, gRPC on
/// 4318), or to a protocol that is no OTLP at all (Jaeger, Zipkin). The transport is each signal's own: its
/// protocol variable, the exporter type in code, or, with no protocol set, the default of the process's
/// auto-instrumentation launcher where that is known.
struct EndpointProtocolMismatchRule: SettingsRule {
    static let id = "OTL203"

    /// Ports that never speak OTLP, and what listens there.
    static let foreignPorts: [Int: String] = [
        14250: "Jaeger's own gRPC protocol", 14268: "Jaeger's Thrift HTTP protocol", 6831: "the Jaeger agent (UDP)",
        6832: "the Jaeger agent (UDP)", 9411: "Zipkin", 16686: "the Jaeger UI", 55680: "the pre-2021 OTLP/gRPC port (now 4317)",
        55681: "the pre-2021 OTLP/HTTP port (now 4318)",
    ]

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for endpoint in process.endpoints where !endpoint.isZipkin && endpoint.shape != .host && !endpoint.uses.isEmpty {
            guard let value = endpoint.setting.value, let url = EndpointURL(value), let port = url.port, let portRange = url.portRange else { continue }
            let setting = endpoint.setting
            let signals = endpoint.signal ?? "OTLP"
            if let foreign = Self.foreignPorts[port] {
                diagnostics.append(setting.diagnostic(
                    id, message: "\(setting.name) uses port \(port), which is \(foreign), not OTLP: \(signals) export fails",
                    at: setting.location(ofValueBytes: portRange),
                    why: "OTLP receivers listen on 4317 (gRPC) and 4318 (HTTP); Jaeger ≥ 1.46 and the collector accept OTLP there",
                    help: setting.origin.variableName == nil ? "point it at port \(endpoint.transport == .grpc ? "4317" : "4318")"
                        : "point it at port 4318 with `http/protobuf`, or 4317 with `grpc`"))
                continue
            }
            // A base endpoint serves several signals: one finding per endpoint, from the first signal that finds one.
            let found = endpoint.uses.lazy.compactMap { use in
                use.transport != nil
                    ? self.transportMismatch(endpoint, use: use, port: port, portRange: portRange)
                    : self.launcherDefaultMismatch(endpoint, use: use, port: port, portRange: portRange, launcher: process.launcherDefault)
            }.first
            diagnostics += found.map { [$0] } ?? []
        }
        return diagnostics
    }

    private func transportMismatch(_ endpoint: EndpointSetting, use: EndpointUse, port: Int, portRange: Range<Int>) -> Diagnostic? {
        guard let transport = use.transport else { return nil }
        let expected: Int
        switch (port, transport) {
        case (4317, .http): expected = 4318
        case (4318, .grpc): expected = 4317
        default: return nil
        }
        let setting = endpoint.setting
        let served = transport == .http ? "OTLP/HTTP" : "OTLP/gRPC"
        let spoken = Spelling(use: use, origin: setting.origin)
        // Another signal sends to the same shared endpoint over the other transport: no port serves both, and
        // changing it would only move the mismatch to that signal.
        let other = endpoint.uses.first { $0.signal != use.signal && $0.transport != nil && $0.transport != transport }
        var help = "use port \(expected), or \(spoken.otherProtocolAdvice) if port \(port) is right"
        if let other, let otherSignal = other.signal, let signal = use.signal, let otherProtocol = other.protocolSetting?.value?.blankTrimmed.lowercased() {
            help = "the \(otherSignal) exporter uses this endpoint with `\(otherProtocol)`: give \(signal) its own endpoint, `OTEL_EXPORTER_OTLP_\(signal.uppercased())_ENDPOINT` with port \(expected)"
        }
        let fix = other == nil ? setting.edit(inValue: portRange, String(expected)).map {
            Fix(title: "use port \(expected) for \(spoken.protocolName)", edits: [$0], applicability: .safe)
        } : nil
        let protocolSite = use.protocolSetting.map { [RelatedLocation(location: $0.location, message: "the protocol is set here")] } ?? []
        return setting.diagnostic(
            id, message: "\(setting.name) uses port \(port) but \(spoken.claim): \(served) is served on \(expected)",
            at: setting.location(ofValueBytes: portRange),
            why: "port 4317 serves OTLP/gRPC and 4318 serves OTLP/HTTP; \(spoken.speaker(endpoint.signal ?? "OTLP")), so every export fails",
            help: help, related: protocolSite, fix: fix)
    }

    /// No protocol set, in a process whose launcher is known: the launcher's default protocol decides, and it may
    /// not match the port.
    private func launcherDefaultMismatch(_ endpoint: EndpointSetting, use: EndpointUse, port: Int, portRange: Range<Int>,
                                         launcher: LauncherDefault?) -> Diagnostic? {
        guard let launcher, use.protocolSetting == nil, !use.exporterChoosesTransport, let insertion = use.protocolInsertion else { return nil }
        let defaultProtocol = launcher.defaultProtocol
        let portProtocol: String
        if port == 4317 && defaultProtocol.hasPrefix("http/") { portProtocol = "grpc" }
        else if port == 4318 && defaultProtocol == "grpc" { portProtocol = "http/protobuf" }
        else { return nil }
        let setting = endpoint.setting, variable = insertion.name
        let served = port == 4317 ? "OTLP/gRPC" : "OTLP/HTTP"
        let fix = insertion.adding(portProtocol).map { Fix(title: "set `\(variable)=\(portProtocol)`", edits: [$0], applicability: .unsafe) }
        return setting.diagnostic(
            id, message: "\(setting.name) uses port \(port) (\(served)), but no protocol is set and the \(launcher.language) SDK started by its auto-instrumentation exports with `\(defaultProtocol)`: every export fails",
            at: setting.location(ofValueBytes: portRange),
            why: "without `\(variable)` the \(launcher.language) launcher uses its default `\(defaultProtocol)`, and port \(port) serves \(served) only",
            help: "set `\(variable)=\(portProtocol)`, or use port \(port == 4317 ? 4318 : 4317) for `\(defaultProtocol)`",
            related: launcher.evidence, fix: fix)
    }

    /// How the protocol an exporter speaks is named, where it is chosen: a protocol variable, or the exporter type
    /// and the library's default in code.
    private struct Spelling {
        /// "the protocol is `http/protobuf`", "the exporter speaks OTLP/HTTP"
        var claim: String
        /// "`http/protobuf`", "OTLP/HTTP"
        var protocolName: String
        /// Why the exporter speaks it: "the traces exporter speaks `grpc` (`OTEL_EXPORTER_OTLP_PROTOCOL`)".
        var speaker: (_ signals: String) -> String
        /// How to choose the other protocol instead.
        var otherProtocolAdvice: String

        init(use: EndpointUse, origin: SettingOrigin) {
            let isHTTP = use.transport == .http
            if let protocolSetting = use.protocolSetting, let value = protocolSetting.value?.blankTrimmed.lowercased() {
                protocolName = "`\(value)`"
                claim = "the protocol is `\(value)`"
                speaker = { "the \($0) exporter speaks `\(value)` (\(protocolSetting.name))" }
                otherProtocolAdvice = "set the protocol to `\(isHTTP ? "grpc" : "http/protobuf")`"
                return
            }
            protocolName = isHTTP ? "OTLP/HTTP" : "OTLP/gRPC"
            claim = "the exporter speaks \(protocolName)"
            let api = origin.displayName
            if let type = origin.collectorComponentType {
                speaker = { _ in "the collector's `\(type)` exporter speaks \(isHTTP ? "OTLP/HTTP" : "OTLP/gRPC") only" }
                otherProtocolAdvice = "use the `\(isHTTP ? "otlp_grpc` (before v0.144.0: `otlp`" : "otlp_http` (before v0.144.0: `otlphttp`")) exporter"
                return
            }
            if case .configFileSetting = origin {
                speaker = { _ in "the `\(isHTTP ? "otlp_http" : "otlp_grpc")` exporter speaks \(isHTTP ? "OTLP/HTTP" : "OTLP/gRPC") only" }
                otherProtocolAdvice = "use the `\(isHTTP ? "otlp_grpc" : "otlp_http")` exporter"
                return
            }
            switch origin.sdk {
            case .swiftOTel:
                speaker = { _ in isHTTP ? "swift-otel exports with OTLP/HTTP unless the exporter's `.protocol` is `.grpc`" : "the exporter's `.protocol` is `.grpc`" }
                otherProtocolAdvice = isHTTP ? "set the exporter's `.protocol = .grpc`" : "remove `.protocol = .grpc` (OTLP/HTTP is swift-otel's default)"
            case .opentelemetrySwift, nil:
                speaker = { _ in "\(api) is an \(isHTTP ? "OTLP/HTTP" : "OTLP/gRPC") exporter" }
                otherProtocolAdvice = isHTTP ? "use the gRPC exporter (`OtlpTraceExporter` with a `ClientConnection`)" : "use the HTTP exporter"
            }
        }
    }
}
