import OTLintCore

/// OTL301: telemetry is exported but no service name is set, so it arrives as `unknown_service`.
struct MissingServiceNameRule: ScopeRule {
    let id = "OTL301"

    /// Whether a scope sets a service name (or sets it to a value otlint cannot know).
    static func namesService(_ scope: EnvironmentScope) -> Bool {
        if scope.setting("OTEL_SERVICE_NAME") != nil { return true }
        if let attributes = scope.setting("OTEL_RESOURCE_ATTRIBUTES") {
            guard let value = attributes.value else { return true }
            if ResourceAttributes.parse(value).contains(where: { $0.key == "service.name" && !$0.value.isEmpty }) { return true }
        }
        return false
    }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        // Templates (`.env.example`) often leave the name for each deployment to fill in; an env_file missing from
        // the checkout may set it.
        // A published image that the project does not build may name itself (demo apps, load generators and
        // proxies do), and so may code that sets the name in a resource or its own configuration.
        guard scope.configuresTelemetry, !scope.isTemplate, !scope.isIncomplete, scope.isBuiltHere else { return [] }
        if ([scope] + project.layeredScopes(of: scope)).contains(where: Self.namesService) { return [] }
        // Java agents also take the name from a system property (`-Dotel.service.name=...` in JAVA_TOOL_OPTIONS).
        if scope.effectiveDefinitions.contains(where: { $0.value?.contains("otel.service.name") == true }) { return [] }
        if let directory = scope.codeDirectory, project.codeContext.mayNameService(directory: directory) { return [] }
        var fix: Fix?
        var help = "set `OTEL_SERVICE_NAME` (or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`) to the name dashboards should show"
        if case .composeService(_, let service) = scope.kind {
            help = "set `OTEL_SERVICE_NAME=\(service.name)` in its environment"
            let anchor = scope.definitions.last { definition in
                if case .composeEnvironment = definition.source { return !definition.isInherited } else { return false }
            } ?? scope.definitions.last { !$0.isInherited }
            if let anchor, let edit = EntryInsertion.after(anchor, name: "OTEL_SERVICE_NAME", value: service.name) {
                fix = Fix(title: "set OTEL_SERVICE_NAME=\(service.name)", edits: [edit], applicability: .unsafe)
            }
        }
        let exporter = scope.effectiveDefinitions.first { $0.isSet && ($0.name.hasPrefix("OTEL_EXPORTER_OTLP_") || $0.name.hasSuffix("_EXPORTER")) }
        return [Diagnostic(
            ruleID: id, severity: severity,
            message: "\(scope.displayName) exports telemetry but sets no service name: it shows up as `unknown_service`",
            location: scope.anchorLocation,
            why: "neither `OTEL_SERVICE_NAME` nor `service.name` in `OTEL_RESOURCE_ATTRIBUTES` is set, so SDKs fall back to `unknown_service:<process>` (unless the code sets it)",
            help: help,
            related: exporter.map { [RelatedLocation(location: $0.keyLocation, message: "telemetry export is configured here")] } ?? [],
            fix: fix)]
    }
}
