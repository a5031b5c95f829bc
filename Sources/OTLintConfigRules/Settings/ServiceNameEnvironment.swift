import OTLintCore

/// Reads how a scope names its service: `OTEL_SERVICE_NAME`, or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`.
enum ServiceNameEnvironment {
    static func naming(of scope: EnvironmentScope, in project: ConfigProject) -> ServiceNaming {
        let exports = scope.configuresTelemetry
        let isNamed = ([scope] + (exports ? project.layeredScopes(of: scope) : [])).contains(where: namesService)
        var naming = ServiceNaming(
            subject: scope.displayName, location: scope.anchorLocation, exportsRemotely: exports, isNamed: isNamed,
            mayBeNamedElsewhere: exports && !isNamed && mayBeNamedElsewhere(scope, in: project),
            why: "neither `OTEL_SERVICE_NAME` nor `service.name` in `OTEL_RESOURCE_ATTRIBUTES` is set, so SDKs fall back to `unknown_service:<process>` (unless the code sets it)",
            help: "set `OTEL_SERVICE_NAME` (or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`) to the name dashboards should show")
        guard exports && !isNamed else { return naming }
        if case .composeService(_, let service) = scope.kind {
            naming.help = "set `OTEL_SERVICE_NAME=\(service.name)` in its environment"
            let anchor = scope.definitions.last { definition in
                if case .composeEnvironment = definition.source { return !definition.isInherited } else { return false }
            } ?? scope.definitions.last { !$0.isInherited && $0.source != .dockerfile }
            if let anchor, let edit = EntryInsertion.after(anchor, name: "OTEL_SERVICE_NAME", value: service.name) {
                naming.fix = Fix(title: "set OTEL_SERVICE_NAME=\(service.name)", edits: [edit], applicability: .unsafe)
            }
        }
        let exporter = scope.effectiveDefinitions.first { $0.isSet && ($0.name.hasPrefix("OTEL_EXPORTER_OTLP_") || $0.name.hasSuffix("_EXPORTER")) }
        naming.related = exporter.map { [RelatedLocation(location: $0.keyLocation, message: "telemetry export is configured here")] } ?? []
        return naming
    }

    /// Whether a scope sets a service name (or sets it to a value otlint cannot know).
    static func namesService(_ scope: EnvironmentScope) -> Bool {
        if scope.setting("OTEL_SERVICE_NAME") != nil { return true }
        if let attributes = scope.setting("OTEL_RESOURCE_ATTRIBUTES") {
            guard let value = attributes.value else { return true }
            if ResourceAttributes.parse(value).contains(where: { $0.key == "service.name" && !$0.value.isEmpty }) { return true }
        }
        return false
    }

    /// An env_file missing from the checkout may set the name; a published image that the project does not build may
    /// name itself (demo apps, load generators and proxies do), and so may code that sets the name in a resource or
    /// its own configuration; Java agents also take it from a system property (`-Dotel.service.name=…` in
    /// `JAVA_TOOL_OPTIONS`).
    private static func mayBeNamedElsewhere(_ scope: EnvironmentScope, in project: ConfigProject) -> Bool {
        if scope.isIncomplete || !scope.isBuiltHere { return true }
        if scope.effectiveDefinitions.contains(where: { $0.value?.contains("otel.service.name") == true }) { return true }
        // Searching the code is the costly question: asked last, and never for a template (OTL301 skips them).
        guard !scope.isTemplate, let directory = scope.codeDirectory else { return false }
        return project.codeContext.mayNameService(directory: directory)
    }
}
