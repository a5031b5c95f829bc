#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore

/// What `otlint init` proposes for a project, from the files otlint would check in it: which files are production
/// or non-production by their names or folders, and which folders look vendored or like test data, whose findings
/// are no one's to fix.
///
/// It writes down what otlint already reads from names (the tier resolver's own reading: the file name first, then
/// the folders from the innermost out), so that a team sees it and can correct it, and never changes a file's tier:
/// a folder pattern is written only when every file below it has that folder's tier, and only for folder names that
/// say nothing but the tier (`prod`, `staging`, `prod-eu`; not `prod-tools` or `local-search`).
struct StartingConfiguration {
    /// A choice with the reason `otlint init` prints and writes as a comment.
    struct Choice: Equatable {
        var pattern: String
        var reason: String
    }

    var production: [Choice] = []
    var nonProduction: [Choice] = []
    var exclude: [Choice] = []
    /// How many files the choices were made from.
    var fileCount = 0
    /// The configuration above the project's folder that the new file extends, relative to it.
    var extends: String?

    /// Folder names of copies of other projects' files or of deliberately broken inputs. `vendor` and
    /// `node_modules` are skipped by every walk already.
    static let vendoredFolderNames: Set<String> = ["third_party", "third-party", "thirdparty", "external", "externals", "extern", "vendored", "_vendor"]
    static let testDataFolderNames: Set<String> = ["testdata", "test-data", "test_data", "fixtures", "__fixtures__", "__snapshots__"]
    /// Words beside a tier word that still leave a folder name about the tier alone: regions, colours, numbers.
    static let tierQualifiers: Set<String> = ["eu", "us", "uk", "ap", "apac", "emea", "east", "west", "north", "south", "central", "blue", "green", "canary"]

    /// `files`: paths relative to the project folder, as a walk finds them (files under a folder with a
    /// configuration of its own left out). `selfDescribed`: files that may say their own environment
    /// (`deployment.environment.name`, a Kubernetes namespace), which otlint reads before names and which a
    /// pattern would outrank: no pattern covers them.
    init(files: [String], selfDescribed: Set<String> = [], extends: String? = nil) {
        self.extends = extends
        fileCount = files.count
        var kept: [String] = []
        var excluded = Set<String>()
        for file in files.sorted() {
            let components = file.split(separator: "/").map(String.init)
            // A vendored or test-data folder: everything below it is excluded, and nothing below it decides tiers.
            guard let index = components.dropLast().firstIndex(where: { Self.isVendored($0) || Self.isTestData($0) }) else {
                kept.append(file)
                continue
            }
            let folder = components[...index].joined(separator: "/")
            if excluded.insert(folder).inserted {
                let kind = Self.isVendored(components[index]) ? "looks vendored" : "looks like test data"
                exclude.append(Choice(pattern: folder + "/**", reason: "`\(components[index])/` \(kind)"))
            }
        }
        let resolved = kept.map { (file: $0, named: DeploymentTierResolver.tier(namedByPath: $0)) }
        var seenNames = Set<String>()
        var folders: [String: (tier: DeploymentTier, name: String)] = [:]
        for (file, named) in resolved where !selfDescribed.contains(file) {
            guard let named else { continue }
            let components = file.split(separator: "/").map(String.init)
            guard let index = named.folderIndex else {
                // The file name: a pattern for that name in any folder, which names the same tier wherever it is.
                let name = components[components.count - 1]
                let sameName = resolved.filter { $0.file == name || $0.file.hasSuffix("/" + name) }
                if !ConfigPaths.isTemplate(file), !sameName.contains(where: { selfDescribed.contains($0.file) }), seenNames.insert(name).inserted {
                    add(Choice(pattern: name, reason: "the file name `\(name)`"), to: named.tier)
                }
                continue
            }
            guard Self.namesOnlyATier(components[index]) else { continue }
            folders[components[...index].joined(separator: "/")] = (named.tier, components[index])
        }
        for folder in folders.keys.sorted() {
            let (tier, name) = folders[folder]!
            // Written only when it changes no file's tier: every file below has this tier by its own name.
            let below = resolved.filter { $0.file.hasPrefix(folder + "/") }
            guard below.allSatisfy({ $0.named?.tier == tier && !selfDescribed.contains($0.file) }) else { continue }
            add(Choice(pattern: folder + "/**", reason: "the folder `\(name)/`"), to: tier)
        }
    }

    private static func isVendored(_ name: String) -> Bool { vendoredFolderNames.contains(name.lowercased()) }
    private static func isTestData(_ name: String) -> Bool { testDataFolderNames.contains(name.lowercased()) }

    /// `prod`, `staging`, `prod-eu`, `non-prod`, `prod2`: a name of a tier with at most a region, colour or number.
    static func namesOnlyATier(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return !words.isEmpty && words.allSatisfy { word in
            DeploymentTier.classify(environmentName: word) != .unknown || DeploymentTier.notProductionPrefixes.contains(word)
                || tierQualifiers.contains(word) || word.allSatisfy(\.isNumber)
                || DeploymentTier.classify(environmentName: word.filter(\.isLetter)) != .unknown
        }
    }

    private mutating func add(_ choice: Choice, to tier: DeploymentTier) {
        if tier == .production { production.append(choice) } else { nonProduction.append(choice) }
    }

    /// The `.otlint.yml` text, each choice with its reason as a comment. Only what was chosen is written, so a file
    /// that extends another inherits everything else.
    var yaml: String {
        var lines = [
            "# yaml-language-server: $schema=https://raw.githubusercontent.com/otlint/otlint/main/Schemas/otlint-config.schema.json",
            "# Written by `otlint init` from the \(fileCount) \(fileCount == 1 ? "file" : "files") otlint checks here. Every setting: `otlint config --schema`.",
        ]
        if let extends { lines.append("extend: \(extends)  # the configuration above this folder") }
        func list(_ choices: [Choice], indent: String) -> [String] {
            choices.map { "\(indent)- \"\($0.pattern)\"  # \($0.reason)" }
        }
        if !exclude.isEmpty {
            lines.append("exclude:")
            lines += list(exclude, indent: "  ")
        }
        if production.isEmpty && nonProduction.isEmpty {
            lines.append("# No file or folder name says production or not; name them under `environments:` (or use --environment).")
        } else {
            lines.append("# These patterns outrank `deployment.environment.name` in OTEL_RESOURCE_ATTRIBUTES.")
            lines.append("environments:")
            if !production.isEmpty { lines.append("  production:"); lines += list(production, indent: "    ") }
            if !nonProduction.isEmpty { lines.append("  non-production:"); lines += list(nonProduction, indent: "    ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What was chosen, for the terminal.
    var summary: [String] {
        func describe(_ title: String, _ choices: [Choice]) -> [String] {
            choices.isEmpty ? [] : ["\(title):"] + choices.map { "  \($0.pattern)  (\($0.reason))" }
        }
        var chosen = extends.map { ["extends \($0)"] } ?? []
        chosen += describe("production", production) + describe("non-production", nonProduction) + describe("excluded", exclude)
        return chosen.isEmpty ? ["no file or folder name tells a tier, and nothing looks vendored: all rules on every file"] : chosen
    }
}
