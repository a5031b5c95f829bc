// Rules and readers of this module speak the settings model's types (`Setting`, `ValueSite`, `EndpointURL`,
// `TierAssessment`) as their own.
@_exported import OTLintSettings
import OTLintCore

/// Reads the settings model from an environment scope: what the SDK of a compose service or of the process that
/// loads an env file reads from its `OTEL_*` variables.
extension TelemetryProcess {
    /// `project` gives what lies outside the scope: the compose files a scope is layered on, a collector that
    /// samples downstream, the language of a service, the code it is built from.
    init(environment scope: EnvironmentScope, in project: ConfigProject) {
        self.init(displayName: scope.displayName, purpose: .deployment, tier: scope.tier, isTemplate: scope.isTemplate,
                  isTelemetryBackend: scope.isTelemetryBackend, endpoints: EnvironmentSettings.endpoints(of: scope, in: project))
        projectHostNames = EnvironmentSettings.projectHostNames(of: scope, in: project)
        launcherDefault = EnvironmentSettings.launcherDefault(of: scope, in: project)
        exporterHeaders = EnvironmentHeaders.exporterHeaders(of: scope)
        serviceName = scope.setting("OTEL_SERVICE_NAME").map(Setting.init)
        resourceAttributes = EnvironmentSettings.resourceAttributes(of: scope)
        attributeKeys = resourceAttributes.flatMap { group in
            group.attributes.map { AttributeKeySetting(name: $0.key, setting: $0.keySetting, target: .resource, isWrittenVerbatim: $0.isWrittenVerbatim,
                                                       siblings: group.keys) }
        }
        jaeger = JaegerEnvironment.settings(of: scope)
        recordedData = RecordedDataEnvironment.settings(of: scope)
        serviceNamings = [ServiceNameEnvironment.naming(of: scope, in: project)]
        samplers = [EnvironmentSettings.sampler(of: scope, project: project)]
        exporterChoices = EnvironmentSettings.exporterChoices(of: scope)
        sdkDisabled = scope.setting("OTEL_SDK_DISABLED").map(Setting.init)
        configuresExport = scope.configuresTelemetry
        isSampledDownstream = project.collectorSampling.evidence(for: scope) != nil
        variableWriter = EnvironmentSettings.variableWriter(of: scope)
        batchProcessors = EnvironmentSettings.batchProcessors(of: scope)
        exporterTimeouts = EnvironmentSettings.exporterTimeouts(of: scope, project: project)
    }
}

enum EnvironmentSettings {
    /// The endpoint variables, each with the variable choosing its protocol: per-signal over base (specification,
    /// "Configuration Options" of the OTLP exporter).
    /// A service whose language is known and whose SDK rejects a scheme-less endpoint for every protocol (Java)
    /// needs a URL; elsewhere only OTLP/HTTP does (gRPC clients take `host:port`).
    static func endpoints(of scope: EnvironmentScope, in project: ConfigProject) -> [EndpointSetting] {
        let runtime = project.runtime(of: scope)
        let schemeRequiredBy = runtime.flatMap { LanguageProfile.profile($0.language)?.endpointRequiresScheme == true ? "the \($0.language.rawValue) SDK" : nil }
        var endpoints: [EndpointSetting] = []
        let exports = SignalExport.all(in: scope)
        let baseProtocol = scope.setting("OTEL_EXPORTER_OTLP_PROTOCOL")
        if let base = scope.setting("OTEL_EXPORTER_OTLP_ENDPOINT") {
            var endpoint = otlpEndpoint(base, signal: nil, protocolDefinition: baseProtocol, schemeRequiredBy: schemeRequiredBy)
            endpoint.uses = exports.filter { !$0.endpointIsPerSignal }.map { use($0, of: base, in: scope) }
            // A full signal URL in the base variable that the application's own code reads: it hands the value to an
            // exporter's `url` itself (`new OTLPTraceExporter({ url: process.env.OTEL_EXPORTER_OTLP_ENDPOINT })`),
            // which sends to it as written. (Searched only for such a value: the search costs.)
            if let value = base.value, EndpointSetting.signalPaths.contains(where: { value.hasSuffix($0) || value.hasSuffix($0 + "/") }),
               let directory = scope.codeDirectory, project.codeContext.isSeenToRead(variable: base.name, directory: directory) {
                endpoint.appendsSignalPath = false
            }
            endpoints.append(endpoint)
        }
        for signal in VariableCatalog.signals {
            guard let definition = scope.setting("OTEL_EXPORTER_OTLP_\(signal)_ENDPOINT") else { continue }
            let protocolDefinition = scope.setting("OTEL_EXPORTER_OTLP_\(signal)_PROTOCOL") ?? baseProtocol
            var endpoint = otlpEndpoint(definition, signal: signal.lowercased(), protocolDefinition: protocolDefinition,
                                        schemeRequiredBy: schemeRequiredBy)
            endpoint.uses = exports.filter { $0.endpointIsPerSignal && $0.signal == signal }.map { use($0, of: definition, in: scope) }
            endpoints.append(endpoint)
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

    private static func otlpEndpoint(_ endpoint: VariableDefinition, signal: String?, protocolDefinition: VariableDefinition?,
                                     schemeRequiredBy: String?) -> EndpointSetting {
        let isHTTP = transport(protocolDefinition) == .http
        var value = Setting(endpoint)
        // `<Vendor_OTLP_Endpoint>/v1/traces` in a sample: a value to replace, judged by no endpoint rule.
        if value.value.map(EndpointSetting.isPlaceholder) == true { value.value = nil }
        var setting = EndpointSetting(setting: value, signal: signal, transport: transport(protocolDefinition),
                                      protocolSetting: protocolDefinition.map(Setting.init), appendsSignalPath: signal == nil,
                                      requiresURL: isHTTP || schemeRequiredBy != nil)
        setting.urlRequiredBy = isHTTP ? nil : schemeRequiredBy
        return setting
    }

    private static func transport(_ protocolDefinition: VariableDefinition?) -> EndpointSetting.Transport? {
        let protocolName = protocolDefinition?.value?.blankTrimmed.lowercased()
        return protocolName == "grpc" ? .grpc : protocolName?.hasPrefix("http") == true ? .http : nil
    }

    /// One signal exporting over OTLP to `endpoint`, with that signal's variables: per-signal over base.
    private static func use(_ export: SignalExport, of endpoint: VariableDefinition, in scope: EnvironmentScope) -> EndpointUse {
        let signal = export.signal
        let perSignalOrBase = { (suffix: String) in
            scope.setting("OTEL_EXPORTER_OTLP_\(signal)_\(suffix)") ?? scope.setting("OTEL_EXPORTER_OTLP_\(suffix)")
        }
        // Python's exporter names `otlp_proto_http`, `otlp_proto_grpc`, `otlp_json_http` choose the transport themselves.
        let exporterNames = scope.setting("OTEL_\(signal)_EXPORTER")?.value.map(ListItem.split) ?? []
        let protocolName = export.endpointIsPerSignal ? "OTEL_EXPORTER_OTLP_\(signal)_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL"
        return EndpointUse(
            signal: signal.lowercased(), transport: transport(export.protocolDefinition), protocolSetting: export.protocolDefinition.map(Setting.init),
            headers: perSignalOrBase("HEADERS").map(Setting.init), insecure: perSignalOrBase("INSECURE").map(Setting.init),
            exporterChoosesTransport: exporterNames.contains { $0.text.lowercased().hasPrefix("otlp_") },
            protocolInsertion: SettingInsertion(name: protocolName) { EntryInsertion.after(endpoint, name: protocolName, value: $0) })
    }

    /// The names the services of the scope's compose project are reached by: its own file and the other files of
    /// its folder that define the same service (base, override and environment files are merged by Compose); none
    /// for a standalone env file.
    static func projectHostNames(of scope: EnvironmentScope, in project: ConfigProject) -> Set<String> {
        guard case .composeService(let compose, _) = scope.kind else { return [] }
        return project.layeredScopes(of: scope).reduce(into: compose.hostNames) { names, layer in
            if case .composeService(let file, _) = layer.kind { names.formUnion(file.hostNames) }
        }
    }

    /// The launcher's default protocol, for a compose service whose language and auto-instrumentation launcher are
    /// both known: from its image or build context, and its command, entrypoint, Dockerfile or environment
    /// (`NODE_OPTIONS=--require …/register`).
    static func launcherDefault(of scope: EnvironmentScope, in project: ConfigProject) -> LauncherDefault? {
        if case .operatorInstrumentation(let process) = scope.kind { return InstrumentationScopes.launcherDefault(process) }
        // The Java agent's default depends on its version, which only the image's Dockerfile can show.
        if let java = JavaAgentLaunch.launcherDefault(of: scope) { return java }
        guard let runtime = project.runtime(of: scope), let profile = LanguageProfile.profile(runtime.language),
              let defaultProtocol = profile.launcherDefaultProtocol else { return nil }
        let launcher = runtime.launcher ?? scope.effectiveDefinitions.lazy.compactMap { definition -> RelatedLocation? in
            guard let value = definition.value, let marker = profile.launcherMarkers.first(where: value.contains) else { return nil }
            return RelatedLocation(location: definition.valueLocation, message: "`\(marker)` starts the SDK from the environment here")
        }.first
        guard let launcher else { return nil }
        return LauncherDefault(language: runtime.language.rawValue, defaultProtocol: defaultProtocol, evidence: [runtime.evidence, launcher])
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
