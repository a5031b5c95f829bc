import Foundation
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
    static let names = [".otlint.yml", ".otlint.yaml"]

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

    static func load(_ path: String, into configuration: inout Configuration, knownRuleIDs: Set<String>) throws(LoadError) {
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
        guard let root = documents.first?.root else { return }
        func fail(_ node: YAMLNode, _ message: String) -> LoadError {
            let position = file.lineColumn(at: node.range.start)
            return LoadError(inputError: InputError(path: path, position: position, message: message))
        }
        guard let pairs = root.mergedPairs else { throw fail(root, "expected a mapping of settings") }
        for pair in pairs {
            guard let key = pair.key.scalar else { throw fail(pair.key, "expected a setting name") }
            let value = pair.value
            switch key {
            case "select", "ignore":
                let ids = try ruleList(value, file: file, knownRuleIDs: knownRuleIDs, fail: fail)
                if key == "select" { configuration.select = ids } else { configuration.ignore = ids }
            case "severity":
                guard let entries = value.mergedPairs else { throw fail(value, "`severity` must map rule IDs to error, warning or info") }
                for entry in entries {
                    guard let id = entry.key.scalar?.uppercased(), knownRuleIDs.contains(id) else {
                        throw fail(entry.key, "unknown rule `\(entry.key.scalar ?? "")` in `severity`")
                    }
                    guard let severity = entry.value.scalar.flatMap({ Severity(rawValue: $0.lowercased()) }) else {
                        throw fail(entry.value, "severity must be error, warning or info")
                    }
                    configuration.severityOverrides[id] = severity
                }
            case "per-path-ignores":
                guard let entries = value.mergedPairs else { throw fail(value, "`per-path-ignores` must map glob patterns to rule lists") }
                for entry in entries {
                    guard let pattern = entry.key.scalar else { throw fail(entry.key, "expected a glob pattern") }
                    let ids = try ruleList(entry.value, file: file, knownRuleIDs: knownRuleIDs, fail: fail)
                    configuration.perPathIgnores.append((GlobPattern(pattern), ids))
                }
            case "exclude":
                configuration.exclude += try stringList(value, fail: fail).map(GlobPattern.init)
            case "environments":
                guard let entries = value.mergedPairs else { throw fail(value, "`environments` must map a tier to glob patterns") }
                for entry in entries {
                    guard let name = entry.key.scalar, let tier = tier(named: name) else {
                        throw fail(entry.key, "unknown tier `\(entry.key.scalar ?? "")`: use production or non-production")
                    }
                    for pattern in try stringList(entry.value, fail: fail) {
                        configuration.tierPatterns.append((GlobPattern(pattern), tier))
                    }
                }
            default:
                throw fail(pair.key, "unknown setting `\(key)`; known: select, ignore, severity, per-path-ignores, exclude, environments")
            }
        }
    }

    static func tier(named name: String) -> DeploymentTier? {
        switch name.lowercased() {
        case "production", "prod": .production
        case "non-production", "nonproduction", "non_production", "development", "staging", "test": .nonProduction
        default: nil
        }
    }

    private static func stringList(_ node: YAMLNode, fail: (YAMLNode, String) -> LoadError) throws(LoadError) -> [String] {
        if let single = node.scalar { return [single] }
        guard let items = node.sequence else { throw fail(node, "expected a list of strings") }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar else { throw fail(item, "expected a string") }
            result.append(text)
        }
        return result
    }

    private static func ruleList(
        _ node: YAMLNode, file: SourceFile, knownRuleIDs: Set<String>, fail: (YAMLNode, String) -> LoadError
    ) throws(LoadError) -> [String] {
        let items = node.sequence ?? [node]
        var result: [String] = []
        for item in items {
            guard let raw = item.scalar else { throw fail(item, "expected a rule ID or prefix") }
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
