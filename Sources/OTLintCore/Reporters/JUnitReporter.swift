/// `--format junit`: JUnit XML, which most CI systems show natively. One `testsuite` per file with findings, one
/// failing `testcase` per finding (named by rule and position), and one `error` per file that could not be read.
/// A run without findings is one passing test case, so the CI shows the check ran.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ context: ReportContext) -> String {
        let report = context.report
        let byPath = Dictionary(grouping: report.diagnostics, by: \.location.path)
        let errorsByPath = Dictionary(grouping: report.inputErrors, by: \.path)
        let paths = Set(byPath.keys).union(errorsByPath.keys).sorted()
        var suites = ""
        for path in paths {
            let findings = byPath[path] ?? []
            let errors = errorsByPath[path] ?? []
            let shown = RepositoryRoot.relative(path)
            suites += "  <testsuite name=\"\(xml(shown))\" tests=\"\(findings.count + errors.count)\" failures=\"\(findings.count)\" errors=\"\(errors.count)\">\n"
            for diagnostic in findings {
                let start = diagnostic.location.start
                var text = "\(shown):\(start.line):\(start.column): \(diagnostic.severity.rawValue)[\(diagnostic.ruleID)] \(diagnostic.message)"
                if let why = diagnostic.why { text += "\nwhy: \(why)" }
                if let help = diagnostic.help { text += "\nhelp: \(help)" }
                suites += "    <testcase name=\"\(diagnostic.ruleID) \(start.line):\(start.column)\" classname=\"\(xml(shown))\" file=\"\(xml(shown))\" line=\"\(start.line)\">\n"
                suites += "      <failure message=\"\(xml(diagnostic.message))\" type=\"\(diagnostic.ruleID)\">\(xml(text))</failure>\n"
                suites += "    </testcase>\n"
            }
            for error in errors {
                suites += "    <testcase name=\"input\" classname=\"\(xml(shown))\" file=\"\(xml(shown))\">\n"
                suites += "      <error message=\"\(xml(error.message))\" type=\"input-error\">\(xml(error.oneLine))</error>\n"
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        if paths.isEmpty {
            suites = "  <testsuite name=\"otlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n    <testcase name=\"no problems\" classname=\"otlint\"/>\n  </testsuite>\n"
        }
        let tests = max(1, report.diagnostics.count + report.inputErrors.count)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"otlint\" tests=\"\(tests)\" failures=\"\(report.diagnostics.count)\" errors=\"\(report.inputErrors.count)\">\n"
            + suites + "</testsuites>\n"
    }

    /// Text for an XML attribute or element: the five markup characters escaped, and characters XML 1.0 cannot
    /// hold (control characters other than tab and line breaks) dropped.
    private func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
