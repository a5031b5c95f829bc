/// `--format gitlab`: GitLab's code quality report (a JSON array of issues, the subset of the Code Climate format
/// that the merge request widget reads): `description`, `check_name`, `fingerprint`, `severity` (`info`, `minor`,
/// `major`, `critical`, `blocker`) and `location` with a `path` from the repository root and `lines.begin`.
public struct GitLabReporter: Reporter {
    public init() {}

    public func render(_ context: ReportContext) -> String {
        var seen: [String: Int] = [:]
        let issues: [JSONValue] = context.report.diagnostics.map { diagnostic in
            // GitLab tells issues apart by fingerprint: two equal findings in one file get an ordinal.
            let base = context.fingerprint(diagnostic, rootDirectory: RepositoryRoot.path)
            let ordinal = seen[base, default: 0]
            seen[base] = ordinal + 1
            let location = diagnostic.location
            return .object([
                ("description", .string("\(diagnostic.ruleID): \(diagnostic.message)")),
                ("check_name", .string(diagnostic.ruleID)),
                ("fingerprint", .string(ordinal == 0 ? base : "\(base)-\(ordinal)")),
                ("severity", .string(GitLabReporter.severity(diagnostic.severity))),
                ("location", .object([
                    ("path", .string(RepositoryRoot.relative(location.path))),
                    ("lines", .object([("begin", .int(location.start.line)), ("end", .int(location.end.line))])),
                ])),
            ])
        }
        return JSONValue.array(issues).rendered() + "\n"
    }

    /// Errors break telemetry or leak a secret; warnings cost data or money; infos are hygiene.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
