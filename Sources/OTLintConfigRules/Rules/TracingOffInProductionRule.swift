import OTLintCore

/// OTL104: a production scope that records no traces: the `always_off` sampler, a ratio of 0, or the traces
/// exporter `none`.
struct TracingOffInProductionRule: ScopeRule {
    static let id = "OTL104"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard scope.tier.isProduction, !scope.isTemplate else { return [] }
        // A disabled SDK is OTL003's finding.
        if scope.setting("OTEL_SDK_DISABLED")?.value?.lowercased() == "true" { return [] }
        let evidence = "the scope is production: \(scope.tier.explanation)"
        let name = scope.displayName
        if let exporter = scope.setting("OTEL_TRACES_EXPORTER"), let value = exporter.value {
            let names = value.lowercased().split(separator: ",").map { $0.blankTrimmed }.filter { !$0.isEmpty }
            if !names.isEmpty, names.allSatisfy({ $0 == "none" }) {
                // A service that explicitly exports metrics or logs may be metrics-only on purpose: say it quietly.
                let otherSignals = ["OTEL_METRICS_EXPORTER", "OTEL_LOGS_EXPORTER"].contains { other in
                    scope.setting(other)?.value.map { $0.lowercased() != "none" } ?? false
                }
                return [valueDiagnostic(
                    exporter, message: "\(name) exports no traces in production (`OTEL_TRACES_EXPORTER=none`)",
                    severity: otherSignals ? .info : nil,
                    why: evidence + "; with the `none` exporter every span is dropped" + (otherSignals ? " (metrics or logs are still exported: fine if the service is deliberately untraced)" : ""),
                    help: "set `OTEL_TRACES_EXPORTER=otlp` and sample a share instead, e.g. OTEL_TRACES_SAMPLER=parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG=0.1",
                    related: scope.tier.related)]
            }
        }
        let settings = SamplerSettings(scope)
        guard let samplerName = settings.samplerName, let sampler = settings.sampler else { return [] }
        let help = "sample a share of traces instead, e.g. OTEL_TRACES_SAMPLER=parentbased_traceidratio with OTEL_TRACES_SAMPLER_ARG=0.1"
        switch samplerName {
        case "always_off":
            return [valueDiagnostic(sampler, message: "\(name) records no traces in production (`always_off`)",
                                    why: evidence + "; `always_off` drops every span, even those of traces started upstream",
                                    help: help, related: scope.tier.related)]
        case "parentbased_always_off":
            var diagnostic = valueDiagnostic(
                sampler, message: "\(name) starts no traces in production (`parentbased_always_off`): only requests that arrive already sampled are traced",
                why: evidence + "; every trace that starts in this service is dropped",
                help: help, related: scope.tier.related)
            // Deliberate for a service that only continues upstream traces: say it quietly.
            diagnostic.severity = .info
            return [diagnostic]
        case _ where SamplerSettings.ratioSamplers.contains(samplerName):
            guard let argument = settings.argument, let text = argument.value, let ratio = SamplerSettings.ratio(text), ratio == 0 else { return [] }
            let upstream = samplerName.hasPrefix("parentbased_") ? " that start in this service" : ", even those started upstream"
            return [valueDiagnostic(argument, message: "\(name) samples 0% of traces in production (ratio `\(text)`)",
                                    why: evidence + "; a ratio of 0 drops every trace\(upstream)",
                                    help: "use a ratio above 0, e.g. `0.1` (10%)", related: scope.tier.related)]
        default:
            return []
        }
    }
}
