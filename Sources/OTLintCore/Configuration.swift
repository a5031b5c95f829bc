/// What `.otlint.yml` and the command line say about which rules run, how severe they are, and which files
/// belong to which deployment tier.
public struct Configuration: Sendable {
    /// Rule IDs or prefixes to run (`OTL1`, `OTL203`). Empty means all rules.
    public var select: [String] = []
    /// Rule IDs or prefixes never to run. Wins over `select`.
    public var ignore: [String] = []
    /// Severity overrides per rule ID.
    public var severityOverrides: [String: Severity] = [:]
    /// Glob pattern → rule IDs or prefixes ignored in files that match it.
    public var perPathIgnores: [(pattern: GlobPattern, rules: [String])] = []
    /// Glob patterns of paths never checked by discovery.
    public var exclude: [GlobPattern] = []
    /// Glob pattern → deployment tier of every scope defined in matching files.
    public var tierPatterns: [(pattern: GlobPattern, tier: DeploymentTier)] = []
    /// `--environment`: the tier of every scope, whatever the files say.
    public var forcedTier: DeploymentTier?
    /// The name given with `--environment`, for messages.
    public var forcedEnvironmentName: String?
    /// `collector: {distribution, version}`: the collector build that runs configurations no compose service of the
    /// run mounts (`core`, `contrib`, `k8s`, `jaeger`), and its release.
    public var collectorDistribution: String?
    public var collectorVersion: String?
    public static let collectorDistributions = ["core", "contrib", "k8s", "jaeger"]

    public init() {}

    public func isEnabled(_ ruleID: String) -> Bool {
        if Configuration.matches(ruleID, ignore) { return false }
        return select.isEmpty || Configuration.matches(ruleID, select)
    }

    /// Whether a per-path ignore switches `ruleID` off for `path` (relative to the project root).
    public func isIgnored(_ ruleID: String, inRelativePath path: String) -> Bool {
        perPathIgnores.contains { entry in
            entry.pattern.matches(path) && Configuration.matches(ruleID, entry.rules)
        }
    }

    /// The tier `.otlint.yml` assigns to a file, if any (relative path).
    public func configuredTier(forRelativePath path: String) -> DeploymentTier? {
        tierPatterns.first { $0.pattern.matches(path) }?.tier
    }

    /// `ALL`, an exact ID, or a prefix such as `OTL1` or `OTL20`.
    public static func matches(_ ruleID: String, _ selectors: [String]) -> Bool {
        selectors.contains { selector in
            let upper = selector.uppercased()
            return upper == "ALL" || ruleID.hasPrefix(upper)
        }
    }
}
