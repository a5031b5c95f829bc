import OTLintCore
import OTLintYAML

/// Where a collector's OTLP exporters send, as endpoints of the settings model, so the endpoint rules (ports,
/// paths, URL syntax, plaintext to remote hosts, unreachable hosts) judge them as they judge an SDK's.
///
/// The exporters read them as their documentation says: the gRPC exporter (`otlp`, `otlp_grpc`) takes `host:port`
/// or a URL whose `http://` scheme means plaintext and `https://` TLS (over `tls.insecure`); the HTTP exporter
/// (`otlphttp`, `otlp_http`) appends `/v1/<signal>` to `endpoint` and sends to `traces_endpoint` (and the other
/// per-signal keys) as written. Only exporters some pipeline uses are read (an unused one is OTL702's).
enum CollectorEndpoints {
    static let grpcExporterTypes: Set<String> = ["otlp", "otlp_grpc"]
    static let httpExporterTypes: Set<String> = ["otlphttp", "otlp_http"]
    static let signals = ["traces", "metrics", "logs"]
    /// TLS versions below 1.2, as `min_version` spells them.
    static let outdatedTLSVersions: Set<String> = ["1.0", "1.1"]

    /// The setting at `key` of an exporter; its value is unknown when it is a placeholder.
    private static func endpointSetting(_ exporter: CollectorComponent, key: String, path: String, in collector: CollectorInstance) -> Setting? {
        guard let node = exporter.settings[key], var setting = Setting(collectorValue: node, path: "\(path).\(key)", in: collector) else { return nil }
        if setting.value.map(EndpointSetting.isPlaceholder) == true { setting.value = nil }
        return setting
    }

    static func endpoints(of collector: CollectorInstance) -> [EndpointSetting] {
        let config = collector.config
        var endpoints: [EndpointSetting] = []
        for exporter in config.components(.exporter) {
            let isGRPC = grpcExporterTypes.contains(exporter.type)
            guard isGRPC || httpExporterTypes.contains(exporter.type) else { continue }
            let signals = Set(config.pipelines(using: exporter).map(\.signal))
            let path = "exporters.\(exporter.id)"
            // The headers as a whole (usually credentials): OTL209 names them when they travel in plaintext.
            let headers = exporter.settings.pair("headers").flatMap { pair in
                pair.value.mergedPairs?.isEmpty == false
                    ? Setting(value: nil, origin: .collectorSetting("\(path).headers"), site: nil, fallbackLocation: config.location(pair.key), isEditable: false)
                    : nil
            }
            if isGRPC {
                guard let setting = endpointSetting(exporter, key: "endpoint", path: path, in: collector) else { continue }
                let scheme = setting.value.flatMap(EndpointURL.init)?.scheme
                var endpoint = EndpointSetting(setting: setting, signal: nil, transport: .grpc, appendsSignalPath: false, requiresURL: false,
                                               grpcRequiresPort: scheme == "http")
                endpoint.uses = self.signals.filter(signals.contains).map { EndpointUse(signal: $0, transport: .grpc, headers: headers) }
                endpoint.tlsWeaknesses = tlsWeaknesses(of: exporter, path: path, scheme: scheme, isGRPC: true, in: collector)
                endpoints.append(endpoint)
                continue
            }
            // The HTTP exporter: each signal goes to its own `<signal>_endpoint`, or to `endpoint` plus its path.
            var baseSignals = self.signals.filter(signals.contains)
            for signal in self.signals {
                guard let setting = endpointSetting(exporter, key: "\(signal)_endpoint", path: path, in: collector) else { continue }
                baseSignals.removeAll { $0 == signal }
                endpoints.append(httpEndpoint(setting, signal: signal, uses: signals.contains(signal) ? [signal] : [], headers: headers,
                                              exporter: exporter, path: path, in: collector))
            }
            if let setting = endpointSetting(exporter, key: "endpoint", path: path, in: collector) {
                endpoints.append(httpEndpoint(setting, signal: nil, uses: baseSignals, headers: headers, exporter: exporter, path: path, in: collector))
            }
        }
        return endpoints
    }

    private static func httpEndpoint(_ setting: Setting, signal: String?, uses: [String], headers: Setting?, exporter: CollectorComponent,
                                     path: String, in collector: CollectorInstance) -> EndpointSetting {
        var endpoint = EndpointSetting(setting: setting, signal: signal, transport: .http, appendsSignalPath: signal == nil, requiresURL: true)
        endpoint.urlRequiredBy = "the collector's `\(exporter.type)` exporter"
        endpoint.uses = uses.map { EndpointUse(signal: $0, transport: .http, headers: headers) }
        endpoint.tlsWeaknesses = tlsWeaknesses(of: exporter, path: path, scheme: setting.value.flatMap(EndpointURL.init)?.scheme, isGRPC: false,
                                               in: collector)
        return endpoint
    }

    /// `tls.insecure: true` on a gRPC exporter without scheme (plaintext), and, where the connection uses TLS,
    /// `insecure_skip_verify: true` and a `min_version` below 1.2. The scheme wins over `tls:`: `https://` is TLS and
    /// `http://` plaintext (OTL209 reports that scheme itself).
    private static func tlsWeaknesses(of exporter: CollectorComponent, path: String, scheme: String?, isGRPC: Bool,
                                      in collector: CollectorInstance) -> [TLSWeakness] {
        guard let tls = exporter.settings["tls"] else { return [] }
        func setting(_ key: String) -> Setting? {
            tls[key].flatMap { Setting(collectorValue: $0, path: "\(path).tls.\(key)", in: collector) }
        }
        let isTrue = { (setting: Setting?) in setting?.value?.lowercased() == "true" }
        if isGRPC, scheme == nil, let insecure = setting("insecure"), isTrue(insecure) {
            return [TLSWeakness(kind: .plaintext, setting: insecure)]
        }
        guard scheme == "https" || (isGRPC && scheme == nil) else { return [] }
        var weaknesses: [TLSWeakness] = []
        if let skip = setting("insecure_skip_verify"), isTrue(skip) { weaknesses.append(TLSWeakness(kind: .unverifiedCertificate, setting: skip)) }
        if let version = setting("min_version"), let value = version.value, outdatedTLSVersions.contains(value) {
            weaknesses.append(TLSWeakness(kind: .outdatedVersion, setting: version))
        }
        return weaknesses
    }
}
