#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore

/// Which configuration applies to which file in one `otlint check`, from its options, and the project root.
struct RunConfiguration {
    var configurations: ConfigurationTree
    /// The folder of the configuration nearest the working directory (or of `--config`), else the working directory:
    /// baselines and the Swift package manifest are relative to it.
    var rootDirectory: String

    /// nil after printing the error that stops the run: a rule selector that matches nothing, an unknown
    /// `--environment`, or a configuration (`--config`, or the one nearest the working directory) that cannot be read.
    static func make(config: String?, noConfig: Bool, select: [String], ignore: [String], environment: String?,
                     knownRuleIDs: Set<String>) -> RunConfiguration? {
        let currentDirectory = FileManager.default.currentDirectoryPath
        // What the command line says goes on top of every configuration file.
        var overrides: [(inout Configuration) -> Void] = []
        for (option, values) in [("--select", select), ("--ignore", ignore)] {
            let ids = values.flatMap { $0.split(separator: ",") }.map { $0.blankTrimmed.uppercased() }
            if let bad = ids.first(where: { !RuleSelector.isValid($0, knownRuleIDs: knownRuleIDs) }) {
                StandardStreams.printError("error: \(option) `\(bad)` matches no rule (use an ID such as OTL101, a prefix such as OTL1, or ALL)")
                return nil
            }
            if option == "--select", !ids.isEmpty { overrides.append { $0.select = ids } }
            if option == "--ignore", !ids.isEmpty { overrides.append { $0.ignore += ids } }
        }
        if let environment {
            let tier = DeploymentTier.classify(environmentName: environment)
            guard tier != .unknown else {
                StandardStreams.printError("error: --environment `\(environment)` is not a known environment name (e.g. production, prod, staging, development)")
                return nil
            }
            overrides.append { $0.forcedTier = tier; $0.forcedEnvironmentName = environment }
        }
        let applyOverrides = { (configuration: Configuration) -> Configuration in
            var adjusted = configuration
            for override in overrides { override(&adjusted) }
            return adjusted
        }
        func read(_ path: String) -> Configuration? {
            do {
                return try ConfigurationFile.read(path, knownRuleIDs: knownRuleIDs)
            } catch {
                StandardStreams.printError("\(error)")
                return nil
            }
        }

        if noConfig {
            return RunConfiguration(configurations: ConfigurationTree(applyOverrides(Configuration())), rootDirectory: currentDirectory)
        }
        if let config {
            guard let configuration = read(config) else { return nil }
            return RunConfiguration(configurations: ConfigurationTree(applyOverrides(configuration)),
                                    rootDirectory: ConfigPaths.directory(of: StandardPath.of(config)))
        }
        // The configuration nearest the working directory is read first: when it is broken the run stops, as every
        // file would be checked wrongly. Nested ones are read as files meet them.
        var nearest: (path: String, configuration: Configuration)?
        if let path = ConfigurationFile.find(startingAt: currentDirectory).map(StandardPath.of) {
            guard let configuration = read(RelativePath.of(path, to: currentDirectory)) else { return nil }
            nearest = (path, configuration)
        }
        let configurations = ConfigurationTree(fallback: applyOverrides(Configuration())) { path in
            if let nearest, nearest.path == path { return .success(applyOverrides(nearest.configuration)) }
            do throws(ConfigurationFile.LoadError) {
                // Read by the path the user would type, so errors name it so.
                let shown = RelativePath.of(path, to: currentDirectory)
                return .success(applyOverrides(try ConfigurationFile.read(shown, knownRuleIDs: knownRuleIDs)))
            } catch {
                return .failure(error.inputError)
            }
        }
        return RunConfiguration(configurations: configurations, rootDirectory: nearest.map { ConfigPaths.directory(of: $0.path) } ?? currentDirectory)
    }
}
