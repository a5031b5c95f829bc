import OTLintCore
import OTLintYAML

/// What a collector configuration says about the concepts the settings rules judge, as a `TelemetryProcess`: where
/// its OTLP exporters send (`CollectorEndpoints`), the headers they send (and the credentials of its auth
/// extensions) written literally in the file, the removed Jaeger exporter, and a sampling processor that keeps every
/// trace.
enum CollectorSettings {
    /// Auth extensions that hold a credential, and where: `bearertokenauth.token`, `basicauth.client_auth.password`.
    static let credentialSettings: [String: (path: [String], header: String)] = [
        "bearertokenauth": (["token"], "authorization"),
        "basicauth": (["client_auth", "password"], "authorization"),
    ]

    static func process(_ collector: CollectorInstance) -> TelemetryProcess {
        let config = collector.config
        var process = TelemetryProcess(displayName: collector.deployment.map { "service `\($0.service.name)`" } ?? "`\(ConfigPaths.fileName(config.file.path))`",
                                       // Read from the configuration, not from `OTEL_*` variables: every settings rule applies.
                                       purpose: .deployment, tier: collector.tier, isTelemetryBackend: false,
                                       endpoints: CollectorEndpoints.endpoints(of: collector))
        process.projectHostNames = collector.deployment?.variant.index.knownHostNames ?? []
        process.jaeger.choices = jaegerExporters(of: collector)
        process.jaeger.host = config.components(.exporter).lazy.filter { $0.type.hasPrefix("jaeger") }
            .compactMap { $0.settings["endpoint"]?.scalar.flatMap(EndpointURL.init)?.host }.first { !$0.contains("$") }
        process.samplers = keepEverythingSampler(of: collector).map { [$0] } ?? []
        process.configuresExport = !process.samplers.isEmpty
        var written: [(name: String, value: YAMLNode, path: String)] = []
        for exporter in config.components(.exporter) {
            for pair in exporter.settings["headers"]?.mergedPairs ?? [] {
                if let name = pair.key.scalar { written.append((name, pair.value, "exporters.\(exporter.id).headers")) }
            }
        }
        for component in config.components(.extension) {
            guard let (path, name) = credentialSettings[component.type],
                  let node = path.reduce(Optional(component.settings), { $0?[$1] }) else { continue }
            written.append((name, node, "extensions.\(component.id).\(path.joined(separator: "."))"))
        }
        // Git is asked only about a file that holds a credential-like value: a file git ignores is where secrets belong.
        let candidates = written.filter { Credentials.isCredentialHeader($0.name) && $0.value.scalar.map(Credentials.looksLikeSecret) == true }
        guard !candidates.isEmpty, !GitTracking.isUntracked(config.file.path) else { return process }
        let exposure = EnvironmentHeaders.exposure(of: config.file.path)
        process.exporterHeaders = candidates.compactMap { literalHeader(name: $0.name, value: $0.value, path: $0.path, exposure: exposure, in: config.file) }
        return process
    }

    /// The removed `jaeger` exporters a pipeline uses, where the collector's release still contains them (where it
    /// does not, the collector refuses to start and OTL704 reports it).
    private static func jaegerExporters(of collector: CollectorInstance) -> [JaegerExportSettings.Choice] {
        let config = collector.config
        return config.components(.exporter).compactMap { exporter in
            guard exporter.type == "jaeger" || exporter.type == "jaeger_thrift", !config.uses(of: exporter).isEmpty else { return nil }
            if let (distribution, version) = collector.release,
               !CollectorCatalogue.shared.contains(.exporter, exporter.type, in: distribution, at: version) { return nil }
            return JaegerExportSettings.Choice(setting: Setting(value: exporter.type, origin: .collectorSetting("exporters.\(exporter.id)"),
                                                                site: nil, fallbackLocation: config.location(exporter.key), isEditable: false))
        }
    }

    /// A sampling processor of a traces pipeline that keeps every trace (`CollectorSampling.keepsEveryTrace`), as a
    /// sampler pointing at the policy or percentage that keeps them.
    private static func keepEverythingSampler(of collector: CollectorInstance) -> SamplerSetting? {
        let config = collector.config
        for pipeline in config.pipelines where pipeline.signal == "traces" {
            for reference in pipeline.processors {
                guard let processor = config.component(reference.id, as: .processor),
                      CollectorSampling.samplingProcessorTypes.contains(processor.type),
                      let (node, path) = CollectorSampling.keepEverythingSetting(of: processor) else { continue }
                let setting = Setting(value: node.scalar, origin: .collectorSetting("processors.\(processor.id).\(path)"), site: nil,
                                      fallbackLocation: config.location(node), isEditable: false)
                return SamplerSetting(root: .alwaysOn, isParentBased: false, choice: setting, name: setting, invalidRatioHandling: .ignoredBySDKs)
            }
        }
        return nil
    }

    /// A header whose value is written in the file (not `${env:…}`), with the bytes that hold it.
    private static func literalHeader(name: String, value node: YAMLNode, path: String, exposure: String, in file: SourceFile) -> ExporterHeader? {
        guard let value = node.scalar, !node.isNull, !value.containsText("$"),
              let content = ComposeParser.content(of: node, in: file) else { return nil }
        return ExporterHeader(name: name, value: value, origin: .collectorSetting(path), location: file.location(content.range),
                              maskedRange: content.range, exposure: exposure)
    }
}
