/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
/// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ context: ReportContext) -> String {
        var output = ""
        for error in context.report.inputErrors {
            var properties = "file=\(escapeProperty(error.path))"
            if let position = error.position { properties += ",line=\(position.line),col=\(position.column)" }
            output += "::error \(properties),title=otlint input error::\(escapeData(error.message))\n"
        }
        for notice in context.report.notices {
            var properties = "file=\(escapeProperty(notice.path))"
            if let position = notice.position { properties += ",line=\(position.line),col=\(position.column)" }
            output += "::notice \(properties),title=otlint::\(escapeData(notice.message))\n"
        }
        for diagnostic in context.report.diagnostics {
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let location = diagnostic.location
            var properties = "file=\(escapeProperty(location.path)),line=\(location.start.line),col=\(location.start.column)"
            properties += ",endLine=\(location.end.line),endColumn=\(location.end.column)"
            let name = RuleCatalog.document(diagnostic.ruleID)?.name
            properties += ",title=\(escapeProperty(diagnostic.ruleID + (name.map { " \($0)" } ?? "")))"
            var message = diagnostic.message
            if let why = diagnostic.why { message += "\nwhy: \(why)" }
            if let help = diagnostic.help { message += "\nhelp: \(help)" }
            if let fix = diagnostic.fix { message += "\nfix\(fix.applicability == .unsafe ? " (unsafe)" : ""): \(fix.title)" }
            output += "::\(command) \(properties)::\(escapeData(message))\n"
        }
        // GitHub shows the first 10 annotations of each level per step (50 per job) and drops the rest silently.
        let counts = Severity.allCases.reversed().map { (severity: $0, count: context.count($0)) }
        if counts.contains(where: { $0.count > GitHubReporter.shownPerLevel }) {
            let found = counts.filter { $0.count > 0 }.map { "\($0.count) \($0.severity == .info ? "notices" : $0.severity.rawValue + "s")" }
            output += "::notice title=otlint::GitHub shows only the first \(GitHubReporter.shownPerLevel) annotations of each level per step; "
            output += "otlint found \(found.joined(separator: ", ")). The job summary lists them, or run otlint check locally\n"
        }
        return output
    }

    /// Annotations GitHub shows per level and step.
    public static let shownPerLevel = 10

    private func escapeData(_ text: String) -> String {
        text.replacingEvery("%", with: "%25")
            .replacingEvery("\r", with: "%0D")
            .replacingEvery("\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
