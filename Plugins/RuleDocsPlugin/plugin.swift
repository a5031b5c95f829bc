import Foundation
import PackagePlugin

/// Embeds the rule documents from the package's Rules/ folder into the OTLintRuleDocs module.
@main
struct RuleDocsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let documents = (try? FileManager.default.contentsOfDirectory(
            at: rulesDirectory, includingPropertiesForKeys: nil
        ))?.filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" } ?? []
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleDocuments.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(documents.count) rule documents",
                executable: try context.tool(named: "RuleDocsGenerator").url,
                arguments: [output.path] + documents.map(\.path),
                inputFiles: documents + [rulesDirectory],
                outputFiles: [output]
            ),
        ]
    }
}
