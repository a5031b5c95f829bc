import OTLintCore

/// OTL005: a variable the service's Swift SDK never reads: dead configuration that hides where the real setting is.
struct IgnoredBySDKRule: ScopeRule {
    static let id = "OTL005"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let sdk = ServiceSDK(scope, project: project) else { return [] }
        let code = project.code(under: sdk.folder)
        return scope.effectiveDefinitions.compactMap { definition in
            let name = definition.name
            guard definition.isSet, VariableCatalog.spec(name) != nil,
                  !sdk.detected.variablesReadByCode.contains(name) else { return nil }
            let reason: String
            if let only = sdk.profile.readsOnly {
                guard !only.contains(name) else { return nil }
                reason = "\(sdk.detected.sdk.rawValue) reads only \(only.sorted().map { "`\($0)`" }.joined(separator: " and ")) from the environment; everything else is configured in code"
            } else if let note = sdk.profile.ignored[name] {
                reason = note
            } else {
                return nil
            }
            return Diagnostic(
                ruleID: id, severity: severity,
                message: "`\(name)` has no effect on service `\(sdk.service)`: its SDK, \(sdk.description), never reads it",
                location: definition.keyLocation,
                why: reason + "; the value here suggests a setting that is not in force",
                help: "configure it in the application's code (or read the variable there), and remove it here",
                related: [sdk.evidence] + codeInForce(for: name, in: code))
        }
    }

    /// Where the service's code sets what the variable would have set: that is what runs.
    private func codeInForce(for variable: String, in code: [TelemetryProcess]) -> [RelatedLocation] {
        code.flatMap { $0.settings(configuredBy: variable) }.map { setting in
            RelatedLocation(location: setting.location, message: "the code sets it here, with \(setting.name): this is the value in force")
        }
    }
}
