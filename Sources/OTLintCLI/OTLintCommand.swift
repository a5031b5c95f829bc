import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintConfigRules
import OTLintCore
import OTLintRuleDocs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `otlint`: the command line. `check` is the default subcommand, so `otlint .` works.
public struct OTLintCommand: ParsableCommand {
    public static let version = "0.1.0"

    /// What `otlint --version` prints: the release, the commit it was built from, and the releases its knowledge of
    /// collectors, semantic conventions and the SDK configuration file is read from.
    static let versionText = "\(version) (commit \(EmbeddedBuildInfo.commit))\n\(KnowledgeVersions.summary)"

    public static let configuration = CommandConfiguration(
        commandName: "otlint",
        abstract: "A fast, precise linter for OpenTelemetry setups: compose files, Kubernetes manifests, collector configurations, env files, Dockerfiles and Swift sources.",
        version: versionText,
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, ConfigCommand.self, InitCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    public init() {}

    /// Parses the arguments and runs the command. Usage errors exit with 2 (not ArgumentParser's 64), so the
    /// exit codes stay 0 clean, 1 findings, 2 usage, configuration or input errors.
    public static func runAndExit() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            exitProcess(ExitStatus.clean)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardStreams.printError(message) }
            exitProcess(ExitStatus.error)
        }
    }
}

/// Exit codes: 0 clean (or findings below `--fail-on`), 1 findings, 2 usage, configuration or input errors.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
}

/// `exit(3)`; named apart from `ParsableCommand.exit(withError:)`, which hides it inside the command.
private func exitProcess(_ status: Int32) -> Never {
    exit(status)
}
