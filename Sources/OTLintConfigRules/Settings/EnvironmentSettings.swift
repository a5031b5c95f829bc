import OTLintCore

/// Reads the settings model from an environment scope: what the SDK of a compose service or of the process that
/// loads an env file reads from its `OTEL_*` variables.
extension TelemetryProcess {
    /// `project` gives what lies outside the scope: a collector that samples downstream, the compose file a scope
    /// is layered on, the language of a service.
    init(environment scope: EnvironmentScope, project: ConfigProject? = nil) {
        self.init(displayName: scope.displayName, purpose: .deployment, tier: scope.tier, isTemplate: scope.isTemplate,
                  isTelemetryBackend: scope.isTelemetryBackend, endpoints: EnvironmentSettings.endpoints(of: scope))
        samplers = [EnvironmentSettings.sampler(of: scope, project: project)]
        exporterChoices = EnvironmentSettings.exporterChoices(of: scope)
        sdkDisabled = scope.setting("OTEL_SDK_DISABLED").map(Setting.init)
        configuresExport = scope.configuresTelemetry
        isSampledDownstream = project?.collectorSampling.evidence(for: scope) != nil
        variableWriter = EnvironmentSettings.variableWriter(of: scope)
        batchProcessors = EnvironmentSettings.batchProcessors(of: scope)
        exporterTimeouts = EnvironmentSettings.exporterTimeouts(of: scope, project: project)
    }
}

enum EnvironmentSettings {
    /// The endpoint variables, each with the variable choosing its protocol: per-signal over base (specification,
    /// "Configuration Options" of the OTLP exporter).
    static func endpoints(of scope: EnvironmentScope) -> [EndpointSetting] {
        var endpoints: [EndpointSetting] = []
        let baseProtocol = scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL")
        if let base = scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT") {
            endpoints.append(otlpEndpoint(base, signal: nil, protocolDefinition: baseProtocol))
        }
        for signal in VariableCatalog.signals {
            guard let endpoint = scope.setting("OTEL_EXPORTER_OTLP_\(signal)_ENDPOINT") else { continue }
            let protocolDefinition = scope.setting("OTEL_EXPORTER_OTLP_\(signal)_PROTOCOL") ?? baseProtocol
            endpoints.append(otlpEndpoint(endpoint, signal: signal.lowercased(), protocolDefinition: protocolDefinition))
        }
        if let zipkin = scope.setting("OTEL_EXPORTER_ZIPKIN_ENDPOINT") {
            endpoints.append(EndpointSetting(setting: Setting(zipkin), signal: "traces", transport: .http, appendsSignalPath: false,
                                             requiresURL: true, isZipkin: true))
        }
        return endpoints
    }

    private static func otlpEndpoint(_ endpoint: VariableDefinition, signal: String?, protocolDefinition: VariableDefinition?) -> EndpointSetting {
        let protocolName = protocolDefinition?.value?.blankTrimmed.lowercased()
        let transport: EndpointSetting.Transport? = protocolName == "grpc" ? .grpc : protocolName?.hasPrefix("http") == true ? .http : nil
        return EndpointSetting(setting: Setting(endpoint), signal: signal, transport: transport, protocolSetting: protocolDefinition.map(Setting.init),
                               appendsSignalPath: signal == nil, requiresURL: transport == .http)
    }
}

extension Setting {
    /// A variable's winning definition as a setting: its value where it is really written.
    init(_ definition: VariableDefinition) {
        self.init(value: definition.value, origin: .variable(definition.name), site: definition.valueSite,
                  fallbackLocation: definition.keyLocation, isEditable: definition.isEditable, related: definition.valueRelated,
                  maskedRanges: definition.credentialRanges)
    }
}
