import OTLintCore

/// OTL101: a production scope whose sampler keeps every trace.
struct FullSamplingInProductionRule: ScopeRule {
    static let id = "OTL101"

    static let recommendedSampler = "parentbased_traceidratio"
    static let recommendedRatio = "0.1"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard scope.tier.isProduction, !scope.isTemplate, scope.configuresTelemetry else { return [] }
        // A collector of the project samples downstream: keeping every trace in the SDK is intended.
        if project.collectorSampling.evidence(for: scope) != nil { return [] }
        if let exporter = scope.setting("OTEL_TRACES_EXPORTER") {
            guard let value = exporter.value, value.lowercased() != "none" else { return [] }
        }
        let settings = SamplerSettings(scope)
        let why = "the scope is production: \(scope.tier.explanation); every trace is exported and stored"
        let name = scope.displayName
        guard let samplerName = settings.samplerName else {
            if let argument = settings.argument {
                return [diagnostic(scope, at: argument.valueLocation, related: argument.valueRelated,
                                   message: "\(name) samples 100% of traces in production: `OTEL_TRACES_SAMPLER_ARG` is ignored because `OTEL_TRACES_SAMPLER` is not set (the default `parentbased_always_on` keeps everything)",
                                   why: why, settings: settings)]
            }
            // Unset sampler: the SDK default keeps every trace, but some SDKs take their sampler from code, and a
            // collector may sample downstream. Say it quietly.
            let anchor = scope.effectiveDefinitions.first { $0.isSet && ($0.name.hasPrefix("OTEL_EXPORTER_OTLP_") || $0.name.hasSuffix("_EXPORTER")) }
            // An env_file missing from the checkout may set the sampler.
            guard let anchor, !scope.isIncomplete else { return [] }
            // The sampler may be set in the base compose file this one is layered on.
            if project.layeredScopes(of: scope).contains(where: { $0.definition("OTEL_TRACES_SAMPLER") != nil }) { return [] }
            var diagnostic = diagnostic(scope, at: anchor.keyLocation, related: [],
                                        message: "\(name) exports traces in production without a sampler: the default `parentbased_always_on` keeps 100% of traces",
                                        why: why + " (unless the application sets a sampler in code or a collector samples downstream)",
                                        settings: settings)
            diagnostic.severity = .info
            return [diagnostic]
        }
        if samplerName.isEmpty { return [] }
        guard let sampler = settings.sampler else { return [] }
        switch samplerName {
        case "always_on", "parentbased_always_on":
            return [diagnostic(scope, at: sampler.valueLocation, related: sampler.valueRelated,
                               message: "\(name) samples 100% of traces in production (`\(samplerName)`)", why: why, settings: settings)]
        case _ where SamplerSettings.ratioSamplers.contains(samplerName):
            guard let argument = settings.argument else {
                return [diagnostic(scope, at: sampler.valueLocation, related: sampler.valueRelated,
                                   message: "\(name) samples 100% of traces in production: `\(samplerName)` without `OTEL_TRACES_SAMPLER_ARG` uses ratio 1.0",
                                   why: why, settings: settings)]
            }
            guard let text = argument.value, let ratio = SamplerSettings.ratio(text), ratio == 1 else { return [] }
            return [diagnostic(scope, at: argument.valueLocation, related: argument.valueRelated,
                               message: "\(name) samples 100% of traces in production (ratio `\(text)`)", why: why, settings: settings)]
        default:
            return []
        }
    }

    private func diagnostic(_ scope: EnvironmentScope, at location: SourceLocation, related: [RelatedLocation], message: String,
                            why: String, settings: SamplerSettings) -> Diagnostic {
        Diagnostic(ruleID: id, severity: severity, message: message, location: location, why: why,
                   help: "sample a share of root traces, e.g. OTEL_TRACES_SAMPLER=\(Self.recommendedSampler) with OTEL_TRACES_SAMPLER_ARG=\(Self.recommendedRatio), or sample in a collector",
                   related: related + scope.tier.related, fix: fix(scope, settings))
    }

    /// Sets `parentbased_traceidratio` and `0.1`, editing existing entries where they are written and adding
    /// missing ones next to them in the same style.
    private func fix(_ scope: EnvironmentScope, _ settings: SamplerSettings) -> Fix? {
        var edits: [TextEdit] = []
        let sampler = scope.definition("OTEL_TRACES_SAMPLER")
        let argument = scope.definition("OTEL_TRACES_SAMPLER_ARG")
        // In a variant merged from several compose files (base + `compose.prod.yml`), a value written in the base
        // file is shared with the other variants (staging, development): editing it there would change them too.
        let isMergedVariant = scope.definitions.contains { $0.composeLayer > 0 }
        if isMergedVariant, [sampler, argument].contains(where: { $0?.writtenSite != nil && $0?.composeLayer == 0 }) { return nil }
        if let sampler, sampler.writtenSite != nil {
            guard let edit = sampler.valueReplacement(Self.recommendedSampler) else { return nil }
            edits.append(edit)
        }
        if let argument, argument.writtenSite != nil {
            guard let edit = argument.valueReplacement(Self.recommendedRatio) else { return nil }
            edits.append(edit)
        }
        let anchor = sampler ?? argument ?? scope.effectiveDefinitions.last { $0.isSet && $0.name.hasPrefix("OTEL_") && !$0.isInherited }
        guard let anchor else { return nil }
        if sampler?.writtenSite == nil {
            if sampler != nil { return nil }  // `- OTEL_TRACES_SAMPLER` without value: leave it to a human
            guard let edit = EntryInsertion.after(anchor, name: "OTEL_TRACES_SAMPLER", value: Self.recommendedSampler) else { return nil }
            edits.append(edit)
        }
        if argument?.writtenSite == nil {
            if argument != nil { return nil }
            guard var edit = EntryInsertion.after(sampler ?? anchor, name: "OTEL_TRACES_SAMPLER_ARG", value: Self.recommendedRatio) else { return nil }
            // Both inserted after the same line: keep sampler first.
            if let samplerInsert = edits.first(where: { $0.range.isEmpty && $0.range == edit.range && $0.path == edit.path }) {
                edits.removeAll { $0 == samplerInsert }
                edit.replacement = samplerInsert.replacement + edit.replacement
            }
            edits.append(edit)
        }
        return Fix(title: "sample 10% of root traces: OTEL_TRACES_SAMPLER=\(Self.recommendedSampler), OTEL_TRACES_SAMPLER_ARG=\(Self.recommendedRatio)",
                   edits: edits, applicability: .unsafe)
    }
}
