import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// `otlint init`: writes a starting `.otlint.yml` for the project in a folder, from the files otlint finds there.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting .otlint.yml for the project here: production and non-production files by their names, vendored folders excluded.",
        discussion: "Example: otlint init && otlint check")

    @Argument(help: "The project's folder (default: the current folder).")
    var directory: String = "."

    @Flag(help: "Replace an existing .otlint.yml.")
    var force = false

    @Flag(name: .customLong("stdout"), help: "Print the configuration instead of writing it.")
    var toStandardOutput = false

    func run() throws {
        let target = (directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/") + ".otlint.yml"
        if !toStandardOutput, !force, FileManager.default.fileExists(atPath: target) {
            StandardStreams.printError("error: \(target) already exists; `otlint init --force` replaces it, `--stdout` prints the proposal")
            throw ExitCode(ExitStatus.error)
        }
        let analyzers = Analyzers.all
        let found = Discovery(exclude: [], rootDirectory: directory).discover([directory]) { path in analyzers.contains { $0.claims(path: path) } }
        let files = found.files.map { RelativePath.of($0.path, to: directory) }
        let proposal = StartingConfiguration(files: files)
        if toStandardOutput {
            print(proposal.yaml, terminator: "")
            return
        }
        do {
            try AtomicWriter.write(Array(proposal.yaml.utf8), to: target, what: "configuration")
        } catch {
            StandardStreams.printError("\(error)")
            throw ExitCode(ExitStatus.error)
        }
        print("Wrote \(target) from \(proposal.fileCount) \(proposal.fileCount == 1 ? "file" : "files"):")
        for line in proposal.summary { print("  " + line) }
        print("Review it, then run `otlint check`.")
    }
}
