import OTLintCore
import SwiftSyntax

/// OTL103 (Swift): a ratio sampler that ignores the caller's sampling decision.
struct RatioSamplerNotParentBasedRule: SwiftRule {
    static let id = "OTL103"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        // Tests exercise samplers directly; the rule is about the configuration a service runs with.
        guard !model.isTestCode && !model.isBenchmarkCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for sampler in model.samplerExpressions {
            guard case .ratio(let ratio, false, let ratioNode) = sampler.shape, ratioNode != nil || ratio != 1 else { continue }
            var fix: Fix?
            var help: String
            if sampler.ecosystem == .openTelemetrySwift {
                help = "wrap it: `Samplers.parentBased(root: \(sampler.node.trimmedDescription))`"
                fix = Fix(title: "make the ratio sampler parent-based",
                          edits: [model.edit(replacing: sampler.node, with: "Samplers.parentBased(root: \(sampler.node.trimmedDescription))")],
                          applicability: .unsafe)
            } else if sampler.nameToken.text == "traceIDRatio" {
                help = "use `.parentBasedTraceIDRatio(ratio:)`"
                fix = Fix(title: "use `.parentBasedTraceIDRatio`", edits: [model.edit(replacing: sampler.nameToken, with: "parentBasedTraceIDRatio")],
                          applicability: .unsafe)
            } else {
                help = "wrap it in `OTelParentBasedSampler(rootSampler:)`"
            }
            diagnostics.append(model.diagnostic(
                "OTL103", at: sampler.nameToken,
                message: "`\(sampler.nameToken.text)` samples by trace ID without looking at the caller: it drops spans of traces the caller kept, leaving holes in them",
                why: "a trace started upstream and sampled there must be kept by every service, or it arrives with missing spans",
                help: help, fix: fix
            ))
        }
        return diagnostics
    }
}
