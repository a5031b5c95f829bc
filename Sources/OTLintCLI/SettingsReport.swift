#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OTLintCore

/// `otlint check --show-settings FILE`: the configuration that applies to one file, written as an `.otlint.yml`
/// that would say the same, with comments that name the files it comes from and the folder each pattern is
/// relative to.
enum SettingsReport {
    /// `path`: a file, or a folder (the configuration that applies to the files directly in it).
    static func render(for path: String, configurations: ConfigurationTree, knownRuleIDs: Set<String>, filesIgnored: Bool = false) -> String {
        var status = stat()
        let isFolder = stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        let configuration = isFolder ? configurations.configuration(forDirectory: path) : configurations.configuration(for: path)
        let here = FileManager.default.currentDirectoryPath
        let shown = { (absolute: String) in RelativePath.of(absolute, to: here) }
        var lines = ["# Settings for \(path)"]
        if filesIgnored {
            lines.append("# --no-config: every .otlint.yml is ignored; the defaults.")
        } else if configuration.sources.isEmpty {
            lines.append("# No .otlint.yml in its folder or above: the defaults.")
        } else {
            let chain = configuration.sources.map(shown)
            lines.append("# From \(chain[0])" + (chain.count > 1 ? ", which extends \(chain.dropFirst().joined(separator: ", then "))." : "."))
        }
        lines.append(configuration.select.isEmpty ? "select: [ALL]" : "select: [\(configuration.select.joined(separator: ", "))]")
        lines.append("ignore: [\(configuration.ignore.joined(separator: ", "))]")
        if configuration.severityOverrides.isEmpty {
            lines.append("severity: {}")
        } else {
            lines.append("severity:")
            for (id, severity) in configuration.severityOverrides.sorted(by: { $0.key < $1.key }) { lines.append("  \(id): \(severity.rawValue)") }
        }
        func folder(_ glob: AnchoredGlob) -> String {
            let relative = shown(glob.directory)
            return relative.isEmpty || StandardPath.of(relative) == StandardPath.of(here) ? "./" : relative + "/"
        }
        func pattern(_ glob: AnchoredGlob) -> String { "\"\(glob.glob.source)\"  # relative to \(folder(glob))" }
        if configuration.perPathIgnores.isEmpty {
            lines.append("per-path-ignores: {}")
        } else {
            lines.append("per-path-ignores:")
            for entry in configuration.perPathIgnores {
                lines.append("  \"\(entry.pattern.glob.source)\": [\(entry.rules.joined(separator: ", "))]  # relative to \(folder(entry.pattern))")
            }
        }
        lines.append(configuration.exclude.isEmpty ? "exclude: []" : "exclude:")
        for glob in configuration.exclude { lines.append("  - \(pattern(glob))") }
        if configuration.tierPatterns.isEmpty {
            lines.append("environments: {}")
        } else {
            lines.append("environments:")
            for tier in [DeploymentTier.production, .nonProduction] {
                let globs = configuration.tierPatterns.filter { $0.tier == tier }
                if globs.isEmpty { continue }
                lines.append("  \(tier.rawValue):")
                for entry in globs { lines.append("    - \(pattern(entry.pattern))") }
            }
        }
        if configuration.collectorDistribution != nil || configuration.collectorVersion != nil {
            lines.append("collector:")
            if let distribution = configuration.collectorDistribution { lines.append("  distribution: \(distribution)") }
            if let version = configuration.collectorVersion { lines.append("  version: \"\(version)\"") }
        }
        if let forced = configuration.forcedEnvironmentName { lines.append("# --environment \(forced): every scope is judged as that tier.") }
        if let tier = configuration.configuredTier(forPath: path) {
            lines.append("# This file is \(tier.tier.rawValue): it matches `\(tier.pattern.glob.source)`.")
        }
        let rules = knownRuleIDs.sorted()
        let off = rules.filter { !configuration.isEnabled($0) || configuration.isIgnored($0, path: path) }
        lines.append("# Rules that run on this file: \(rules.count - off.count) of \(rules.count)"
            + (off.isEmpty ? "." : rules.count - off.count < off.count ? "; on: \(rules.filter { !off.contains($0) }.joined(separator: ", "))." : "; off: \(off.joined(separator: ", ")).") )
        if configuration.isExcluded(path) { lines.append("# Walking a folder skips this file: `exclude` matches it (naming it still checks it).") }
        return lines.joined(separator: "\n") + "\n"
    }
}
