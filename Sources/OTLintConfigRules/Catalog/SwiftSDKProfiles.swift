/// A value an SDK version rejects at startup.
struct RejectedValue {
    var variable: String
    /// Rejected names (for list variables, any rejected item of the list).
    var values: Set<String>
    var isList: Bool
    /// What happens, completing "the process ...".
    var effect: String
}

/// What each Swift SDK version does with the environment (facts: `otel-facts/swift-api.md` §1, §2). One row
/// per SDK and version range: a new SDK version is one edit here.
struct SwiftSDKProfile {
    var sdk: SwiftSDK
    /// Versions this row describes (lower bound included, upper excluded).
    var from: SemanticVersion
    var upTo: SemanticVersion
    /// The variables the SDK reads, when it reads only a few; nil when it reads the spec's set.
    var readsOnly: Set<String>?
    /// Variables it never reads although the spec defines them, with the reason.
    var ignored: [String: String]
    var rejected: [RejectedValue]

    static let all: [SwiftSDKProfile] = [
        // opentelemetry-swift (core 2.5.1 / 2.5.2): configuration is code; only two variables are read.
        SwiftSDKProfile(
            sdk: .opentelemetrySwift, from: SemanticVersion([1]), upTo: SemanticVersion([3]),
            readsOnly: ["OTEL_RESOURCE_ATTRIBUTES", "OTEL_EXPORTER_OTLP_HEADERS"],
            ignored: [:], rejected: []),
        // swift-otel before 1.0: samplers are configured in code only.
        SwiftSDKProfile(
            sdk: .swiftOTel, from: SemanticVersion([0]), upTo: SemanticVersion([1]), readsOnly: nil,
            ignored: ["OTEL_TRACES_SAMPLER": "swift-otel before 1.0 takes the sampler from code (`OTelTracer(sampler:)`)",
                      "OTEL_TRACES_SAMPLER_ARG": "swift-otel before 1.0 takes the sampler from code (`OTelTracer(sampler:)`)",
                      "OTEL_CONFIG_FILE": configFileNote, "OTEL_EXPERIMENTAL_CONFIG_FILE": configFileNote],
            rejected: []),
        // swift-otel 1.x (facts read on 1.6.0).
        SwiftSDKProfile(
            sdk: .swiftOTel, from: SemanticVersion([1]), upTo: SemanticVersion([2]), readsOnly: nil,
            ignored: ["OTEL_EXPORTER_OTLP_INSECURE": insecureNote, "OTEL_EXPORTER_OTLP_TRACES_INSECURE": insecureNote,
                      "OTEL_EXPORTER_OTLP_METRICS_INSECURE": insecureNote, "OTEL_EXPORTER_OTLP_LOGS_INSECURE": insecureNote,
                      "OTEL_CONFIG_FILE": configFileNote, "OTEL_EXPERIMENTAL_CONFIG_FILE": configFileNote],
            rejected: [
                RejectedValue(variable: "OTEL_PROPAGATORS", values: ["baggage", "b3", "b3multi", "jaeger", "xray", "ottrace"], isList: true,
                              effect: "crashes at startup (`fatalError` in swift-otel's propagator setup): only `tracecontext` and `none` are supported"),
                RejectedValue(variable: "OTEL_TRACES_SAMPLER", values: ["jaeger_remote", "parentbased_jaeger_remote", "xray"], isList: false,
                              effect: "crashes at startup (`fatalError` in swift-otel's sampler setup)"),
                RejectedValue(variable: "OTEL_TRACES_EXPORTER", values: ["console", "jaeger", "zipkin"], isList: true,
                              effect: "fails to start: `OTel.bootstrap` throws `NotImplementedError`"),
                RejectedValue(variable: "OTEL_METRICS_EXPORTER", values: ["console", "prometheus"], isList: true,
                              effect: "fails to start: `OTel.bootstrap` throws `NotImplementedError`"),
            ]),
    ]

    static let insecureNote = "swift-otel 1.x defines the key but never applies it (the exporter has no `insecure` setting)"
    /// No Swift SDK reads the SDK configuration file (language-support-status of opentelemetry-configuration; swift-otel#390
    /// explores Swift Configuration instead).
    static let configFileNote = "swift-otel does not read the SDK configuration file: its settings come from the environment and from code"

    static func profile(for sdk: SwiftSDK, version: SemanticVersion) -> SwiftSDKProfile? {
        all.first { $0.sdk == sdk && $0.from <= version && version < $0.upTo }
    }
}
