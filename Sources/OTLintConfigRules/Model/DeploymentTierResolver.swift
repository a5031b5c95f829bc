#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Decides a scope's tier, strongest evidence first: `--environment`, `.otlint.yml` tier patterns, the
/// deployment environment in `OTEL_RESOURCE_ATTRIBUTES`, a Kubernetes namespace, then file and folder names.
public enum DeploymentTierResolver {
    /// Resource attribute keys naming the deployment environment, standard first.
    static let environmentKeys = ["deployment.environment.name", "deployment.environment", "environment", "env", "deployment_environment"]

    /// The tier of a scope defined in the file at `path`, judged with the configuration that applies to that file.
    public static func assess(definitions: [VariableDefinition], path: String, context: AnalysisContext,
                              namespace: (name: String, location: SourceLocation?)? = nil) -> TierAssessment {
        assess(definitions: definitions, path: path, configuration: context.configuration(for: path),
               rootDirectory: context.rootDirectory, namespace: namespace)
    }

    /// `namespace`: the Kubernetes namespace a workload is written for, with where it is written.
    public static func assess(definitions: [VariableDefinition], path: String, configuration: Configuration,
                              rootDirectory: String, namespace: (name: String, location: SourceLocation?)? = nil) -> TierAssessment {
        if let forced = configuration.forcedTier {
            let name = configuration.forcedEnvironmentName.map { "`--environment \($0)`" } ?? "`--environment`"
            return TierAssessment(tier: forced, evidence: TierEvidence(description: "\(name) was given", location: nil))
        }
        let relative = relativePath(path, root: rootDirectory)
        if let configured = configuration.configuredTier(forPath: path) {
            let named = configured.pattern.relativePath(of: path) ?? relative
            let folder = RelativePath.of(configured.pattern.directory, to: rootDirectory)
            let file = folder.isEmpty || folder.hasPrefix("/") ? "`.otlint.yml`" : "`\(folder)/.otlint.yml`"
            return TierAssessment(tier: configured.tier, evidence: TierEvidence(
                description: "\(file) marks `\(named)` as \(configured.tier.rawValue) (`\(configured.pattern.glob.source)`)", location: nil))
        }
        if let attributes = definitions.last(where: { $0.name == "OTEL_RESOURCE_ATTRIBUTES" }), let value = attributes.value {
            let pairs = ResourceAttributes.parse(value)
            for key in environmentKeys {
                guard let environment = pairs.last(where: { $0.key == key })?.value else { continue }
                let tier = DeploymentTier.classify(environmentName: environment)
                if tier != .unknown {
                    return TierAssessment(tier: tier, evidence: TierEvidence(
                        description: "`\(key)=\(environment)` in OTEL_RESOURCE_ATTRIBUTES", location: attributes.valueLocation))
                }
            }
        }
        if let namespace {
            let tier = DeploymentTier.classify(environmentName: namespace.name)
            if tier != .unknown {
                return TierAssessment(tier: tier, evidence: TierEvidence(description: "the namespace `\(namespace.name)`", location: namespace.location))
            }
        }
        guard let named = tier(namedByPath: relative) else { return .unknown }
        let components = relative.split(separator: "/")
        guard let folder = named.folderIndex else {
            return TierAssessment(tier: named.tier, evidence: TierEvidence(description: "the file name `\(ConfigPaths.fileName(path))`", location: nil))
        }
        return TierAssessment(tier: named.tier, evidence: TierEvidence(description: "the folder `\(components[folder].lowercased())/`", location: nil))
    }

    /// Folders of a test suite: what runs there is tested, whatever the file calls itself.
    static let testSuiteFolders: Set<String> = ["test", "tests", "testing", "e2e", "integration-tests"]

    /// The tier a relative path names, and which of its folders names it (nil: the file name): the file name
    /// first, then the folders from the innermost out; a file name that says production inside a test suite's
    /// folder names the suite's tier instead.
    public static func tier(namedByPath relative: String) -> (tier: DeploymentTier, folderIndex: Int?)? {
        let components = relative.split(separator: "/").map { String($0).lowercased() }
        if let name = components.last, let tier = tier(namedByFile: name) {
            // A test suite's `docker-compose.live.yml` (`tests/e2e/`) runs against test systems: the folder decides.
            if tier == .production, let suite = components.indices.dropLast().last(where: { testSuiteFolders.contains(components[$0]) }) {
                return (.nonProduction, suite)
            }
            return (tier, nil)
        }
        for index in components.indices.dropLast().reversed() {
            let tier = DeploymentTier.classify(environmentName: components[index])
            if tier != .unknown { return (tier, index) }
        }
        return nil
    }

    static func relativePath(_ path: String, root: String) -> String {
        var relative = path
        if !root.isEmpty, root != ".", relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative
    }

    /// The tier a file name names (`docker-compose.prod.yml`, `.env.staging`), or nil.
    public static func tier(namedByFile name: String) -> DeploymentTier? {
        let words = name.lowercased().split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
            .filter { !["env", "yml", "yaml", "docker", "compose"].contains($0) }
        for (index, word) in words.enumerated() {
            // `.env.non-prod`, `.env.pre-prod`: the word after names the tier, read together with this one.
            let name = index + 1 < words.count && DeploymentTier.notProductionPrefixes.contains(word) ? word + "-" + words[index + 1] : word
            let tier = DeploymentTier.classify(environmentName: name)
            if tier != .unknown { return tier }
        }
        return nil
    }
}

/// `OTEL_RESOURCE_ATTRIBUTES` as `key=value,...` pairs (percent-decoded, trimmed), leniently: malformed items
/// are skipped here (a dedicated rule reports them).
public enum ResourceAttributes {
    public static func parse(_ value: String) -> [(key: String, value: String)] {
        // Every scope's tier reads this value: split ASCII text on its bytes (there a `,` byte is a `,` character),
        // which costs a fraction of splitting characters.
        let items = value.utf8.contains(where: { $0 >= 0x80 })
            ? value.split(separator: ",") : value.utf8.split(separator: UInt8(ascii: ",")).map(Substring.init)
        return items.compactMap { item in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            let key = String(item[..<equals].trimmingBlanks())
            let value = String(item[item.index(after: equals)...].trimmingBlanks())
            return (key.percentDecoded, value.percentDecoded)
        }
    }

}
