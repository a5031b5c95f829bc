import OTLintCore

/// Reads the settings model from an environment scope: what the SDK of a compose service or of the process that
/// loads an env file reads from its `OTEL_*` variables.
extension TelemetryProcess {
    init(environment scope: EnvironmentScope, project: ConfigProject) {
        self.init(displayName: scope.displayName, purpose: .deployment, tier: scope.tier, isTemplate: scope.isTemplate,
                  isTelemetryBackend: scope.isTelemetryBackend, endpoints: EnvironmentSettings.endpoints(of: scope))
        serviceName = scope.setting("OTEL_SERVICE_NAME").map(Setting.init)
        resourceAttributes = EnvironmentSettings.resourceAttributes(of: scope)
        jaeger = JaegerEnvironment.settings(of: scope)
        serviceNamings = [ServiceNameEnvironment.naming(of: scope, in: project)]
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

    /// The keys of `OTEL_RESOURCE_ATTRIBUTES`, each pointing at its bytes in the value.
    static func resourceAttributes(of scope: EnvironmentScope) -> [ResourceAttributeSettings] {
        guard let definition = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = definition.value else { return [] }
        let items = ResourceAttributeItem.parse(value)
        let attributes = items.indices.compactMap { index -> ResourceAttributeSettings.Attribute? in
            let item = items[index]
            guard let key = item.key, let range = item.keyRange else { return nil }
            return ResourceAttributeSettings.Attribute(
                key: key, keySetting: Setting(part: range, of: definition, value: key), isWrittenVerbatim: item.rawKey == key,
                value: item.valueRange.map { Setting(part: $0, of: definition, value: item.value ?? "") },
                removal: definition.edit(inValue: ListItem.removalRange(of: index, in: items.map(\.item)), replacement: ""))
        }
        return [ResourceAttributeSettings(origin: .variable(definition.name), attributes: attributes)]
    }

    private static func otlpEndpoint(_ endpoint: VariableDefinition, signal: String?, protocolDefinition: VariableDefinition?) -> EndpointSetting {
        let protocolName = protocolDefinition?.value?.blankTrimmed.lowercased()
        let transport: EndpointSetting.Transport? = protocolName == "grpc" ? .grpc : protocolName?.hasPrefix("http") == true ? .http : nil
        return EndpointSetting(setting: Setting(endpoint), signal: signal, transport: transport, protocolSetting: protocolDefinition.map(Setting.init),
                               appendsSignalPath: signal == nil, requiresURL: transport == .http)
    }
}

extension Setting {
    /// Part of a variable's value as a setting of its own (a key of `OTEL_RESOURCE_ATTRIBUTES`, an item of a list):
    /// it points at those bytes when the value is written verbatim, else at the whole value.
    init(part range: Range<Int>, of definition: VariableDefinition, value: String) {
        var site: ValueSite?
        if let valueSite = definition.valueSite, let location = valueSite.location(ofValueBytes: range) {
            site = ValueSite(file: valueSite.file, range: location.range, editableRange: location.range)
        }
        self.init(value: value, origin: .variable(definition.name), site: site, fallbackLocation: definition.valueLocation,
                  isEditable: definition.isEditable && site != nil, related: definition.valueRelated)
    }

    /// A variable's winning definition as a setting: its value where it is really written.
    init(_ definition: VariableDefinition) {
        self.init(value: definition.value, origin: .variable(definition.name), site: definition.valueSite,
                  fallbackLocation: definition.keyLocation, isEditable: definition.isEditable, related: definition.valueRelated,
                  maskedRanges: definition.credentialRanges)
    }
}
