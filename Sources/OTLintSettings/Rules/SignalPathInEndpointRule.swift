import OTLintCore

/// OTL204: `/v1/traces` (or just `/v1`) on the base endpoint, to which the SDK appends the signal path again, or an
/// OTLP/HTTP endpoint used as-is without its signal path or with another signal's path: a per-signal variable, or
/// an endpoint set in code (swift-otel appends `/v1/traces` only to its default and to
/// `OTEL_EXPORTER_OTLP_ENDPOINT`; opentelemetry-swift's HTTP exporters never append anything).
struct SignalPathInEndpointRule: SettingsRule {
    static let id = "OTL204"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        process.endpoints.compactMap { endpoint in
            guard !endpoint.isZipkin, let value = endpoint.setting.value, let url = EndpointURL(value) else { return nil }
            if endpoint.appendsSignalPath {
                return endpoint.transport == .grpc ? nil : checkBase(endpoint, url: url)
            }
            return checkUsedAsIs(endpoint, url: url)
        }
    }

    /// The base endpoint is a prefix: the SDK appends `v1/<signal>` to it.
    private func checkBase(_ endpoint: EndpointSetting, url: EndpointURL) -> Diagnostic? {
        let setting = endpoint.setting, name = setting.name
        // Who appends the path, and where a full per-signal URL goes instead.
        let exporterType = setting.origin.collectorComponentType
        let appender = exporterType.map { "the collector's `\($0)` exporter appends" } ?? "SDKs append"
        let perSignal = { (signal: String) in exporterType == nil ? "`OTEL_EXPORTER_OTLP_\(signal.uppercased())_ENDPOINT`" : "`\(signal)_endpoint`" }
        var path = url.path
        let trailingSlash = path.hasSuffix("/") && path.count > 1
        if trailingSlash { path.removeLast() }
        if let signalPath = EndpointSetting.signalPaths.first(where: { path.hasSuffix($0) }) {
            let range = (url.pathRange.upperBound - signalPath.utf8.count - (trailingSlash ? 1 : 0))..<url.pathRange.upperBound
            let signal = String(signalPath.dropFirst(4))
            return setting.diagnostic(
                id, message: "\(name) ends with `\(signalPath)`, but \(appender) the signal path to the base endpoint: \(signal) go to `…\(signalPath)\(signalPath)`",
                at: setting.location(ofValueBytes: range),
                why: "the base endpoint is a prefix: \(exporterType == nil ? "the SDK" : "the exporter") adds `/v1/traces`, `/v1/metrics` and `/v1/logs` to it, so every signal gets a wrong path",
                help: "remove `\(signalPath)`, or use \(perSignal(signal)) for a full per-signal URL",
                fix: removal(of: range, title: "remove `\(signalPath)` from the base endpoint", in: setting))
        }
        // With no protocol set, an endpoint on the OTLP/gRPC port is most likely gRPC, where the path is ignored.
        guard path.hasSuffix("/v1"), endpoint.protocolSetting?.value != nil || url.port != 4317 else { return nil }
        let start = url.pathRange.upperBound - 3 - (trailingSlash ? 1 : 0)
        let range = start..<(start + 3)
        return setting.diagnostic(
            id, message: "\(name) ends with `/v1`, but \(appender) `v1/traces`, `v1/metrics` and `v1/logs` to the base endpoint: traces go to `…/v1/v1/traces`",
            at: setting.location(ofValueBytes: range),
            why: "the base endpoint is a prefix and \(exporterType == nil ? "the SDK" : "the exporter") adds the whole signal path, version included; an OTLP/HTTP receiver answers 404 on `/v1/v1/traces` and the data is lost",
            help: "remove `/v1`, or use \(perSignal("traces")) with the full URL ending in `/v1/traces`",
            fix: removal(of: range, title: "remove `/v1` from the base endpoint", in: setting))
    }

    /// An OTLP/HTTP endpoint of one signal, sent to exactly as written.
    private func checkUsedAsIs(_ endpoint: EndpointSetting, url: EndpointURL) -> Diagnostic? {
        let setting = endpoint.setting, name = setting.name
        // In code the text before the first `:` of a URL without `://` is its scheme (OTL205 reports it).
        guard let signal = endpoint.signal, !endpoint.uses.isEmpty, url.scheme != nil || !setting.origin.isCode else { return nil }
        // No protocol set: only the OTLP/HTTP port makes HTTP certain.
        let isHTTP = endpoint.transport.map { $0 == .http } ?? (endpoint.protocolSetting?.value == nil && url.port == 4318)
        guard isHTTP else { return nil }
        let signalPath = "/v1/\(signal)"
        if url.path.isEmpty || url.path == "/" {
            let end = url.pathRange.upperBound
            let fix = setting.edit(inValue: end..<end, url.path == "/" ? String(signalPath.dropFirst()) : signalPath).map {
                Fix(title: "append `\(signalPath)`", edits: [$0], applicability: .safe)
            }
            let sender: String, why: String
            switch setting.origin {
            case .variable:
                sender = "per-signal endpoints are used as-is"
                why = "unlike `OTEL_EXPORTER_OTLP_ENDPOINT`, a per-signal OTLP/HTTP endpoint is the full URL; nothing is appended"
            case .configFileSetting:
                sender = "the SDK sends to an `otlp_http` exporter's `endpoint` as written"
                why = "in the SDK configuration file, an `otlp_http` exporter's `endpoint` is the full URL of its signal; nothing is appended"
            case .collectorSetting:
                sender = "the exporter sends to `\(signal)_endpoint` as written"
                why = "unlike `endpoint`, to which the exporter appends `\(signalPath)`, `\(signal)_endpoint` is the full URL; nothing is appended"
            case .code(_, let sdk):
                sender = "\(sdk.rawValue) sends to this URL as-is"
                why = sdk == .swiftOTel
                    ? "swift-otel appends `\(signalPath)` only to its default and to `OTEL_EXPORTER_OTLP_ENDPOINT`; an endpoint set in code is used unchanged"
                    : "opentelemetry-swift's HTTP exporters never append the signal path"
            }
            return setting.diagnostic(
                id, message: "\(name) has no `\(signalPath)` path: \(sender), so \(signal) are sent to `/` and rejected", why: why,
                help: setting.origin.variableName == nil ? "end the URL with `\(signalPath)`" : "append `\(signalPath)`, or set the base `OTEL_EXPORTER_OTLP_ENDPOINT` instead",
                fix: fix)
        }
        guard let other = EndpointSetting.signalPaths.first(where: { url.path.hasSuffix($0) && $0 != signalPath }) else { return nil }
        return setting.diagnostic(
            id, message: "\(name) ends with `\(other)`: \(signal) are sent to another signal's path",
            why: "an OTLP/HTTP receiver takes \(signal) only at `\(signalPath)`", help: "use `\(signalPath)`")
    }

    /// Removes part of the value, when it is located exactly where it is written.
    private func removal(of range: Range<Int>, title: String, in setting: Setting) -> Fix? {
        setting.edit(inValue: range, "").map { Fix(title: title, edits: [$0], applicability: .safe) }
    }
}
