import OTLintCore

/// OTL003: `OTEL_SDK_DISABLED=true` in a scope that otherwise sets up export: every signal becomes a no-op and
/// the exporter settings next to it do nothing.
struct SDKDisabledRule: ScopeRule {
    static let id = "OTL003"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard !scope.isTemplate, let disabled = scope.setting("OTEL_SDK_DISABLED"),
              disabled.value?.blankTrimmed.lowercased() == "true" else { return [] }
        // Turning telemetry off for tests or local runs is deliberate.
        guard scope.tier.tier != .nonProduction else { return [] }
        guard let evidence = scope.effectiveDefinitions.first(where: Self.configuresExport) else { return [] }
        var why = "`OTEL_SDK_DISABLED=true` makes the SDK a no-op for traces, metrics and logs, yet `\(evidence.name)` (\(evidence.keyPosition)) sets up export"
        if scope.tier.isProduction { why += "; the scope is production: \(scope.tier.explanation)" }
        let fix = disabled.valueReplacement("false").map {
            Fix(title: "enable the SDK: OTEL_SDK_DISABLED=false", edits: [$0], applicability: .unsafe)
        }
        return [valueDiagnostic(
            disabled,
            message: "\(scope.displayName) disables the OpenTelemetry SDK although it configures an exporter: nothing is exported",
            why: why,
            help: "remove `OTEL_SDK_DISABLED` (or set it to `false`) to export; if telemetry is meant to be off here, remove the exporter settings too",
            related: [RelatedLocation(location: evidence.keyLocation, message: "export is configured here")] + scope.tier.related,
            fix: fix)]
    }

    /// A definition that only makes sense when the SDK exports something.
    static func configuresExport(_ definition: VariableDefinition) -> Bool {
        guard definition.isSet else { return false }
        if definition.name.hasPrefix("OTEL_EXPORTER_OTLP_") && definition.name.hasSuffix("ENDPOINT") { return true }
        if EnvironmentScope.exporterVariables.contains(definition.name) {
            return definition.value.map { $0.lowercased() != "none" } ?? false
        }
        return false
    }
}
