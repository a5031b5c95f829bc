import OTLintCore

/// OTL103: a ratio sampler that is not parent-based (`traceidratio`, `Samplers.traceIdRatio(ratio:)` outside
/// `parentBased`): the service makes its own decision for spans whose parent was already sampled (or dropped)
/// upstream, so traces lose their middle parts.
struct RatioSamplerNotParentBasedRule: SettingsRule {
    static let id = "OTL103"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        // Benchmarks measure samplers directly.
        guard process.purpose != .benchmarkCode else { return [] }
        return process.samplers.compactMap { sampler in
            guard sampler.root == .traceIDRatioBased, !sampler.isParentBased, let choice = sampler.choice, let name = sampler.name else { return nil }
            return choice.origin.isCode ? codeDiagnostic(sampler, choice: choice, name: name) : environmentDiagnostic(process, choice: choice)
        }
    }

    private func environmentDiagnostic(_ process: TelemetryProcess, choice: Setting) -> Diagnostic? {
        guard let value = choice.value else { return nil }
        // Insert the prefix in front of the name where it is written, keeping its case and surroundings.
        let leading = value.utf8.count - value.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
        let prefix = value.blankTrimmed == "TRACEIDRATIO" ? "PARENTBASED_" : "parentbased_"
        let fix = choice.edit(inValue: leading..<leading, prefix).map {
            Fix(title: "use `parentbased_traceidratio`", edits: [$0], applicability: .unsafe)
        }
        return choice.diagnostic(
            id,
            message: "`traceidratio` ignores the caller's sampling decision: \(process.displayName) may drop spans of traces sampled upstream and record spans of traces that were not",
            why: "each service rolls its own dice on the trace ID instead of following the `sampled` flag of the incoming `traceparent`, so traces arrive with holes",
            help: "use `parentbased_traceidratio`: the ratio then applies only to traces that start in this service", fix: fix)
    }

    private func codeDiagnostic(_ sampler: SamplerSetting, choice: Setting, name: Setting) -> Diagnostic {
        let samplerName = name.value ?? ""
        var fix: Fix?
        let help: String
        if sampler.sdk == .opentelemetrySwift, let expression = choice.value {
            let wrapped = "Samplers.parentBased(root: \(expression))"
            help = "wrap it: `\(wrapped)`"
            fix = choice.replacement(wrapped).map { Fix(title: "make the ratio sampler parent-based", edits: [$0], applicability: .unsafe) }
        } else if samplerName == "traceIDRatio" {
            help = "use `.parentBasedTraceIDRatio(ratio:)`"
            fix = name.replacement("parentBasedTraceIDRatio").map { Fix(title: "use `.parentBasedTraceIDRatio`", edits: [$0], applicability: .unsafe) }
        } else {
            help = "wrap it in `OTelParentBasedSampler(rootSampler:)`"
        }
        return name.diagnostic(
            id, message: "`\(samplerName)` samples by trace ID without looking at the caller: it drops spans of traces the caller kept, leaving holes in them",
            why: "a trace started upstream and sampled there must be kept by every service, or it arrives with missing spans", help: help, fix: fix)
    }
}
