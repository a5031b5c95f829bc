import OTLintCore

/// One rule over one parsed Swift file.
protocol SwiftRule: Sendable {
    /// The rule IDs this rule can report (most report one).
    var ruleIDs: [String] { get }
    func check(_ model: SwiftSourceModel) -> [Diagnostic]
    /// Whether the rule's findings mask literal credentials (`maskedRanges`): such a rule runs even when it is
    /// not selected, so that every excerpt of its file masks them.
    var findsSecrets: Bool { get }
}

extension SwiftRule {
    var findsSecrets: Bool { false }
}

/// Every Swift rule, in catalog order.
let allSwiftRules: [any SwiftRule] = [
    SimpleSpanProcessorRule(),
    SpanPerIterationRule(),
    SpanNotEndedRule(),
    InsecureRemoteExportRule(),
    NonStandardResourceKeyRule(),
    SignalPathInEndpointRule(),
    UnboundedAttributeValueRule(),
    DeprecatedJaegerExporterRule(),
    ClientCreatedBeforeBootstrapRule(),
    SecretInExporterHeadersRule(),
    MissingServiceNameRule(),
    HighCardinalitySpanNameRule(),
    TimestampAttributeRule(),
    HighCardinalityMetricAttributeRule(),
    SensitiveAttributeRule(),
    DeprecatedSemconvAttributeRule(),
    ErrorNotRecordedRule(),
    RequestWithoutPropagationRule(),
    ActiveSpanNoopOnLinuxRule(),
    ThrownErrorNotRecordedRule(),
    TelemetryBackendNotRunRule(),
    MessageWithoutPropagationRule(),
]
