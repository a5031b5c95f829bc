import OTLintCore

/// OTL004: one variable defined twice in one scope with different values. Only one value reaches the process;
/// the other is dead configuration that misleads whoever reads it.
struct ConflictingDefinitionsRule: ScopeRule {
    static let id = "OTL004"
    /// Also in telemetry backends and collectors: A variable set twice is a Compose question, whoever reads it.
    var judgesTelemetryBackends: Bool { true }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Every name's definitions in one pass (a 100,000-line env file must not be searched once per name),
        // names in order of their first definition.
        var positions: [String: [Int]] = [:]
        var names: [String] = []
        for (index, definition) in scope.definitions.enumerated() {
            if positions[definition.name] == nil { names.append(definition.name) }
            positions[definition.name, default: []].append(index)
        }
        for name in names {
            let all = positions[name, default: []].map { scope.definitions[$0] }
            guard all.count > 1, let winner = all.last else { continue }
            for (index, overridden) in all.dropLast().enumerated() {
                // The entry that directly overrides this one (for the explanation) and the one that finally wins.
                let next = all[index + 1]
                if let diagnostic = conflict(overridden, next: next, winner: winner, scope: scope, project: project) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        return diagnostics
    }

    /// A line of an `env_file:` that another compose service also loads without overriding it: a shared default
    /// that this service specialises, in force elsewhere, so nothing in the env file is dead or wrong.
    private func isInForceElsewhere(_ definition: VariableDefinition, scope: EnvironmentScope, project: ConfigProject) -> Bool {
        guard definition.source == .envFile, case .composeService(_, let service) = scope.kind else { return false }
        return project.scopes.contains { other in
            guard case .composeService(_, let otherService) = other.kind, otherService.name != service.name,
                  let used = other.definitions.last(where: { $0.name == definition.name }) else { return false }
            return used.file.path == definition.file.path && used.keyRange == definition.keyRange
        }
    }

    private func conflict(_ overridden: VariableDefinition, next: VariableDefinition, winner: VariableDefinition,
                          scope: EnvironmentScope, project: ConfigProject) -> Diagnostic? {
        let name = overridden.name
        let sameFile = overridden.file.path == next.file.path
        // A key written twice in one YAML mapping: Compose refuses the whole file, whatever the values.
        if sameFile, case .composeEnvironment(.mapping) = overridden.source, case .composeEnvironment(.mapping) = next.source,
           !overridden.isInherited, !next.isInherited {
            return Diagnostic(
                ruleID: id, severity: .error,
                message: "`\(name)` is written twice in the `environment:` mapping of \(scope.displayName): Compose refuses to load the file",
                location: overridden.keyLocation,
                why: "a YAML mapping cannot hold the same key twice; `docker compose` stops with `mapping key \"\(name)\" already defined`",
                help: "keep one `\(name)` entry (the other is at \(next.keyPosition))",
                related: [RelatedLocation(location: next.keyLocation, message: "`\(name)` is written again here")])
        }
        // A compose file merged over the base (`docker-compose.prod.yml`, an override file), or an env file it adds,
        // setting a value over the base file's is the point of layering, not a conflict. So is a deployment setting a
        // value over the image's `ENV` default, and a Dockerfile stage over the one it is built from.
        if next.composeLayer > overridden.composeLayer || overridden.source == .dockerfile { return nil }
        // An unknown value (from the shell) cannot be compared.
        guard let lost = overridden.value, let kept = winner.value, lost != kept,
              !isInForceElsewhere(overridden, scope: scope, project: project) else { return nil }
        let reason = precedence(overridden, over: winner)
        // Across files (an `env_file:` default overridden by `environment:` or a later env file) the override is
        // often deliberate: a hygiene note. Twice in one file is a mistake.
        // A ConfigMap's default overridden by one container's `env:` is the same layering, in one file or not.
        let severity = sameFile && overridden.source != .kubernetesConfigMap ? self.severity : .info
        // Header and credential variables hold secrets: never print their values, and mask them in excerpts.
        let secret = Self.mayHoldSecret(name)
        // A URL's `user:password@` is shown as `user:***@`.
        func shown(_ value: String) -> String { value.contains("://") ? EndpointURL.redacted(value) : value }
        let keptText = kept.isEmpty ? "an empty value (which unsets it)" : secret ? "another value" : "`\(shown(kept))`"
        let lostText = lost.isEmpty ? "an empty value" : secret ? "the value" : "`\(shown(lost))`"
        let location = overridden.valueSite == nil ? overridden.keyLocation : overridden.valueLocation
        let masked = secret ? [overridden.valueSite, winner.valueSite].compactMap { site in
            site.flatMap { $0.file.path == location.path ? $0.range : nil }
        } : [overridden, winner].filter { $0.valueSite?.file.path == location.path }.flatMap(\.credentialRanges)
        let place = winner.file.path == overridden.file.path ? "" : " in \(winner.originDescription)"
        return Diagnostic(
            ruleID: id, severity: severity,
            message: "`\(name)` is set twice for \(scope.displayName): \(lostText) here is overridden by \(keptText)\(place) (\(winner.keyPosition))",
            location: location,
            why: "\(reason), so the process sees \(keptText) and this definition has no effect",
            help: "remove the definition that is not meant, or give both the same value",
            related: overridden.valueRelated + [RelatedLocation(location: winner.valueSite == nil ? winner.keyLocation : winner.valueLocation,
                                                                message: "this definition wins")],
            maskedRanges: masked)
    }

    /// Variables whose values are credentials or carry them (`OTEL_EXPORTER_OTLP_HEADERS`, passwords, tokens).
    static func mayHoldSecret(_ name: String) -> Bool {
        ["HEADERS", "PASSWORD", "SECRET", "TOKEN", "KEY", "CREDENTIAL"].contains { name.uppercased().contains($0) }
    }

    /// Why `later` wins over `earlier` (Compose precedence).
    private func precedence(_ earlier: VariableDefinition, over later: VariableDefinition) -> String {
        switch (earlier.source, later.source) {
        case (.envFile, .composeEnvironment):
            return "Compose gives a service's `environment:` precedence over its `env_file:` files"
        case (.envFile, .envFile) where earlier.file.path != later.file.path:
            return "of a service's `env_file:` files, a later file overrides an earlier one"
        case (.envFile, .envFile):
            return "when an env file sets a variable twice, the last line wins"
        case (.kubernetesConfigMap, .kubernetesEnv):
            return "the kubelet gives a container's `env:` precedence over its `envFrom` sources"
        case (.kubernetesConfigMap, .kubernetesConfigMap):
            return "of a container's `envFrom` sources, a later one overrides an earlier one"
        case (.instrumentationField, .kubernetesEnv):
            return "the OpenTelemetry Operator sets the variables of `spec.exporter`, `spec.sampler` and `spec.propagators` only where the `Instrumentation`'s `env` does not set them"
        case (.kubernetesEnv, .kubernetesEnv) where later.entryRange.start < earlier.entryRange.start || earlier.file.path != later.file.path:
            return "the OpenTelemetry Operator sets a language's `env` before the common `spec.env`, which then does not override it"
        case (.kubernetesEnv, .kubernetesEnv):
            return "when a container's `env:` lists a variable twice, the last entry wins"
        default:
            return "when `environment:` sets a variable twice, the last entry wins"
        }
    }
}
