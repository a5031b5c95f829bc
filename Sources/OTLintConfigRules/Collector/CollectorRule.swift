import OTLintCore
import OTLintYAML

/// A rule over one collector configuration as one process runs it.
///
/// To add one: make a type conforming to `CollectorRule` in `Collector/Rules/`, write `Rules/OTLxxx.md`, and add
/// the type to `CollectorRules.all` (sorted by ID). Point at the component key, the pipeline entry or the value to
/// change; name the compose location as a related note when the compose file is the evidence.
public protocol CollectorRule: Sendable {
    static var id: String { get }
    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic]
}

extension CollectorRule {
    public var id: String { Self.id }

    /// The default severity from the rule's document.
    public var severity: Severity { RuleCatalog.defaultSeverity(id) }

    func diagnostic(_ node: YAMLNode, in collector: CollectorInstance, message: String, severity: Severity? = nil, why: String? = nil,
                    help: String? = nil, related: [RelatedLocation] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: id, severity: severity ?? self.severity, message: message, location: collector.config.location(node), why: why,
                   help: help, related: related, fix: fix)
    }
}

/// The collector rules, sorted by ID (RuleRegistryTests checks the order).
public enum CollectorRules {
    static let all: [any CollectorRule] = [
        UndefinedComponentRule(),
        UnusedComponentRule(),
        InvalidPipelineRule(),
        UnavailableComponentRule(),
        DeprecatedComponentRule(),
        InvalidComponentSettingRule(),
        ConfigVariableExpansionRule(),
        ReceiverNotReachableRule(),
        ReceiverProtocolMismatchRule(),
        ExporterTLSMismatchRule(),
        MemoryLimiterRule(),
        ProcessorOrderRule(),
        TailSamplingAffinityRule(),
        DebugOutputInProductionRule(),
        ExposedDebugEndpointRule(),
        ConfigNotLoadedRule(),
    ]

    public static let ruleIDs: [String] = all.map(\.id)

    /// Runs the enabled rules over every instance, with the `shared` rules of concepts collectors share with
    /// applications (endpoints, headers, sampling).
    static func check(_ instances: [CollectorInstance], project: ConfigProject, isEnabled: (String) -> Bool,
                      shared: (CollectorInstance) -> [Diagnostic]) -> [Diagnostic] {
        let rules = all.filter { isEnabled($0.id) }
        return ParallelMap.map(instances) { instance in
            let found = rules.flatMap { $0.check(instance, project: project) } + shared(instance)
            return instance.deployment?.loadsMountedFile == false ? found.map(latent) : found
        }.flatMap { $0 }
    }

    /// A finding in a file the collector does not load (OTL718 says so) describes what happens once it is loaded:
    /// no error of today's collector.
    static func latent(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.ruleID != ConfigNotLoadedRule.id else { return diagnostic }
        var latent = diagnostic
        if latent.severity == .error { latent.severity = .warning }
        let note = "the collector does not load this file yet (OTL718); this is what happens once it does"
        latent.why = latent.why.map { "\($0); \(note)" } ?? note
        return latent
    }
}
