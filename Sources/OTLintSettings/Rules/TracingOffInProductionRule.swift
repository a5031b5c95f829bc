import OTLintCore

/// OTL104: a process that records no traces in production: the `always_off` sampler, a ratio of 0, or the traces
/// exporter `none`, in a production deployment, or a sampler hard-coded that way in application code, which runs in
/// production too unless the code guards it.
struct TracingOffInProductionRule: SettingsRule {
    static let id = "OTL104"

    static let environmentHelp = "sample a share of traces instead, e.g. OTEL_TRACES_SAMPLER=parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG=0.1"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        switch process.purpose {
        case .deployment: checkDeployment(process).map { [$0] } ?? []
        // Turning tracing off is what a test, an example or a benchmark may want.
        case .applicationCode: process.samplers.compactMap(checkCode)
        case .exampleCode, .benchmarkCode: []
        }
    }

    // MARK: - Environment

    private func checkDeployment(_ process: TelemetryProcess) -> Diagnostic? {
        // A disabled SDK is OTL003's finding.
        guard process.tier.isProduction, !process.isTemplate, !process.isSDKDisabled else { return nil }
        let evidence = "the scope is production: \(process.tier.explanation)"
        let name = process.displayName
        if let exporter = process.exporterChoice(for: "traces"), exporter.isNone {
            // A service that explicitly exports metrics or logs may be metrics-only on purpose: say it quietly.
            let otherSignals = ["metrics", "logs"].contains { signal in
                process.exporterChoice(for: signal)?.setting.value.map { $0.lowercased() != "none" } ?? false
            }
            return exporter.setting.diagnostic(
                id, severity: otherSignals ? .info : nil, message: "\(name) exports no traces in production (`OTEL_TRACES_EXPORTER=none`)",
                why: evidence + "; with the `none` exporter every span is dropped" + (otherSignals ? " (metrics or logs are still exported: fine if the service is deliberately untraced)" : ""),
                help: "set `OTEL_TRACES_EXPORTER=otlp` and sample a share instead, e.g. OTEL_TRACES_SAMPLER=parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG=0.1",
                related: process.tier.related)
        }
        guard let sampler = process.samplers.first, let choice = sampler.choice, choice.value != nil else { return nil }
        switch sampler.root {
        case .alwaysOff where !sampler.isParentBased:
            return choice.diagnostic(id, message: "\(name) records no traces in production (`always_off`)",
                                     why: evidence + "; `always_off` drops every span, even those of traces started upstream",
                                     help: Self.environmentHelp, related: process.tier.related)
        case .alwaysOff:
            // Deliberate for a service that only continues upstream traces: say it quietly.
            return choice.diagnostic(
                id, severity: .info,
                message: "\(name) starts no traces in production (`parentbased_always_off`): only requests that arrive already sampled are traced",
                why: evidence + "; every trace that starts in this service is dropped", help: Self.environmentHelp, related: process.tier.related)
        case .traceIDRatioBased:
            guard let argument = sampler.ratio, let text = argument.value, sampler.ratioValue == 0 else { return nil }
            let upstream = sampler.isParentBased ? " that start in this service" : ", even those started upstream"
            return argument.diagnostic(id, message: "\(name) samples 0% of traces in production (ratio `\(text)`)",
                                       why: evidence + "; a ratio of 0 drops every trace\(upstream)",
                                       help: "use a ratio above 0, e.g. `0.1` (10%)", related: process.tier.related)
        case .alwaysOn, .other:
            return nil
        }
    }

    // MARK: - Code

    /// Application code runs in every tier, production included, unless it guards the sampler (`#if DEBUG`, a branch).
    private func checkCode(_ sampler: SamplerSetting) -> Diagnostic? {
        guard !sampler.isGuarded, let sdk = sampler.sdk, let choice = sampler.choice, let name = sampler.name,
              let expression = choice.value else { return nil }
        let why = sdk.samplerInCodeReason(deploymentCannot: "turn tracing on for")
        switch sampler.root {
        case .alwaysOff where !sampler.isParentBased:
            return name.diagnostic(id, message: "the sampler `\(expression)` records no traces: in production nothing is traced",
                                   why: why + "; it drops every span, even those of traces started upstream", help: sdk.recommendedSampler)
        case .alwaysOff:
            return name.diagnostic(
                id, severity: .info,
                message: "the sampler `\(expression)` starts no traces: in production only requests that arrive already sampled are traced",
                why: why + "; every trace that starts in this service is dropped", help: sdk.recommendedSampler)
        case .traceIDRatioBased:
            guard let ratio = sampler.ratio, let text = ratio.value, sampler.ratioValue == 0 else { return nil }
            let upstream = sampler.isParentBased ? " that start in this service" : ", even those started upstream"
            return ratio.diagnostic(id, message: "the sampler `\(expression)` samples 0% of traces (ratio \(text)): in production nothing is traced",
                                    why: why + "; a ratio of 0 drops every trace\(upstream)", help: "use a ratio above 0, e.g. `0.1` (10 %)")
        case .alwaysOn, .other:
            return nil
        }
    }
}
