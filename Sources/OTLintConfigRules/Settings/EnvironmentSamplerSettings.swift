import OTLintCore

/// Reads the sampler, the exporter choices and the facts the sampling rules need from an environment scope, and
/// provides the writer their fixes use.
extension EnvironmentSettings {
    /// `OTEL_TRACES_SAMPLER` with `OTEL_TRACES_SAMPLER_ARG`; when no sampler is set, the SDK default
    /// `parentbased_always_on`.
    static func sampler(of scope: EnvironmentScope, project: ConfigProject?) -> SamplerSetting {
        let sampler = scope.setting("OTEL_TRACES_SAMPLER")
        let argument = scope.setting("OTEL_TRACES_SAMPLER_ARG")
        var shape: (root: SamplerSetting.Sampler, parentBased: Bool) = (.alwaysOn, true)
        if let sampler {
            let name = sampler.value?.blankTrimmed.lowercased() ?? ""
            let parentBased = name.hasPrefix("parentbased_")
            let root: SamplerSetting.Sampler = switch parentBased ? String(name.dropFirst("parentbased_".count)) : name {
            case "always_on": .alwaysOn
            case "always_off": .alwaysOff
            case "traceidratio": .traceIDRatioBased
            default: .other
            }
            shape = (root, root == .other ? false : parentBased)
        }
        let choice = sampler.map(Setting.init)
        return SamplerSetting(root: shape.root, isParentBased: shape.parentBased, choice: choice, name: choice, ratio: argument.map(Setting.init),
                              ratioValue: argument?.value.flatMap(SamplerSetting.decimalRatio), invalidRatioHandling: .ignoredBySDKs,
                              defaultAnchor: sampler == nil ? defaultSamplerAnchor(scope, project: project) : nil)
    }

    /// The variable that makes the process export (where a finding about the default sampler points); nil when the
    /// sampler may be set where this scope cannot see it.
    private static func defaultSamplerAnchor(_ scope: EnvironmentScope, project: ConfigProject?) -> SourceLocation? {
        let anchor = scope.effectiveDefinitions.first { $0.isSet && ($0.name.hasPrefix("OTEL_EXPORTER_OTLP_") || $0.name.hasSuffix("_EXPORTER")) }
        // An env_file missing from the checkout may set the sampler.
        guard let anchor, !scope.isIncomplete else { return nil }
        // The sampler may be set in the base compose file this one is layered on.
        if let project, project.layeredScopes(of: scope).contains(where: { $0.definition("OTEL_TRACES_SAMPLER") != nil }) { return nil }
        return anchor.keyLocation
    }

    static func exporterChoices(of scope: EnvironmentScope) -> [ExporterChoice] {
        ["traces", "metrics", "logs"].compactMap { signal in
            scope.setting("OTEL_\(signal.uppercased())_EXPORTER").map { ExporterChoice(signal: signal, setting: Setting($0)) }
        }
    }

    /// Sets variables of the scope, editing existing entries where they are written and adding missing ones next to
    /// them (after the previous variable of the list, or after the scope's last `OTEL_` entry) in the same style.
    static func variableWriter(of scope: EnvironmentScope) -> VariableWriter {
        VariableWriter { assignments in
            let definitions = assignments.map { scope.definition($0.name) }
            // In a variant merged from several compose files (base + `compose.prod.yml`), a value written in the
            // base file is shared with the other variants (staging, development): editing it there would change
            // them too.
            let isMergedVariant = scope.definitions.contains { $0.composeLayer > 0 }
            if isMergedVariant, definitions.contains(where: { $0?.writtenSite != nil && $0?.composeLayer == 0 }) { return nil }
            let anchor = definitions.lazy.compactMap { $0 }.first
                ?? scope.effectiveDefinitions.last { $0.isSet && $0.name.hasPrefix("OTEL_") && !$0.isInherited }
            guard let anchor else { return nil }
            var replacements: [TextEdit] = [], insertions: [TextEdit] = []
            for (index, (assignment, definition)) in zip(assignments, definitions).enumerated() {
                if let definition {
                    // `- OTEL_TRACES_SAMPLER` without a value: leave it to a human.
                    guard definition.writtenSite != nil, let edit = definition.valueReplacement(assignment.value) else { return nil }
                    replacements.append(edit)
                    continue
                }
                let previous = definitions[..<index].last { $0 != nil } ?? nil
                guard var edit = EntryInsertion.after(previous ?? anchor, name: assignment.name, value: assignment.value) else { return nil }
                // Several variables inserted after the same line: keep them in the order given.
                if let earlier = insertions.firstIndex(where: { $0.range == edit.range && $0.path == edit.path }) {
                    edit.replacement = insertions[earlier].replacement + edit.replacement
                    insertions.remove(at: earlier)
                }
                insertions.append(edit)
            }
            return replacements + insertions
        }
    }
}
