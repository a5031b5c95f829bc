import OTLintCore

/// One rule over one parsed Swift file.
protocol SwiftRule: Sendable {
    static var id: String { get }
    /// Code the rule leaves alone (`SwiftAnalyzer` does not run it there).
    static var skippedCode: SkippedCode { get }
    func check(_ model: SwiftSourceModel) -> [Diagnostic]
    /// Whether the rule's findings mask literal credentials (`maskedRanges`): such a rule runs even when it is
    /// not selected, so that every excerpt of its file masks them.
    var findsSecrets: Bool { get }
}

extension SwiftRule {
    var id: String { Self.id }
    var findsSecrets: Bool { false }
    static var skippedCode: SkippedCode { [] }
}

/// Kinds of code a rule may leave alone.
struct SkippedCode: OptionSet, Sendable {
    let rawValue: Int
    /// Test targets: they exercise edge cases on purpose and export nothing real.
    static let tests = SkippedCode(rawValue: 1 << 0)
    /// Benchmarks: loops over spans and extreme settings are the point there.
    static let benchmarks = SkippedCode(rawValue: 1 << 1)
}

extension SwiftSourceModel {
    /// Whether a rule that skips `code` leaves this file alone.
    func isSkipped(by code: SkippedCode) -> Bool {
        (code.contains(.tests) && isTestCode) || (code.contains(.benchmarks) && isBenchmarkCode)
    }
}

/// Every code rule, sorted by ID (RuleRegistryTests checks the order). Settings written in code are judged by
/// `SettingsRules.all`.
let allSwiftRules: [any SwiftRule] = [
    SimpleSpanProcessorRule(),
    TelemetryBackendNotRunRule(),
    HighCardinalitySpanNameRule(),
    UnboundedAttributeValueRule(),
    TimestampAttributeRule(),
    HighCardinalityMetricAttributeRule(),
    SpanPerIterationRule(),
    SpanNotEndedRule(),
    ErrorNotRecordedRule(),
    ActiveSpanNoopOnLinuxRule(),
    ThrownErrorNotRecordedRule(),
    RequestWithoutPropagationRule(),
    MessageWithoutPropagationRule(),
    ClientCreatedBeforeBootstrapRule(),
    IncomingContextIgnoredRule(),
]
