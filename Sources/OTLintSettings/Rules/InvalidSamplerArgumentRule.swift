import OTLintCore

/// OTL102: a sampler ratio that is not a number in [0, 1], or an argument the chosen sampler ignores.
struct InvalidSamplerArgumentRule: SettingsRule {
    static let id = "OTL102"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        // Benchmarks try extreme settings on purpose; examples are judged: a bad ratio there is copied.
        guard process.purpose != .benchmarkCode else { return [] }
        return process.samplers.compactMap(check)
    }

    private func check(_ sampler: SamplerSetting) -> Diagnostic? {
        guard let argument = sampler.ratio, let text = argument.value, let choice = sampler.choice,
              let samplerName = choice.value?.blankTrimmed.lowercased(), !samplerName.isEmpty else { return nil }
        switch sampler.root {
        case .traceIDRatioBased:
            if let ratio = sampler.ratioValue {
                guard ratio < 0 || ratio > 1 else { return nil }
                return outOfRange(argument, text: text, ratio: ratio, sampler: sampler, samplerName: samplerName)
            }
            return notANumber(argument, text: text, samplerName: samplerName)
        case .alwaysOn, .alwaysOff:
            return argument.diagnostic(
                id, severity: .info, message: "`OTEL_TRACES_SAMPLER_ARG` is ignored by the `\(samplerName)` sampler",
                why: "only the ratio and remote samplers read an argument", help: "remove it, or use `parentbased_traceidratio` if a ratio was meant",
                related: [RelatedLocation(location: choice.location, message: "the sampler is set here")])
        case .other:
            return nil
        }
    }

    private func outOfRange(_ argument: Setting, text: String, ratio: Double, sampler: SamplerSetting, samplerName: String) -> Diagnostic {
        let consequence: String
        switch sampler.invalidRatioHandling {
        case .ignoredBySDKs:
            let trimmed = text.blankTrimmed
            return argument.diagnostic(
                id, message: "sampler ratio `\(text)` is outside [0, 1]: SDKs ignore it and sample 100% (Python refuses to start)",
                why: "`OTEL_TRACES_SAMPLER_ARG` for `\(samplerName)` is a probability between 0 and 1",
                help: ratio > 1 && ratio <= 100 ? "for \(trimmed)% write `\(Self.format(ratio / 100))`" : "write a ratio such as `0.1`")
        case .clamped:
            consequence = ratio > 1 ? "opentelemetry-swift clamps it silently and keeps every trace" : "opentelemetry-swift clamps it silently and drops every trace"
        case .precondition:
            consequence = "the sampler's precondition fails and the process crashes"
        case .failableInitializer:
            consequence = "swift-otel returns nil for it, so the force unwrap crashes at startup (or `??` silently falls back)"
        }
        return argument.diagnostic(id, message: "sampling ratio \(text) is outside 0...1: \(consequence)",
                                   help: "use a fraction between 0 and 1, e.g. `0.1` for 10 %")
    }

    /// Only the environment can hold a ratio that is not a number (code ratios are judged when they are literals).
    private func notANumber(_ argument: Setting, text: String, samplerName: String) -> Diagnostic {
        let trimmed = text.blankTrimmed
        var fix: Fix?
        var help = "write a decimal ratio such as `0.1` (10%)"
        if trimmed.hasSuffix("%"), let percent = SamplerSetting.decimalRatio(String(trimmed.dropLast())), percent >= 0, percent <= 100 {
            let ratio = Self.format(percent / 100)
            help = "write `\(ratio)` for \(trimmed)"
            fix = argument.replacement(ratio).map { Fix(title: "write `\(ratio)`", edits: [$0], applicability: .unsafe) }
        }
        return argument.diagnostic(
            id, message: "sampler ratio `\(text)` is not a number: SDKs ignore it and sample 100%",
            why: "`OTEL_TRACES_SAMPLER_ARG` for `\(samplerName)` is a decimal probability between 0 and 1", help: help, fix: fix)
    }

    static func format(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
