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
    public var perPathIgnores: [(pattern: AnchoredGlob, rules: [String])] = []
    /// Glob patterns of paths never checked by discovery.
    public var exclude: [AnchoredGlob] = []
    /// Glob pattern → deployment tier of every scope defined in matching files; the first match wins.
    public var tierPatterns: [(pattern: AnchoredGlob, tier: DeploymentTier)] = []
    /// The configuration files this was read from: the file itself first, then the files it extends, in order.
    /// Empty for the built-in defaults.
    public var sources: [String] = []
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

    /// Whether a per-path ignore switches `ruleID` off for the file at `path`.
    public func isIgnored(_ ruleID: String, path: String) -> Bool {
        perPathIgnores.contains { entry in
            Configuration.matches(ruleID, entry.rules) && entry.pattern.matches(path)
        }
    }

    /// Whether discovery skips `path` (a file or folder found by walking).
    public func isExcluded(_ path: String) -> Bool {
        exclude.contains { $0.matches(path) }
    }

    /// The tier `.otlint.yml` assigns to the file at `path`, with the pattern that says so.
    public func configuredTier(forPath path: String) -> (tier: DeploymentTier, pattern: AnchoredGlob)? {
        tierPatterns.first { $0.pattern.matches(path) }.map { ($0.tier, $0.pattern) }
    }

    /// `ALL`, an exact ID, or a prefix such as `OTL1` or `OTL20`.
    public static func matches(_ ruleID: String, _ selectors: [String]) -> Bool {
        selectors.contains { selector in
            let upper = selector.uppercased()
            return upper == "ALL" || ruleID.hasPrefix(upper)
        }
    }
}
