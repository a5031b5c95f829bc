import OTLintCore

/// Reads what a scope says about the removed Jaeger exporter and the retired Jaeger clients.
enum JaegerEnvironment {
    static func settings(of scope: EnvironmentScope) -> JaegerExportSettings {
        var jaeger = JaegerExportSettings()
        jaeger.host = host(scope)
        if let exporter = scope.setting("OTEL_TRACES_EXPORTER"), let value = exporter.value {
            let items = ListItem.split(value)
            let hasOTLP = items.contains { $0.text.lowercased() == "otlp" }
            for (index, item) in items.enumerated() where item.text.lowercased() == "jaeger" {
                // With `otlp` already listed, drop `jaeger` instead of listing `otlp` twice.
                let edit = hasOTLP ? exporter.edit(inValue: ListItem.removalRange(of: index, in: items), replacement: "")
                    : exporter.edit(inValue: item.range, replacement: "otlp")
                let title = hasOTLP ? "remove `jaeger` (`otlp` is listed)" : "export with `otlp`"
                jaeger.choices.append(JaegerExportSettings.Choice(setting: Setting(part: item.range, of: exporter, value: item.text),
                                                                  switchToOTLP: edit.map { (title, $0) }))
            }
        }
        for definition in scope.effectiveDefinitions where definition.name.hasPrefix("OTEL_EXPORTER_JAEGER_") && definition.isSet {
            var setting = Setting(definition)
            // The password is on the line shown with the finding: mask it.
            if definition.name.hasSuffix("PASSWORD") { setting.maskedRanges += definition.writtenSite.map { [$0.range] } ?? [] }
            jaeger.exporterSettings.append(setting)
        }
        let clientDefinitions = scope.effectiveDefinitions.filter { JaegerClientVariables.replacements[$0.name] != nil && $0.isSet }
        if !clientDefinitions.isEmpty, isApplication(scope) {
            jaeger.clientSettings = clientDefinitions.map { definition in
                var setting = Setting(definition)
                if JaegerClientVariables.credentials.contains(definition.name) { setting.maskedRanges += definition.writtenSite.map { [$0.range] } ?? [] }
                return (setting, JaegerClientVariables.replacements[definition.name] ?? "the matching `OTEL_*` variable")
            }
        }
        return jaeger
    }

    /// Whether the scope is certainly an application, not a tracing backend reading `JAEGER_*` for itself (Jaeger's
    /// own containers and other backends read some of these names for their own tracing, e.g. `JAEGER_DISABLED`):
    /// a compose service built from source or running an image that is no telemetry backend, or an env file that
    /// also configures an OpenTelemetry SDK.
    static func isApplication(_ scope: EnvironmentScope) -> Bool {
        switch scope.kind {
        case .composeService(_, let service):
            if let image = service.image, let reference = ImageReference(image.text) {
                return !TelemetryBackends.isBackend(reference) && !reference.repository.hasPrefix("jaegertracing/")
            }
            // No literal image: a service built from source is an application; an interpolated image is unknown.
            return service.image == nil && service.buildContext != nil
        case .envFile, .dockerfile, .kubernetesContainer, .operatorInstrumentation:
            return scope.effectiveDefinitions.contains { $0.isSet && $0.name.hasPrefix("OTEL_") }
        }
    }

    /// The Jaeger host the old settings point at, to write the OTLP endpoint for it.
    private static func host(_ scope: EnvironmentScope) -> String? {
        if let endpoint = scope.setting("OTEL_EXPORTER_JAEGER_ENDPOINT")?.value, let url = EndpointURL(endpoint), url.host != "" {
            return url.host
        }
        if let host = scope.setting("OTEL_EXPORTER_JAEGER_AGENT_HOST")?.value?.blankTrimmed, !host.isEmpty {
            return host
        }
        return nil
    }
}
