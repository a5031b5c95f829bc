import OTLintCore
import SwiftSyntax

/// OTL102 (Swift): a sampling ratio outside [0, 1].
struct InvalidSamplerArgumentRule: SwiftRule {
    static let id = "OTL102"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        // Tests exercise samplers directly; the rule is about the configuration a service runs with.
        guard !model.isTestCode && !model.isBenchmarkCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for sampler in model.samplerExpressions {
            guard case .ratio(let ratio?, _, let ratioNode?) = sampler.shape, ratio < 0 || ratio > 1 else { continue }
            let consequence: String
            switch sampler.ecosystem {
            case .openTelemetrySwift:
                consequence = ratio > 1 ? "opentelemetry-swift clamps it silently and keeps every trace" : "opentelemetry-swift clamps it silently and drops every trace"
            default:
                consequence = sampler.nameToken.text == "OTelTraceIDRatioBasedSampler"
                    ? "the sampler's precondition fails and the process crashes"
                    : "swift-otel returns nil for it, so the force unwrap crashes at startup (or `??` silently falls back)"
            }
            diagnostics.append(model.diagnostic(
                "OTL102", at: ratioNode,
                message: "sampling ratio \(ratioNode.trimmedDescription) is outside 0...1: \(consequence)",
                help: "use a fraction between 0 and 1, e.g. `0.1` for 10 %"
            ))
        }
        return diagnostics
    }
}
