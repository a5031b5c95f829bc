import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore

/// `otlint init`: writes a starting `.otlint.yml` for the project in a folder, from the files otlint finds there.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starting .otlint.yml for the project here: production and non-production files by their names, vendored folders excluded.",
        discussion: "Example: otlint init && otlint check")

    @Argument(help: "The project's folder.")
    var directory: String = "."

    @Flag(help: "Replace an existing .otlint.yml.")
    var force = false

    @Flag(name: .customLong("stdout"), help: "Print the configuration instead of writing it.")
    var toStandardOutput = false

    func run() throws {
        let prefix = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        guard FileManager.default.fileExists(atPath: directory) else { throw failure("error: \(directory): no such folder") }
        // Either name is the folder's configuration; `--force` replaces the one that is there.
        let existing = ConfigurationTree.fileNames.map { prefix + $0 }.first(where: FileManager.default.fileExists)
        if !toStandardOutput, !force, let existing {
            throw failure("error: \(existing) already exists; `otlint init --force` replaces it, `--stdout` prints the proposal")
        }
        let target = existing ?? prefix + ".otlint.yml"
        // A configuration above this folder is extended, so what it says keeps applying here.
        let absolute = StandardPath.of(directory)
        let above = absolute == "/" ? nil : ConfigurationFile.find(startingAt: PathComponents.deletingLast(of: absolute))
        let analyzers = Analyzers.all
        let found = Discovery(exclude: [], rootDirectory: directory).discover([directory]) { path in analyzers.contains { $0.claims(path: path) } }
        // Files under a folder with a configuration of its own are that configuration's.
        let files = found.files.map { RelativePath.of($0.path, to: directory) }.filter { !Self.hasOwnConfiguration($0, below: directory) }
        let selfDescribed = Set(files.filter { Self.maySayItsEnvironment(prefix + $0) })
        let proposal = StartingConfiguration(files: files, selfDescribed: selfDescribed,
                                             extends: above.map { Self.relative(StandardPath.of($0), from: absolute) })
        if toStandardOutput {
            print(proposal.yaml, terminator: "")
            return
        }
        do {
            try AtomicWriter.write(Array(proposal.yaml.utf8), to: target, what: "configuration")
        } catch {
            throw failure("\(error)")
        }
        print("Wrote \(target) from \(proposal.fileCount) \(proposal.fileCount == 1 ? "file" : "files"):")
        for line in proposal.summary { print("  " + line) }
        print("Review it, then run `otlint check`.")
    }

    /// Prints `message` and gives the exit code of an error.
    private func failure(_ message: String) -> ExitCode {
        StandardStreams.printError(message)
        return ExitCode(ExitStatus.error)
    }

    /// Whether the file's text may name its environment in a way otlint reads before names: a deployment environment
    /// resource attribute, or a Kubernetes namespace.
    private static func maySayItsEnvironment(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.contains("deployment.environment") || ((path.hasSuffix(".yml") || path.hasSuffix(".yaml")) && text.contains("namespace:"))
    }

    /// Whether a folder between `directory` and the file holds a configuration file.
    private static func hasOwnConfiguration(_ file: String, below directory: String) -> Bool {
        var folders = file.split(separator: "/").dropLast().map(String.init)
        while !folders.isEmpty {
            let folder = (directory == "." ? "" : directory + "/") + folders.joined(separator: "/")
            if ConfigurationTree.fileNames.contains(where: { FileManager.default.fileExists(atPath: folder + "/" + $0) }) { return true }
            folders.removeLast()
        }
        return false
    }

    /// `path` as written from the folder `base` (`../../.otlint.yml`); both absolute.
    private static func relative(_ path: String, from base: String) -> String {
        let target = path.split(separator: "/"), origin = base.split(separator: "/")
        let shared = zip(target, origin).prefix(while: { $0 == $1 }).count
        return (Array(repeating: "..", count: origin.count - shared) + target.dropFirst(shared).map(String.init)).joined(separator: "/")
    }
}
