import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore
import OTLintRuleDocs

/// `otlint config`: where the configuration in force comes from, and the JSON Schema of `.otlint.yml` for editors
/// and CI (`otlint config --schema > otlint.schema.json`).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show which .otlint.yml applies here, or print its JSON Schema (--schema).")

    static let schemaName = "otlint-config.schema.json"

    @Flag(help: "Print the JSON Schema of .otlint.yml (also in the repository as Schemas/otlint-config.schema.json).")
    var schema = false

    /// The schema as embedded from Schemas/ at build time.
    static var schemaText: String? {
        EmbeddedSchemas.all.first { $0.name == schemaName }?.text
    }

    func run() throws {
        if schema {
            guard let text = ConfigCommand.schemaText else { throw ValidationError("this build of otlint has no embedded \(ConfigCommand.schemaName)") }
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        let directory = FileManager.default.currentDirectoryPath
        if let path = ConfigurationFile.find(startingAt: directory) {
            print(path)
        } else {
            print("no .otlint.yml in \(directory) or its parents: every rule runs with its default severity")
        }
    }
}
