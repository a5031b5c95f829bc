import OTLintCore
import OTLintYAML

/// What an SDK configuration file says about the concepts the settings rules judge, as a `TelemetryProcess`: where
/// its OTLP exporters send and the tracer provider's sampler, each pointing into the file.
///
/// In the file an `otlp_http` exporter's `endpoint` is the full URL of its signal (nothing is appended) and an
/// `otlp_grpc` exporter's is `scheme://host:port` (opentelemetry-configuration, `OtlpHttpExporter`,
/// `OtlpGrpcExporter`).
enum SDKConfigSettings {
    /// Each provider's exporters: the path to its list, the list item's processor or reader kinds, and the signal.
    private static let providers: [(provider: String, list: String, kinds: [String], signal: String)] = [
        ("tracer_provider", "processors", ["batch", "simple"], "traces"),
        ("logger_provider", "processors", ["batch", "simple"], "logs"),
        ("meter_provider", "readers", ["periodic"], "metrics"),
    ]

    static func process(_ file: SDKConfigFile, tier: TierAssessment) -> TelemetryProcess {
        var process = TelemetryProcess(displayName: "`\(ConfigPaths.fileName(file.source.path))`", purpose: .deployment, tier: tier,
                                       isTelemetryBackend: false, endpoints: endpoints(of: file))
        process.samplers = sampler(of: file).map { [$0] } ?? []
        process.configuresExport = !process.endpoints.isEmpty
        return process
    }

    /// A scalar of the file as a setting named by its path; its value is unknown where substitution decides it.
    private static func setting(_ node: YAMLNode, path: String, in file: SDKConfigFile) -> Setting? {
        guard let text = node.scalar, !node.isNull else { return nil }
        let content = ComposeParser.content(of: node, in: file.source)
        let substituted = text.contains("$")
        let verbatim = content?.verbatim == true && !substituted
        return Setting(value: substituted ? nil : text, origin: .configFileSetting(path),
                       site: ValueSite(file: file.source, range: node.range, editableRange: verbatim ? content?.range : nil),
                       fallbackLocation: file.source.location(node.range), isEditable: verbatim)
    }

    private static func endpoints(of file: SDKConfigFile) -> [EndpointSetting] {
        var endpoints: [EndpointSetting] = []
        for (provider, list, kinds, signal) in providers {
            for (index, item) in (file.root[provider]?[list]?.sequence ?? []).enumerated() {
                for kind in kinds {
                    guard let exporter = item[kind]?["exporter"] else { continue }
                    for (type, transport) in [("otlp_http", EndpointSetting.Transport.http), ("otlp_grpc", .grpc)] {
                        let path = "\(provider).\(list)[\(index)].\(kind).exporter.\(type).endpoint"
                        guard let node = exporter[type]?["endpoint"], let value = setting(node, path: path, in: file) else { continue }
                        var endpoint = EndpointSetting(setting: value, signal: signal, transport: transport, appendsSignalPath: false,
                                                       requiresURL: transport == .http)
                        endpoint.uses = [EndpointUse(signal: signal, transport: transport)]
                        endpoints.append(endpoint)
                    }
                }
            }
        }
        return endpoints
    }

    /// `tracer_provider.sampler`: `always_on`, `always_off`, `trace_id_ratio_based.ratio`, or `parent_based.root`.
    private static func sampler(of file: SDKConfigFile) -> SamplerSetting? {
        guard let node = file.root["tracer_provider"]?["sampler"], let (key, settings) = single(node) else { return nil }
        var path = "tracer_provider.sampler"
        var isParentBased = false
        var chosen = (key: key, settings: settings)
        if key.scalar == "parent_based" {
            guard let root = settings?["root"], let (rootKey, rootSettings) = single(root) else { return nil }
            isParentBased = true
            path += ".parent_based.root"
            chosen = (rootKey, rootSettings)
        }
        guard let name = chosen.key.scalar else { return nil }
        let choice = Setting(value: name, origin: .configFileSetting("\(path).\(name)"), site: nil,
                             fallbackLocation: file.source.location(chosen.key.range), isEditable: false)
        switch name {
        case "always_on":
            return SamplerSetting(root: .alwaysOn, isParentBased: isParentBased, choice: choice, name: choice, invalidRatioHandling: .ignoredBySDKs)
        case "always_off":
            return SamplerSetting(root: .alwaysOff, isParentBased: isParentBased, choice: choice, name: choice, invalidRatioHandling: .ignoredBySDKs)
        case "trace_id_ratio_based":
            let ratio = chosen.settings?["ratio"].flatMap { setting($0, path: "\(path).trace_id_ratio_based.ratio", in: file) }
            return SamplerSetting(root: .traceIDRatioBased, isParentBased: isParentBased, choice: choice, name: choice, ratio: ratio,
                                  ratioValue: ratio?.value.flatMap(SamplerSetting.decimalRatio), invalidRatioHandling: .ignoredBySDKs)
        default:
            return SamplerSetting(root: .other, isParentBased: isParentBased, choice: choice, name: choice, invalidRatioHandling: .ignoredBySDKs)
        }
    }

    /// The one key of a sampler mapping (`always_on:`) and its settings.
    private static func single(_ node: YAMLNode) -> (key: YAMLNode, settings: YAMLNode?)? {
        guard let pairs = node.mergedPairs, pairs.count == 1 else { return nil }
        return (pairs[0].key, pairs[0].value.isNull ? nil : pairs[0].value)
    }

    /// The file's tier: `deployment.environment.name` among its resource attributes, else its path, else the tier of
    /// the processes that read it.
    static func tier(of file: SDKConfigFile, readers: [EnvironmentScope], context: AnalysisContext) -> TierAssessment {
        let attributes = (file.root["resource"]?["attributes"]?.sequence ?? []).compactMap { item -> String? in
            guard let name = item["name"]?.scalar, let value = item["value"]?.scalar else { return nil }
            return "\(name)=\(value)"
        }
        let definitions = attributes.isEmpty ? [] : [VariableDefinition(
            name: "OTEL_RESOURCE_ATTRIBUTES", value: attributes.joined(separator: ","), source: .instrumentationField, file: file.source,
            keyRange: file.root.range, keyIsExact: false, writtenSite: nil, entryRange: file.root.range)]
        let own = DeploymentTierResolver.assess(definitions: definitions, path: file.source.path, context: context)
        if own.tier != .unknown { return own }
        return readers.first { $0.tier.tier != .unknown }?.tier ?? own
    }
}
