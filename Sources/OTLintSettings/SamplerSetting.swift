import OTLintCore

/// The sampler of one tracer provider, modelled as the OpenTelemetry declarative configuration models it
/// (`tracer_provider.sampler`: `always_on`, `always_off`, `trace_id_ratio_based.ratio`, `parent_based.root`).
/// Read from `OTEL_TRACES_SAMPLER` with `OTEL_TRACES_SAMPLER_ARG`, or from a sampler written in code.
public struct SamplerSetting: Sendable {
    public enum Sampler: Sendable, Equatable {
        case alwaysOn
        case alwaysOff
        case traceIDRatioBased
        /// A sampler the rules do not judge (`jaeger_remote`, `xray`), or a value that cannot be known here.
        case other
    }

    /// What the library does with a ratio outside [0, 1]: the consequence a finding about it states.
    public enum InvalidRatioHandling: Sendable {
        /// `OTEL_TRACES_SAMPLER_ARG`: SDKs ignore it and sample 100% (Python refuses to start).
        case ignoredBySDKs
        /// opentelemetry-swift `Samplers.traceIdRatio(ratio:)` clamps it to [0, 1] without a word.
        case clamped
        /// swift-otel `.traceIDRatio(ratio:)` returns nil: `!` crashes at startup, `??` silently falls back.
        case failableInitializer
        /// swift-otel 0.9–0.12 `OTelTraceIDRatioBasedSampler(ratio:)`: its precondition stops the process.
        case precondition
    }

    /// The sampler of spans without a parent: `parent_based.root` when parent-based, otherwise the sampler itself.
    public var root: Sampler
    /// `parent_based`: spans with a parent follow the parent's sampling decision.
    public var isParentBased: Bool
    /// Where the sampler is chosen: `OTEL_TRACES_SAMPLER`, or the whole sampler expression in code (its value is the
    /// expression's text). Nil when no sampler is set and the SDK default applies (`parentbased_always_on`).
    public var choice: Setting?
    /// The word naming the sampler, where findings about the choice point and where a rename edits: the value of
    /// `OTEL_TRACES_SAMPLER`, the token `traceIDRatio` of `.traceIDRatio(ratio: 0.1)!`.
    public var name: Setting?
    /// `trace_id_ratio_based.ratio` as written: `OTEL_TRACES_SAMPLER_ARG`, the `ratio:` argument. Its value is the
    /// text written (nil when not a literal in code). Nil when no ratio is written.
    public var ratio: Setting?
    /// The written ratio as a number, when it is one.
    public var ratioValue: Double?
    public var invalidRatioHandling: InvalidRatioHandling
    /// Code that only runs in some builds or environments (`#if DEBUG`, a branch of `if`/`switch`/`? :`).
    public var isGuarded: Bool
    /// When no sampler is set: where a finding about the SDK default points (the variable that makes the process
    /// export); nil when the sampler may be set where otlint cannot see it (an env file missing from the
    /// checkout, the compose file this one is layered on).
    public var defaultAnchor: SourceLocation?

    public init(root: Sampler, isParentBased: Bool, choice: Setting?, name: Setting?, ratio: Setting? = nil, ratioValue: Double? = nil,
                invalidRatioHandling: InvalidRatioHandling, isGuarded: Bool = false, defaultAnchor: SourceLocation? = nil) {
        self.root = root
        self.isParentBased = isParentBased
        self.choice = choice
        self.name = name
        self.ratio = ratio
        self.ratioValue = ratioValue
        self.invalidRatioHandling = invalidRatioHandling
        self.isGuarded = isGuarded
        self.defaultAnchor = defaultAnchor
    }

    /// The ratio the sampler runs with: the written one, or 1.0 for a ratio sampler without one (the specification's
    /// default for `OTEL_TRACES_SAMPLER_ARG`; swift-otel's bare `.traceIDRatio` property). Nil when not a ratio
    /// sampler or when the written ratio is not a number.
    public var effectiveRatio: Double? {
        guard root == .traceIDRatioBased else { return nil }
        return ratio == nil ? 1 : ratioValue
    }

    /// A ratio as the specification reads `OTEL_TRACES_SAMPLER_ARG`: a decimal number.
    public static func decimalRatio(_ text: String) -> Double? {
        let trimmed = text.blankTrimmed
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// The SDK that reads a sampler written in code; nil for the environment.
    public var sdk: SwiftSDK? { choice?.origin.sdk }
}
