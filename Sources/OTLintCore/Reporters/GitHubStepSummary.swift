/// The Markdown that `--format github` appends to the file named by `GITHUB_STEP_SUMMARY`: the counts per rule and
/// the first findings with links to their lines. GitHub shows only the first 10 annotations of each level per
/// step (50 per job), so on a large report the summary is where the rest can be found.
public struct GitHubStepSummary {
    /// How many findings the summary lists one by one.
    public static let listedFindings = 50

    /// `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA`, when the run is a GitHub Actions job: links
    /// point at the checked-out commit.
    public var serverURL: String?
    public var repository: String?
    public var commit: String?

    public init(environment: [String: String]) {
        serverURL = environment["GITHUB_SERVER_URL"]
        repository = environment["GITHUB_REPOSITORY"]
        commit = environment["GITHUB_SHA"]
    }

    public func render(_ context: ReportContext) -> String {
        let report = context.report
        var output = "## otlint\n\n"
        if report.diagnostics.isEmpty {
            output += "No problems found in \(report.checkedFiles.count) \(report.checkedFiles.count == 1 ? "file" : "files").\n"
        } else {
            let counts = Severity.allCases.reversed().map { "\(context.count($0)) \($0.rawValue)" }.joined(separator: ", ")
            output += "Found \(report.diagnostics.count) \(report.diagnostics.count == 1 ? "problem" : "problems") (\(counts)).\n\n"
            output += "| rule | name | findings |\n|---|---|---|\n"
            let byRule = Dictionary(grouping: report.diagnostics, by: \.ruleID).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            for (rule, findings) in byRule {
                output += "| \(rule) | \(RuleCatalog.document(rule)?.name ?? "") | \(findings.count) |\n"
            }
            output += "\n"
            for diagnostic in report.diagnostics.prefix(GitHubStepSummary.listedFindings) {
                let location = diagnostic.location
                let place = "\(RepositoryRoot.relative(location.path)):\(location.start.line):\(location.start.column)"
                output += "- \(link(place, path: location.path, line: location.start.line)) \(diagnostic.severity.rawValue) "
                output += "**\(diagnostic.ruleID)** \(escaped(diagnostic.message))\n"
            }
            if report.diagnostics.count > GitHubStepSummary.listedFindings {
                output += "- … and \(report.diagnostics.count - GitHubStepSummary.listedFindings) more: run `otlint check` locally to see them all.\n"
            }
        }
        if !report.inputErrors.isEmpty {
            output += "\n\(report.inputErrors.count) \(report.inputErrors.count == 1 ? "file" : "files") could not be checked:\n\n"
            for error in report.inputErrors { output += "- `\(escaped(error.oneLine))`\n" }
        }
        return output + "\n"
    }

    /// A link to the line on GitHub when the job's repository and commit are known, else the place as code.
    private func link(_ text: String, path: String, line: Int) -> String {
        guard let serverURL, let repository, let commit else { return "`\(text)`" }
        return "[`\(text)`](\(serverURL)/\(repository)/blob/\(commit)/\(RepositoryRoot.relative(path))#L\(line))"
    }

    /// Table and list cells must not end the row or start markup.
    private func escaped(_ text: String) -> String {
        text.replacingEvery("|", with: "\\|").replacingEvery("\n", with: " ")
    }
}
