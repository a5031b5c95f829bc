import OTLintCore

/// Reads how a scope names its service: `OTEL_SERVICE_NAME`, or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`.
enum ServiceNameEnvironment {
    static func naming(of scope: EnvironmentScope, in project: ConfigProject) -> ServiceNaming {
        let configures = scope.configuresTelemetry
        let isNamed = ([scope] + (configures ? project.layeredScopes(of: scope) : [])).contains(where: namesService)
        // A process that only prints its telemetry (`OTEL_TRACES_EXPORTER=console`) shows its name to no backend; one
        // with no OpenTelemetry in its code, its build or its launch exports nothing, whatever its variables say
        // (both asked only where a finding hangs on them: the search is costly).
        let printsOnly = scope.setting("OTEL_TRACES_EXPORTER") != nil && scope.exportsOnly(to: EnvironmentScope.localExporters)
        let exports = configures && (isNamed || (!printsOnly && !runsWithoutOpenTelemetry(scope, in: project)))
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

    /// A compose service built here whose build context (code, dependency manifests, Dockerfile) and environment
    /// values never mention OpenTelemetry: a Flask app whose requirements are `flask` and `requests` has no SDK to
    /// read `OTEL_EXPORTER_OTLP_ENDPOINT`. An agent given in the environment (`JAVA_TOOL_OPTIONS=-javaagent:…/otel/…`,
    /// `NODE_OPTIONS=--require @opentelemetry/…`) counts as OpenTelemetry, and so does a launcher in the service's
    /// command (`opentelemetry-instrument`).
    private static func runsWithoutOpenTelemetry(_ scope: EnvironmentScope, in project: ConfigProject) -> Bool {
        guard case .composeService(_, let service) = scope.kind, scope.isBuiltHere, !scope.isIncomplete, !scope.isTemplate,
              let directory = scope.codeDirectory else { return false }
        let markers = CodeContext.openTelemetryMarkers
        // `command: opentelemetry-instrument celery …` launches the SDK.
        let launch = ["entrypoint", "command"].flatMap { service.launchWords($0)?.words ?? [] }
        if launch.contains(where: { word in markers.contains { word.lowercased().contains($0) } }) { return false }
        if scope.effectiveDefinitions.contains(where: { definition in
            guard !definition.name.hasPrefix("OTEL_") else { return false }
            // A launch variable from the shell may load an agent.
            guard let value = definition.value?.lowercased() else { return launchVariables.contains(definition.name) }
            return markers.contains { value.contains($0) }
        }) { return false }
        return !project.codeContext.mayUseOpenTelemetry(directory: directory)
    }

    /// Variables through which a runtime loads an agent or a startup hook.
    private static let launchVariables: Set<String> = [
        "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "NODE_OPTIONS", "PYTHONPATH", "DOTNET_STARTUP_HOOKS", "CORECLR_PROFILER_PATH",
        "CORECLR_ENABLE_PROFILING", "LD_PRELOAD", "RUBYOPT",
    ]

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
