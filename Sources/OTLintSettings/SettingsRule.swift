import OTLintCore

/// A rule over the settings of one process, whichever input they were read from.
///
/// To add one: a type conforming to `SettingsRule` in `Rules/`, named after the concept, its document
/// `Rules/OTLxxx.md`, and a line in `SettingsRules.all`. Read what the readers put in `TelemetryProcess`; if the
/// concept needs a setting the model does not have yet, add the field and fill it in every reader that can see it.
public protocol SettingsRule: Sendable {
    static var id: String { get }
    func check(_ process: TelemetryProcess) -> [Diagnostic]
    /// Whether the rule also judges the settings of telemetry backends and collectors. SDK rules do not: a
    /// backend's `OTEL_*` variables are no application's SDK settings.
    var judgesTelemetryBackends: Bool { get }
    /// Whether the rule's findings mask literal credentials (`maskedRanges`): such a rule runs even when it is not
    /// selected, so that every excerpt of its files masks them. The analyzers record the masked ranges of every
    /// finding and then drop the findings of rules that are not selected.
    var findsSecrets: Bool { get }
}

extension SettingsRule {
    public var judgesTelemetryBackends: Bool { false }
    public var findsSecrets: Bool { false }
    public var id: String { Self.id }
    /// The default severity from the rule's document.
    public var severity: Severity { RuleCatalog.defaultSeverity(Self.id) }
}

/// Every settings rule, and how they are run.
public enum SettingsRules {
    /// Sorted by rule ID.
    public static let all: [any SettingsRule] = [
        FullSamplingInProductionRule(),
        InvalidSamplerArgumentRule(),
        RatioSamplerNotParentBasedRule(),
        TracingOffInProductionRule(),
        BatchLimitsRule(),
        EndpointProtocolMismatchRule(),
        SignalPathInEndpointRule(),
        MalformedEndpointRule(),
        DeprecatedJaegerExporterRule(),
        InsecureRemoteExportRule(),
        SecretInExporterHeadersRule(),
        MissingServiceNameRule(),
        NonStandardResourceKeyRule(),
        ConflictingServiceNameRule(),
        SensitiveAttributeRule(),
        DeprecatedSemconvAttributeRule(),
    ]

    public static let ruleIDs: [String] = all.map(\.id)

    /// The findings of the enabled rules about each process, and of the rules that find secrets, enabled or not:
    /// callers record the masked ranges of every finding, then keep only the findings of enabled rules.
    public static func check(_ processes: [TelemetryProcess], isEnabled: (String) -> Bool) -> [Diagnostic] {
        let rules = all.filter { isEnabled($0.id) || $0.findsSecrets }
        guard !rules.isEmpty else { return [] }
        return processes.flatMap { process in
            rules.filter { !process.isTelemetryBackend || $0.judgesTelemetryBackends }.flatMap { $0.check(process) }
        }
    }
}
