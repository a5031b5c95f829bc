#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore
import OTLintYAML

/// Reads `.otlint.yml`: rule selection, severity overrides, per-path ignores, excluded paths and which files
/// belong to which deployment tier.
///
/// ```yaml
/// select: [OTL1, OTL203]        # rule IDs or prefixes; default: all
/// ignore: [OTL001]
/// severity: {OTL101: error}
/// per-path-ignores:
///   "examples/**": [OTL101]
/// exclude: ["third_party/**"]
/// environments:
///   production: ["deploy/prod/**", "*.prod.yml"]
///   non-production: ["deploy/dev/**"]
/// ```
enum ConfigurationFile {
    static let names = ConfigurationTree.fileNames

    struct LoadError: Error, CustomStringConvertible {
        var inputError: InputError
        var description: String { inputError.oneLine }
    }

    /// The nearest `.otlint.yml` in `directory` or one of its parents.
    static func find(startingAt directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in names {
                let candidate = current.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Reads the configuration file at `path`, with the files it extends (`extend: ../.otlint.yml`).
    ///
    /// A setting the file writes replaces the one it inherits (`select`, `ignore`, `exclude`, each `collector`
    /// key); `severity` entries override the inherited ones rule by rule; `per-path-ignores` and `environments`
    /// add to the inherited ones, this file's entries first. Each file's glob patterns are relative to its own
    /// folder.
    static func read(_ path: String, knownRuleIDs: Set<String>) throws(LoadError) -> Configuration {
        try read(path, knownRuleIDs: knownRuleIDs, extendedBy: [])
    }


    private static func read(_ path: String, knownRuleIDs: Set<String>, extendedBy chain: [String]) throws(LoadError) -> Configuration {
        let file: SourceFile
        switch FileLoader().load(path) {
        case .success(let loaded): file = loaded
        case .failure(let error): throw LoadError(inputError: error)
        }
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parse(file)
        } catch {
            throw LoadError(inputError: error.inputError(path: path))
        }
        let directory = StandardPath.of(ConfigPaths.directory(of: path))
        var configuration = Configuration()
        configuration.sources = [path]
        guard let root = documents.first?.root else { return configuration }
        func fail(_ node: YAMLNode, _ message: String) -> LoadError {
            let position = file.lineColumn(at: node.range.start)
            return LoadError(inputError: InputError(path: path, position: position, message: message))
        }
        guard let pairs = root.mergedPairs else { throw fail(root, "expected a mapping of settings") }
        var written = Set<String>()
        for pair in pairs {
            guard let key = pair.key.scalar else { throw fail(pair.key, "expected a setting name") }
            let value = pair.value
            // A key without a value (`exclude:`) is a mistake, not "nothing to configure": say so.
            if value.isNull, known.contains(key) { throw fail(pair.key, "`\(key)` has no value") }
            written.insert(key)
            switch key {
            case "extend":
                // Read last, below: the settings of this file go on top of what it extends.
                continue
            case "select", "ignore":
                let ids = try ruleList(value, setting: key, key: pair.key, knownRuleIDs: knownRuleIDs, fail: fail)
                if key == "select" { configuration.select = ids } else { configuration.ignore = ids }
            case "severity":
                guard let entries = value.mergedPairs else {
                    throw fail(pair.key, "`severity` must map rule IDs to error, warning or info, found \(describe(value))")
                }
                for entry in entries {
                    guard let id = entry.key.scalar?.uppercased(), knownRuleIDs.contains(id) else {
                        throw fail(entry.key, "unknown rule `\(entry.key.scalar ?? "")` in `severity`")
                    }
                    guard entry.value.scalarStyle != nil, let severity = entry.value.scalar.flatMap({ Severity(rawValue: $0.lowercased()) }) else {
                        throw fail(entry.key, "the severity of `\(id)` must be error, warning or info, found \(describe(entry.value))")
                    }
                    configuration.severityOverrides[id] = severity
                }
            case "per-path-ignores":
                guard let entries = value.mergedPairs else {
                    throw fail(pair.key, "`per-path-ignores` must map glob patterns to rule lists, found \(describe(value))")
                }
                for entry in entries {
                    guard let pattern = entry.key.scalar else { throw fail(entry.key, "expected a glob pattern") }
                    let glob = AnchoredGlob(try globPattern(pattern, at: entry.key, fail: fail), directory: directory)
                    let ids = try ruleList(entry.value, setting: "per-path-ignores.\(pattern)", key: entry.key,
                                           knownRuleIDs: knownRuleIDs, fail: fail)
                    configuration.perPathIgnores.append((glob, ids))
                }
            case "exclude":
                configuration.exclude += try globList(value, setting: key, key: pair.key, fail: fail).map { AnchoredGlob($0, directory: directory) }
            case "environments":
                guard let entries = value.mergedPairs else {
                    throw fail(pair.key, "`environments` must map a tier to glob patterns, found \(describe(value))")
                }
                for entry in entries {
                    guard let name = entry.key.scalar, let tier = tier(named: name) else {
                        throw fail(entry.key, "unknown tier `\(entry.key.scalar ?? "")`: use production or non-production")
                    }
                    for pattern in try globList(entry.value, setting: "environments.\(name)", key: entry.key, fail: fail) {
                        configuration.tierPatterns.append((AnchoredGlob(pattern, directory: directory), tier))
                    }
                }
            case "collector":
                guard let entries = value.mergedPairs else {
                    throw fail(pair.key, "`collector` must map `distribution` and `version`, found \(describe(value))")
                }
                for entry in entries {
                    switch entry.key.scalar {
                    case "distribution":
                        guard let name = entry.value.scalar, Configuration.collectorDistributions.contains(name) else {
                            throw fail(entry.value, "`collector.distribution` must be one of \(Configuration.collectorDistributions.joined(separator: ", ")), found \(describe(entry.value))")
                        }
                        configuration.collectorDistribution = name
                    case "version":
                        guard let text = entry.value.scalar, SemanticVersion(text) != nil else {
                            throw fail(entry.value, "`collector.version` must be a release such as 0.120.0, found \(describe(entry.value))")
                        }
                        configuration.collectorVersion = text
                    default:
                        throw fail(entry.key, "unknown setting `collector.\(entry.key.scalar ?? "")`; known: distribution, version")
                    }
                }
            default:
                let suggestion = EditDistance.nearest(to: key, among: known, limit: 3).map { "; did you mean `\($0)`?" } ?? "; known: \(known.joined(separator: ", "))"
                throw fail(pair.key, "unknown setting `\(key)`\(suggestion)")
            }
        }
        guard let extend = pairs.first(where: { $0.key.scalar == "extend" }) else { return configuration }
        guard extend.value.scalarStyle != nil, isString(extend.value), let target = extend.value.scalar else {
            throw fail(extend.key, "`extend` must be the path of another configuration file, found \(describe(extend.value))")
        }
        let extended = StandardPath.of(ConfigPaths.resolve(target, against: directory))
        let visited = chain + [StandardPath.of(path)]
        if visited.contains(extended) {
            let here = FileManager.default.currentDirectoryPath
            throw fail(extend.value, "`extend` goes round in a circle: \((visited + [extended]).map { RelativePath.of($0, to: here) }.joined(separator: " → "))")
        }
        guard FileManager.default.fileExists(atPath: extended) else { throw fail(extend.value, "`extend`: there is no file \(target)") }
        let base = try read(RelativePath.of(extended, to: FileManager.default.currentDirectoryPath), knownRuleIDs: knownRuleIDs, extendedBy: visited)
        return merge(configuration, writing: written, over: base)
    }

    /// This file's settings over those of the file it extends (see `read`).
    private static func merge(_ own: Configuration, writing written: Set<String>, over base: Configuration) -> Configuration {
        var result = base
        if written.contains("select") { result.select = own.select }
        if written.contains("ignore") { result.ignore = own.ignore }
        if written.contains("exclude") { result.exclude = own.exclude }
        result.severityOverrides.merge(own.severityOverrides) { _, mine in mine }
        result.perPathIgnores = own.perPathIgnores + base.perPathIgnores
        result.tierPatterns = own.tierPatterns + base.tierPatterns
        if let distribution = own.collectorDistribution { result.collectorDistribution = distribution }
        if let version = own.collectorVersion { result.collectorVersion = version }
        result.sources = own.sources + base.sources
        return result
    }

    /// The settings `.otlint.yml` knows, in the order the README documents them.
    static let known = ["extend", "select", "ignore", "severity", "per-path-ignores", "exclude", "environments", "collector"]

    /// What a wrong value is, for messages: "the number `5`", "the boolean `true`", "a list".
    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, let style):
            if node.isNull { return "nothing" }
            guard style == .plain else { return "the string `\(text.prefix(40))`" }
            if Int(text) != nil || Double(text) != nil { return "the number `\(text)`" }
            if ["true", "false", "yes", "no", "on", "off"].contains(text.lowercased()) { return "the boolean `\(text)`" }
            return "the string `\(text.prefix(40))`"
        }
    }

    /// A string scalar: quoted, or plain and not a number, boolean or null (which YAML reads as other types).
    private static func isString(_ node: YAMLNode) -> Bool {
        describe(node).hasPrefix("the string")
    }

    static func tier(named name: String) -> DeploymentTier? {
        switch name.lowercased() {
        case "production", "prod": .production
        case "non-production", "nonproduction", "non_production", "development", "staging", "test": .nonProduction
        default: nil
        }
    }

    /// One glob pattern or a list of them; each must be a string and a valid pattern.
    private static func globList(_ node: YAMLNode, setting: String, key: YAMLNode,
                                 fail: (YAMLNode, String) -> LoadError) throws(LoadError) -> [GlobPattern] {
        let expected = "`\(setting)` must be a glob pattern or a list of them"
        if node.scalarStyle != nil {
            guard isString(node) else { throw fail(key, "\(expected), found \(describe(node))") }
            return [try globPattern(node.scalar ?? "", at: node, fail: fail)]
        }
        guard let items = node.sequence else { throw fail(key, "\(expected), found \(describe(node))") }
        var result: [GlobPattern] = []
        for item in items {
            guard isString(item) else { throw fail(item, "\(expected), found \(describe(item))") }
            result.append(try globPattern(item.scalar ?? "", at: item, fail: fail))
        }
        return result
    }

    private static func globPattern(_ text: String, at node: YAMLNode, fail: (YAMLNode, String) -> LoadError) throws(LoadError) -> GlobPattern {
        if let problem = GlobPattern.problem(in: text) { throw fail(node, "invalid glob pattern `\(text)`: \(problem)") }
        return GlobPattern(text)
    }

    private static func ruleList(
        _ node: YAMLNode, setting: String, key: YAMLNode, knownRuleIDs: Set<String>, fail: (YAMLNode, String) -> LoadError
    ) throws(LoadError) -> [String] {
        let expected = "`\(setting)` must be a rule ID or a list of them"
        if node.pairs != nil { throw fail(key, "\(expected), found \(describe(node))") }
        let items = node.sequence ?? [node]
        var result: [String] = []
        for item in items {
            guard let raw = item.scalar, !item.isNull else { throw fail(item, "\(expected), found \(describe(item))") }
            for part in raw.split(separator: ",") {
                let id = part.blankTrimmed.uppercased()
                guard RuleSelector.isValid(id, knownRuleIDs: knownRuleIDs) else {
                    throw fail(item, "`\(id)` matches no rule (use an ID such as OTL101, a prefix such as OTL1, or ALL)")
                }
                result.append(id)
            }
        }
        return result
    }
}

/// Rule selectors: `ALL`, an ID, or an ID prefix that matches at least one rule.
enum RuleSelector {
    static func isValid(_ selector: String, knownRuleIDs: Set<String>) -> Bool {
        selector == "ALL" || knownRuleIDs.contains { $0.hasPrefix(selector) }
    }
}
