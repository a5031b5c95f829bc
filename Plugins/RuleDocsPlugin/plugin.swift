import Foundation
import PackagePlugin

/// Embeds the rule documents from the package's Rules/ folder, and the JSON Schemas from its Schemas/ folder, into
/// the OTLintRuleDocs module.
@main
struct RuleDocsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let schemasDirectory = context.package.directoryURL.appending(path: "Schemas")
        let documents = files(in: rulesDirectory).filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" }
        let schemas = files(in: schemasDirectory).filter { $0.pathExtension == "json" }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleDocuments.swift")
        let (commit, gitFiles) = commit(of: context.package.directoryURL)
        return [
            .buildCommand(
                displayName: "Embedding \(documents.count) rule documents and \(schemas.count) schemas",
                executable: try context.tool(named: "RuleDocsGenerator").url,
                arguments: [output.path, "--commit", commit] + (documents + schemas).map(\.path),
                inputFiles: documents + schemas + [rulesDirectory, schemasDirectory] + gitFiles,
                outputFiles: [output]
            ),
        ]
    }

    /// The commit the package is built from, for `otlint --version`, read from its `.git` folder (`unknown` outside
    /// a git checkout), with the files it was read from, so a new commit rebuilds the embedded text.
    private func commit(of package: URL) -> (String, [URL]) {
        let git = package.appending(path: ".git")
        let head = git.appending(path: "HEAD")
        guard let text = try? String(contentsOf: head, encoding: .utf8) else { return ("unknown", []) }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("ref: ") else { return (String(line.prefix(12)), [head]) }
        let reference = String(line.dropFirst(5))
        let loose = git.appending(path: reference)
        if let hash = try? String(contentsOf: loose, encoding: .utf8) {
            return (String(hash.trimmingCharacters(in: .whitespacesAndNewlines).prefix(12)), [head, loose])
        }
        let packed = git.appending(path: "packed-refs")
        let lines = ((try? String(contentsOf: packed, encoding: .utf8)) ?? "").split(separator: "\n")
        let hash = lines.first { $0.hasSuffix(" " + reference) }.map { String($0.prefix(12)) }
        return (hash ?? "unknown", [head, packed])
    }

    private func files(in directory: URL) -> [URL] {
        (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    }
}
