import OTLintCore

/// OTL101: a sampler that keeps every trace in production: a production deployment whose environment chooses (or
/// defaults to) such a sampler, or application code that hard-codes one, which runs in production too unless the
/// code guards it.
struct FullSamplingInProductionRule: SettingsRule {
    static let id = "OTL101"

    static let recommendedSampler = "parentbased_traceidratio"
    static let recommendedRatio = "0.1"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        switch process.purpose {
        case .deployment: checkDeployment(process)
        // Keeping every trace is what an example or a benchmark wants.
        case .applicationCode: process.samplers.compactMap(checkCode)
        case .exampleCode, .benchmarkCode: []
        }
    }

    // MARK: - Environment

    private func checkDeployment(_ process: TelemetryProcess) -> [Diagnostic] {
        guard process.tier.isProduction, !process.isTemplate, process.configuresExport,
              // A collector of the project samples downstream: keeping every trace in the SDK is intended.
              !process.isSampledDownstream, let sampler = process.samplers.first else { return [] }
        if let exporter = process.exporterChoice(for: "traces") {
            guard exporter.setting.value != nil, !exporter.isNone else { return [] }
        }
        let why = "the scope is production: \(process.tier.explanation); every trace is exported and stored"
        let name = process.displayName
        if let choice = sampler.choice, let processor = choice.origin.collectorComponent {
            // A collector's sampling processor that keeps everything: the SDKs behind it rely on it to sample.
            let isPolicy = choice.value == "always_sample"
            return [choice.diagnostic(
                id, message: "`\(processor)` keeps every trace in production (\(isPolicy ? "an `always_sample` policy" : "`sampling_percentage: \(choice.value ?? "")`")): the collector samples nothing",
                why: why + (isPolicy ? "; `tail_sampling` keeps a trace when any policy says so, so an `always_sample` policy keeps them all" : ""),
                help: isPolicy ? "remove the `always_sample` policy and keep a share of the other traces: a `probabilistic` policy with `sampling_percentage: 10`, next to the policies that keep errors and slow traces"
                    : "lower `sampling_percentage`, e.g. to 10",
                related: process.tier.related)]
        }
        guard let choice = sampler.choice else {
            if let argument = sampler.ratio {
                return [diagnostic(process, about: argument,
                                   message: "\(name) samples 100% of traces in production: `OTEL_TRACES_SAMPLER_ARG` is ignored because `OTEL_TRACES_SAMPLER` is not set (the default `parentbased_always_on` keeps everything)",
                                   why: why)]
            }
            // Unset sampler: the SDK default keeps every trace, but some SDKs take their sampler from code, and a
            // collector may sample downstream. Say it quietly.
            guard let anchor = sampler.defaultAnchor else { return [] }
            return [Diagnostic(ruleID: id, severity: .info,
                               message: "\(name) exports traces in production without a sampler: the default `parentbased_always_on` keeps 100% of traces",
                               location: anchor, why: why + " (unless the application sets a sampler in code or a collector samples downstream)",
                               help: help, related: process.tier.related, fix: fix(process))]
        }
        guard let samplerName = choice.value?.blankTrimmed.lowercased(), !samplerName.isEmpty else { return [] }
        switch sampler.root {
        case .alwaysOn:
            return [diagnostic(process, about: choice, message: "\(name) samples 100% of traces in production (`\(samplerName)`)", why: why)]
        case .traceIDRatioBased:
            guard let argument = sampler.ratio else {
                return [diagnostic(process, about: choice,
                                   message: "\(name) samples 100% of traces in production: `\(samplerName)` without `OTEL_TRACES_SAMPLER_ARG` uses ratio 1.0",
                                   why: why)]
            }
            guard let text = argument.value, sampler.ratioValue == 1 else { return [] }
            return [diagnostic(process, about: argument, message: "\(name) samples 100% of traces in production (ratio `\(text)`)", why: why)]
        case .alwaysOff, .other:
            return []
        }
    }

    private var help: String {
        "sample a share of root traces, e.g. OTEL_TRACES_SAMPLER=\(Self.recommendedSampler) with OTEL_TRACES_SAMPLER_ARG=\(Self.recommendedRatio), or sample in a collector"
    }

    private func diagnostic(_ process: TelemetryProcess, about setting: Setting, message: String, why: String) -> Diagnostic {
        if case .configFileSetting = setting.origin {
            return setting.diagnostic(id, message: message, why: why,
                                      help: "sample a share of root traces, e.g. `parent_based: {root: {trace_id_ratio_based: {ratio: \(Self.recommendedRatio)}}}`, or sample in a collector",
                                      related: process.tier.related)
        }
        return setting.diagnostic(id, message: message, why: why, help: help, related: process.tier.related, fix: fix(process))
    }

    /// Sets `parentbased_traceidratio` and `0.1`, editing the variables where they are written and adding missing
    /// ones next to them in the same style.
    private func fix(_ process: TelemetryProcess) -> Fix? {
        guard let edits = process.variableWriter?.set([("OTEL_TRACES_SAMPLER", Self.recommendedSampler),
                                                       ("OTEL_TRACES_SAMPLER_ARG", Self.recommendedRatio)]) else { return nil }
        return Fix(title: "sample 10% of root traces: OTEL_TRACES_SAMPLER=\(Self.recommendedSampler), OTEL_TRACES_SAMPLER_ARG=\(Self.recommendedRatio)",
                   edits: edits, applicability: .unsafe)
    }

    // MARK: - Code

    private func checkCode(_ sampler: SamplerSetting) -> Diagnostic? {
        guard !sampler.isGuarded, let sdk = sampler.sdk, let choice = sampler.choice, let name = sampler.name else { return nil }
        let description: String
        switch sampler.root {
        case .alwaysOn:
            description = sampler.isParentBased ? "keeps every trace that starts here (always-on root)" : "keeps every trace"
        case .traceIDRatioBased:
            guard let ratio = sampler.effectiveRatio, ratio >= 1 else { return nil }
            description = sampler.ratio.flatMap(\.value).map { "keeps every trace (ratio \($0))" }
                ?? "keeps every trace: the `\(name.value ?? "")` property means ratio 1.0"
        case .alwaysOff, .other:
            return nil
        }
        return name.diagnostic(id, message: "the sampler `\(choice.value ?? "")` \(description): in production every request is exported",
                               why: sdk.samplerInCodeReason(deploymentCannot: "lower"), help: sdk.recommendedSampler)
    }
}
