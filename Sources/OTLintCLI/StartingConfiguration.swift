#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore

/// What `otlint init` proposes for a project, from the files otlint would check in it: which files look like
/// production or non-production by their names or folders (the same evidence the tier resolver reads), and which
/// folders look vendored or like test data, whose findings are no one's to fix.
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

    /// Folder names of copies of other projects' files or of deliberately broken inputs. `vendor` and
    /// `node_modules` are skipped by every walk already.
    static let vendoredFolderNames: Set<String> = ["third_party", "third-party", "thirdparty", "external", "externals", "extern", "vendored", "_vendor"]
    static let testDataFolderNames: Set<String> = ["testdata", "test-data", "test_data", "fixtures", "__fixtures__", "__snapshots__"]

    /// `files`: paths relative to the project folder, as a walk finds them.
    init(files: [String]) {
        fileCount = files.count
        var seen = Set<String>()
        for file in files.sorted() {
            let components = file.split(separator: "/").map(String.init)
            // A vendored or test-data folder: everything below it is excluded, and nothing below it decides tiers.
            if let index = components.dropLast().firstIndex(where: { Self.vendoredFolderNames.contains($0.lowercased()) || Self.testDataFolderNames.contains($0.lowercased()) }) {
                let folder = components[...index].joined(separator: "/")
                if seen.insert("exclude " + folder).inserted {
                    let kind = Self.vendoredFolderNames.contains(components[index].lowercased()) ? "looks vendored" : "looks like test data"
                    exclude.append(Choice(pattern: folder + "/**", reason: "`\(components[index])/` \(kind)"))
                }
                continue
            }
            // The outermost folder that names a tier covers everything below it.
            if let index = components.dropLast().firstIndex(where: { DeploymentTier.classify(environmentName: $0) != .unknown }) {
                let folder = components[...index].joined(separator: "/")
                let tier = DeploymentTier.classify(environmentName: components[index])
                if seen.insert("tier " + folder).inserted {
                    add(Choice(pattern: folder + "/**", reason: "the folder `\(components[index])/`"), to: tier)
                }
                continue
            }
            // Otherwise the file's own name (`docker-compose.prod.yml`, `.env.staging`), as a pattern that matches that
            // name in any folder.
            if let name = components.last, let tier = DeploymentTierResolver.tier(namedByFile: name), seen.insert("tier " + name).inserted {
                add(Choice(pattern: name, reason: "the file name `\(name)`"), to: tier)
            }
        }
    }

    private mutating func add(_ choice: Choice, to tier: DeploymentTier) {
        if tier == .production { production.append(choice) } else { nonProduction.append(choice) }
    }

    /// The `.otlint.yml` text, each choice with its reason as a comment.
    var yaml: String {
        var lines = [
            "# yaml-language-server: $schema=https://raw.githubusercontent.com/otlint/otlint/main/Schemas/otlint-config.schema.json",
            "# Written by `otlint init` from the \(fileCount) files otlint checks here. Every setting: `otlint config --schema`.",
            "select: [ALL]",
            "ignore: []",
        ]
        func list(_ choices: [Choice], indent: String) -> [String] {
            choices.map { "\(indent)- \"\($0.pattern)\"  # \($0.reason)" }
        }
        if exclude.isEmpty {
            lines.append("exclude: []")
        } else {
            lines.append("exclude:")
            lines += list(exclude, indent: "  ")
        }
        if production.isEmpty && nonProduction.isEmpty {
            lines.append("# No file or folder name says production or not; name them here (or use --environment):")
            lines.append("environments: {}")
        } else {
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
        let chosen = describe("production", production) + describe("non-production", nonProduction) + describe("excluded", exclude)
        return chosen.isEmpty ? ["no file or folder name tells a tier, and nothing looks vendored: all rules on every file"] : chosen
    }
}
