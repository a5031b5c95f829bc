import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OTLintCore

/// `otlint check [PATH...]`: lint files and folders, optionally fixing what is safe to fix.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check compose files, Kubernetes manifests, collector configurations, env files, Dockerfiles and Swift sources for OpenTelemetry mistakes.",
        discussion: """
            Examples:
              otlint check                          # the project in this folder
              otlint check --fix compose.yml        # apply safe fixes to one file
              otlint check --diff --unsafe-fixes .  # every fix as a patch
              otlint check --select OTL2 --fail-on warning deploy/
              otlint check --format sarif --output-file otlint.sarif .
              otlint check --write-baseline base.json  # then --baseline base.json
              otlint check --show-settings deploy/compose.yml
              otlint check --stdin-filename compose.yml - < compose.yml
            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
            configuration or input errors.
            """
    )

    @Argument(help: "Files or folders to check (default: the current folder). `-` reads standard input (with --stdin-filename).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif, github, junit or gitlab.")
    var format: String = "text"

    @Option(name: .customLong("output-file"), help: "Write the report to this file instead of standard output.")
    var outputFile: String?

    @Flag(help: "Apply safe fixes to the files.")
    var fix = false

    @Flag(name: .customLong("unsafe-fixes"), help: "With --fix or --diff, also apply fixes that change behaviour.")
    var unsafeFixes = false

    @Flag(help: "Print the fixes as a unified diff and change nothing.")
    var diff = false

    @Option(parsing: .singleValue, help: "Only run these rules (IDs or prefixes, comma-separated, repeatable).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Never run these rules (IDs or prefixes, comma-separated, repeatable).")
    var ignore: [String] = []

    @Option(help: "Treat every checked scope as this deployment environment (e.g. production, staging).")
    var environment: String?

    @Option(help: "Configuration file for every checked file (default: for each file, the nearest .otlint.yml in its folder or above).")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .otlint.yml files.")
    var noConfig = false

    @Option(name: .customLong("show-settings"), help: ArgumentHelp(
        "Print the configuration that applies to this file (which .otlint.yml files, and every setting) and exit.",
        discussion: "Example: otlint check --show-settings deploy/prod/docker-compose.yml"))
    var showSettings: String?

    @Flag(help: "Print findings only: no summary line.")
    var quiet = false

    @Flag(help: "Print the number of findings per rule instead of the findings.")
    var statistics = false

    @Flag(name: .customLong("exit-zero"), help: "Exit with 0 even when problems are found (input errors still exit 2).")
    var exitZero = false

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error, warning or info.")
    var failOn: String = "info"

    @Option(help: "Colour the text output: auto, always or never. `auto` colours a terminal unless NO_COLOR is set.")
    var color: String = "auto"

    @Option(name: .customLong("stdin-filename"), help: "Lint standard input as if it were this file (for editors); pass `-` as the path.")
    var stdinFilename: String?

    @Flag(name: .customLong("no-respect-gitignore"), help: "Also check files that git ignores.")
    var noRespectGitignore = false

    @Flag(name: .customLong("force-exclude"), help: "Skip named files that `exclude` or a vendored folder covers, as a walk would (for pre-commit, which names every staged file).")
    var forceExclude = false

    @Option(help: "Report only findings that this baseline file does not record.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record today's findings in this file (for adopting otlint on an existing project) and exit.")
    var writeBaseline: String?

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format `\(format)`: use \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard Severity(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be error, warning or info") }
        guard ["auto", "always", "never"].contains(color) else { throw ValidationError("--color must be auto, always or never") }
        if unsafeFixes && !fix && !diff { throw ValidationError("--unsafe-fixes needs --fix or --diff") }
        if fix && diff { throw ValidationError("--fix and --diff exclude each other: --diff changes nothing") }
        if writeBaseline != nil && (fix || diff) { throw ValidationError("--write-baseline records findings; it does not combine with --fix or --diff") }
        if paths.contains("-") && stdinFilename == nil { throw ValidationError("reading standard input (`-`) needs --stdin-filename PATH") }
        if stdinFilename != nil && !paths.contains("-") {
            throw ValidationError("--stdin-filename lints standard input: pass `-` as the path (`otlint check --stdin-filename PATH -`)")
        }
    }

    func run() throws {
        let status = execute()
        if status != ExitStatus.clean { throw ExitCode(status) }
    }

    private func execute() -> Int32 {
        let knownRuleIDs = Set(Analyzers.all.flatMap(\.ruleIDs)).union([UnusedSuppressionRule.id]).union(RuleCatalog.documents.keys)
        guard let setup = RunConfiguration.make(config: config, noConfig: noConfig, select: select, ignore: ignore,
                                                environment: environment, knownRuleIDs: knownRuleIDs) else { return ExitStatus.error }
        let configurations = setup.configurations, rootDirectory = setup.rootDirectory
        if let showSettings {
            print(SettingsReport.render(for: showSettings, configurations: configurations, knownRuleIDs: knownRuleIDs,
                                        filesIgnored: noConfig), terminator: "")
            for error in configurations.errors { printError(error.oneLine) }
            return configurations.errors.isEmpty ? ExitStatus.clean : ExitStatus.error
        }

        let loader = FileLoader()
        let linter = Linter(analyzers: Analyzers.all, configurations: configurations, rootDirectory: rootDirectory, loader: loader)
        linter.respectGitIgnore = !noRespectGitignore
        linter.forceExclude = forceExclude
        var inputPaths = paths.isEmpty ? ["."] : paths
        if let stdinFilename, let index = inputPaths.firstIndex(of: "-") {
            loader.provide(path: stdinFilename, text: String(decoding: StandardStreams.readInput(), as: UTF8.self))
            inputPaths[index] = stdinFilename
        }

        var fixNotes: [String] = []
        var output = ""
        var diffPrintedFixes = false
        var report: LintReport
        if fix || diff {
            let session = FixSession(linter: linter, includeUnsafe: unsafeFixes, write: fix && stdinFilename == nil)
            let outcome = session.run(paths: inputPaths)
            report = outcome.report
            report.inputErrors += outcome.writeErrors
            diffPrintedFixes = diff && !outcome.changedFiles.isEmpty
            for (diagnostic, reason) in outcome.rejected {
                fixNotes.append("\(diagnostic.location.path):\(diagnostic.location.start.line):\(diagnostic.location.start.column): fix for \(diagnostic.ruleID) not applied: \(reason)")
            }
            if diff {
                // The diff is a patch to apply, so it cannot mask: it leaves out every line that holds a secret,
                // and a hunk that cannot be shown without one is named instead.
                for path in outcome.changedFiles.keys.sorted() {
                    let change = outcome.changedFiles[path]!
                    let diff = UnifiedDiff.make(
                        path: path, old: change.original, new: change.fixed,
                        oldSecretLines: outcome.originalSecrets.credentialLines(of: SourceFile(path: path, text: change.original)),
                        newSecretLines: report.secrets.credentialLines(of: SourceFile(path: path, text: change.fixed)))
                    output += diff.text
                    for line in diff.withheldLines {
                        fixNotes.append("\(path):\(line): a fix here is not shown: its lines hold a secret; `--fix` applies it")
                    }
                }
                if !quiet { fixNotes.append("Would fix \(outcome.fixed.count) \(outcome.fixed.count == 1 ? "problem" : "problems") in \(outcome.changedFiles.count) \(outcome.changedFiles.count == 1 ? "file" : "files").") }
            } else if let stdinFilename, let change = outcome.changedFiles[stdinFilename] {
                // Editors read the fixed text back from standard output.
                print(change.fixed, terminator: "")
                return exitStatus(for: report)
            } else if !quiet, !outcome.fixed.isEmpty {
                fixNotes.append("Fixed \(outcome.fixed.count) \(outcome.fixed.count == 1 ? "problem" : "problems") in \(outcome.changedFiles.count) \(outcome.changedFiles.count == 1 ? "file" : "files").")
            }
        } else {
            report = linter.lint(paths: inputPaths)
        }

        if let writeBaseline {
            let recorded = Baseline(diagnostics: report.diagnostics, loader: loader, rootDirectory: rootDirectory, secrets: report.secrets)
            do {
                try AtomicWriter.write(Array(recorded.rendered().utf8), to: writeBaseline, what: "baseline")
            } catch {
                printError("\(error)")
                return ExitStatus.error
            }
            for error in report.inputErrors { printError(error.oneLine) }
            if !quiet { print("Recorded \(recorded.entries.count) \(recorded.entries.count == 1 ? "finding" : "findings") in \(writeBaseline).") }
            return report.inputErrors.isEmpty ? ExitStatus.clean : ExitStatus.error
        }
        if let baseline {
            do {
                let loaded = try Baseline.load(baseline)
                let filtered = loaded.filter(report.diagnostics, loader: loader, rootDirectory: rootDirectory, secrets: report.secrets)
                report.diagnostics = filtered.new
                if !quiet, filtered.absorbed > 0 {
                    fixNotes.append("\(filtered.absorbed) known \(filtered.absorbed == 1 ? "finding" : "findings") hidden by the baseline \(baseline).")
                }
            } catch {
                printError("\(error)")
                return ExitStatus.error
            }
        }

        let context = ReportContext(report: report, loader: loader, unsafeFixesEnabled: unsafeFixes, fixNotes: fixNotes, toolVersion: OTLintCommand.version)
        if diff {
            // The diff is the output; problems left unfixed are summarised on standard error.
            for error in context.report.inputErrors { printError(error.oneLine) }
            for notice in context.report.notices { printError(notice.oneLine) }
            for note in fixNotes { printError(note) }
        } else if statistics {
            output += Statistics.render(context, format: format)
        } else {
            let useColor = color == "always" || (color == "auto" && outputFile == nil && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
            output += OutputFormat(rawValue: format)!.reporter(color: useColor, showsSummary: !quiet).render(context)
            if format == OutputFormat.github.rawValue { writeStepSummary(context) }
        }
        if let outputFile {
            do {
                try AtomicWriter.write(Array(output.utf8), to: outputFile, what: "report")
            } catch {
                printError("\(error)")
                return ExitStatus.error
            }
        } else {
            print(output, terminator: "")
        }
        if diff {
            // As a check in CI: 1 when there is something to fix, whatever the findings that no fix resolves.
            if !report.inputErrors.isEmpty { return ExitStatus.error }
            return diffPrintedFixes && !exitZero ? ExitStatus.findings : ExitStatus.clean
        }
        return exitStatus(for: report)
    }

    /// Appends the Markdown summary to `GITHUB_STEP_SUMMARY` when GitHub Actions provides one. A summary that
    /// cannot be written is worth a line on standard error, not a failed check.
    private func writeStepSummary(_ context: ReportContext) {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let text = GitHubStepSummary(environment: environment).render(context)
        if !StandardStreams.append(text, toFile: path) {
            printError("\(path): warning: cannot write the GitHub step summary")
        }
    }

    private func exitStatus(for report: LintReport) -> Int32 {
        if !report.inputErrors.isEmpty { return ExitStatus.error }
        let threshold = Severity(rawValue: failOn) ?? .info
        if !exitZero, report.diagnostics.contains(where: { $0.severity >= threshold }) { return ExitStatus.findings }
        return ExitStatus.clean
    }

    private func printError(_ text: String) {
        StandardStreams.printError(text)
    }
}
