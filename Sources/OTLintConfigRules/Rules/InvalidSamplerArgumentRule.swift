import OTLintCore

/// OTL102: a sampler argument that is not a ratio in [0, 1], or an argument the chosen sampler ignores.
struct InvalidSamplerArgumentRule: ScopeRule {
    static let id = "OTL102"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        let settings = SamplerSettings(scope)
        guard let argument = settings.argument, let text = argument.value, let samplerName = settings.samplerName,
              !samplerName.isEmpty else { return [] }
        if SamplerSettings.ratioSamplers.contains(samplerName) {
            let trimmed = text.blankTrimmed
            if let ratio = SamplerSettings.ratio(trimmed) {
                guard ratio < 0 || ratio > 1 else { return [] }
                return [valueDiagnostic(argument,
                    message: "sampler ratio `\(text)` is outside [0, 1]: SDKs ignore it and sample 100% (Python refuses to start)",
                    why: "`OTEL_TRACES_SAMPLER_ARG` for `\(samplerName)` is a probability between 0 and 1",
                    help: ratio > 1 && ratio <= 100 ? "for \(trimmed)% write `\(Self.format(ratio / 100))`" : "write a ratio such as `0.1`")]
            }
            var fix: Fix?
            var help = "write a decimal ratio such as `0.1` (10%)"
            if trimmed.hasSuffix("%"), let percent = SamplerSettings.ratio(String(trimmed.dropLast())), percent >= 0, percent <= 100 {
                let ratio = Self.format(percent / 100)
                help = "write `\(ratio)` for \(trimmed)"
                fix = argument.valueReplacement(ratio).map { Fix(title: "write `\(ratio)`", edits: [$0], applicability: .unsafe) }
            }
            return [valueDiagnostic(argument,
                message: "sampler ratio `\(text)` is not a number: SDKs ignore it and sample 100%",
                why: "`OTEL_TRACES_SAMPLER_ARG` for `\(samplerName)` is a decimal probability between 0 and 1",
                help: help, fix: fix)]
        }
        if SamplerSettings.fixedSamplers.contains(samplerName) {
            let sampler = settings.sampler!
            return [valueDiagnostic(argument, message: "`OTEL_TRACES_SAMPLER_ARG` is ignored by the `\(samplerName)` sampler",
                                    severity: .info,
                                    why: "only the ratio and remote samplers read an argument",
                                    help: "remove it, or use `parentbased_traceidratio` if a ratio was meant",
                                    related: [RelatedLocation(location: sampler.valueLocation, message: "the sampler is set here")])]
        }
        return []
    }

    static func format(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
