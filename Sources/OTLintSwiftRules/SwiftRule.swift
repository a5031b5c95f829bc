import OTLintCore

/// One rule over one parsed Swift file.
protocol SwiftRule: Sendable {
    /// The rule IDs this rule can report (most report one).
    var ruleIDs: [String] { get }
    func check(_ model: SwiftSourceModel) -> [Diagnostic]
}

/// Every Swift rule, in catalog order.
let allSwiftRules: [any SwiftRule] = [
    SimpleSpanProcessorRule(),
    SpanPerIterationRule(),
    SpanNotEndedRule(),
    InsecureRemoteExportRule(),
    NonStandardResourceKeyRule(),
    MalformedEndpointRule(),
    SignalPathInEndpointRule(),
    UnboundedAttributeValueRule(),
    BatchLimitsRule(),
    DeprecatedJaegerExporterRule(),
    ClientCreatedBeforeBootstrapRule(),
    SecretInExporterHeadersRule(),
    MissingServiceNameRule(),
    FullSamplingInCodeRule(),
    InvalidSamplerArgumentRule(),
    RatioSamplerNotParentBasedRule(),
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
