import OTLintCore
import SwiftSyntax

/// OTL101 (Swift): a sampler hard-coded to keep every trace in application code.
struct FullSamplingInCodeRule: SwiftRule {
    static let id = "OTL101"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        // Keeping every trace is what a test, a benchmark or an example wants.
        guard !model.isTestCode, !model.isBenchmarkCode, !model.isExampleCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for sampler in model.samplerExpressions where !isConditionalConfiguration(sampler.node) {
            let description: String
            switch sampler.shape {
            case .alwaysOn(let parentBased):
                description = parentBased ? "keeps every trace that starts here (always-on root)" : "keeps every trace"
            case .ratio(let ratio?, _, let ratioNode) where ratio >= 1:
                description = ratioNode == nil
                    ? "keeps every trace: the `\(sampler.nameToken.text)` property means ratio 1.0"
                    : "keeps every trace (ratio \(ratioNode!.trimmedDescription))"
            default:
                continue
            }
            let why = sampler.ecosystem == .openTelemetrySwift
                ? "this is application code, and opentelemetry-swift ignores `OTEL_TRACES_SAMPLER`, so the deployment cannot lower it"
                : "this is application code; only `OTEL_TRACES_SAMPLER` in the environment overrides it"
            let help = sampler.ecosystem == .openTelemetrySwift
                ? "sample a fraction of root traces and follow the caller's decision: `Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0.1))`, with the ratio read from configuration"
                : "sample a fraction of root traces: `config.traces.sampler = .parentBasedTraceIDRatio(ratio: 0.1)!`, or leave the choice to `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`"
            diagnostics.append(model.diagnostic(
                "OTL101", at: sampler.nameToken,
                message: "the sampler `\(sampler.node.trimmedDescription)` \(description): in production every request is exported",
                why: why, help: help
            ))
        }
        return diagnostics
    }
}
