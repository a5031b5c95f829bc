/// The Swift OpenTelemetry SDKs otlint knows: where a setting is written in code, this says which library reads it.
public enum SwiftSDK: String, Sendable {
    case opentelemetrySwift = "opentelemetry-swift"
    case swiftOTel = "swift-otel"
}

// What each SDK does with a sampler written in code: the sentences the sampling rules (OTL101, OTL104) state.
extension SwiftSDK {
    /// Why a sampler written in application code is what runs, in a production deployment too: `verb` says what the
    /// deployment cannot do to it ("lower", "turn on").
    public func samplerInCodeReason(deploymentCannot verb: String) -> String {
        switch self {
        case .opentelemetrySwift:
            "this is application code, and opentelemetry-swift ignores `OTEL_TRACES_SAMPLER`, so the deployment cannot \(verb) it"
        case .swiftOTel:
            "this is application code; only `OTEL_TRACES_SAMPLER` in the environment overrides it"
        }
    }

    /// How to sample a share of root traces in this library's code.
    public var recommendedSampler: String {
        switch self {
        case .opentelemetrySwift:
            "sample a fraction of root traces and follow the caller's decision: `Samplers.parentBased(root: Samplers.traceIdRatio(ratio: 0.1))`, with the ratio read from configuration"
        case .swiftOTel:
            "sample a fraction of root traces: `config.traces.sampler = .parentBasedTraceIDRatio(ratio: 0.1)!`, or leave the choice to `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`"
        }
    }
}
