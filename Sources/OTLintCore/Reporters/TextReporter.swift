/// The human format: one header line per finding (`path:line:col: severity[ID] message`), the source line
/// with the range underlined, then why / help / fix / related lines, and a summary.
public struct TextReporter: Reporter {
    public var color: Bool
    /// `--quiet` prints the findings only: no summary line.
    public var showsSummary: Bool

    public init(color: Bool, showsSummary: Bool = true) {
        self.color = color
        self.showsSummary = showsSummary
    }

    public func render(_ context: ReportContext) -> String {
        var output = ""
        for error in context.report.inputErrors {
            output += paint(error.oneLine, .red) + "\n"
        }
        for notice in context.report.notices {
            output += paint(notice.oneLine, .blue) + "\n"
        }
        for diagnostic in context.report.diagnostics {
            output += render(diagnostic, context: context)
        }
        guard showsSummary else { return output }
        for note in context.fixNotes { output += note + "\n" }
        output += summary(context) + "\n"
        return output
    }

    private func render(_ diagnostic: Diagnostic, context: ReportContext) -> String {
        let location = diagnostic.location
        let severityColor: ANSI = switch diagnostic.severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
        var output = "\(paint("\(location.path):\(location.start.line):\(location.start.column)", .bold)): "
        output += paint("\(diagnostic.severity.rawValue)[\(diagnostic.ruleID)]", severityColor) + " \(diagnostic.message)\n"
        let gutterWidth = String(location.start.line).count + 1
        let gutter = String(repeating: " ", count: gutterWidth)
        if let file = try? context.loader.load(location.path).get(), location.start.line <= file.lineCount {
            // Columns are counted in the masked line, so the underline sits under the mask where a secret was.
            let secrets = context.report.secrets
            let lineStart = file.contentStart(ofLine: location.start.line - 1)
            // The line's end without its line break (not `lineText`: that copies the line, however long).
            var lineEnd = location.start.line < file.lineCount ? file.lineStarts[location.start.line] : file.bytes.count
            while lineEnd > lineStart && (file.bytes[lineEnd - 1] == UInt8(ascii: "\n") || file.bytes[lineEnd - 1] == UInt8(ascii: "\r")) {
                lineEnd -= 1
            }
            let window = ExcerptWindow(line: ByteRange(lineStart, lineEnd), flagged: location.range, in: file)
            let line = (window.cutsStart ? "…" : "") + secrets.maskedText(of: window.range, in: file) + (window.cutsEnd ? "…" : "")
            let before = (window.cutsStart ? " " : "")
                + secrets.maskedText(of: ByteRange(window.range.start, max(window.range.start, location.range.start)), in: file)
            let flagged = secrets.maskedText(of: ByteRange(location.range.start, min(location.range.end, window.range.end)), in: file)
            let prefix = before.map { $0 == "\t" ? "\t" : " " }.joined()
            let underline = String(repeating: "^", count: max(1, flagged.count))
            output += "\(gutter)\(paint("|", .blue))\n"
            output += "\(paint(String(location.start.line).padded(toLength: gutterWidth), .blue))\(paint("|", .blue)) \(line)\n"
            output += "\(gutter)\(paint("|", .blue)) \(prefix)\(paint(underline, severityColor))\n"
        }
        if let why = diagnostic.why { output += "\(gutter)= why: \(why)\n" }
        for related in diagnostic.related {
            output += "\(gutter)= note: \(related.message) (\(related.location.path):\(related.location.start.line):\(related.location.start.column))\n"
        }
        if let help = diagnostic.help { output += "\(gutter)= help: \(help)\n" }
        if let fix = diagnostic.fix {
            output += "\(gutter)= fix\(fix.applicability == .unsafe ? " (unsafe)" : ""): \(fix.title)\n"
        }
        return output
    }

    private func summary(_ context: ReportContext) -> String {
        let report = context.report
        // A file with an input error (invalid YAML, a missing env_file) was not fully checked: count it there only.
        let filesWithErrors = Set(report.inputErrors.map(\.path))
        let files = report.checkedFiles.filter { !filesWithErrors.contains($0) }.count
        let fileWord = files == 1 ? "file" : "files"
        var parts: [String] = []
        if report.diagnostics.isEmpty {
            parts.append("No problems found in \(files) \(fileWord)")
        } else {
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = context.count(severity)
                guard count > 0 else { return nil }
                let word = switch severity {
                case .error: count == 1 ? "error" : "errors"
                case .warning: count == 1 ? "warning" : "warnings"
                case .info: "info"
                }
                return "\(count) \(word)"
            }
            let problemWord = report.diagnostics.count == 1 ? "problem" : "problems"
            parts.append("Found \(report.diagnostics.count) \(problemWord) (\(counts.joined(separator: ", "))) in \(files) \(fileWord)")
        }
        var text = parts.joined()
        let safe = context.safeFixableCount
        let unsafe = context.unsafeFixableCount
        if context.unsafeFixesEnabled, safe + unsafe > 0 {
            text += "; \(safe + unsafe) fixable with --fix --unsafe-fixes"
        } else {
            if safe > 0 { text += "; \(safe) fixable with --fix" }
            if unsafe > 0 { text += "; \(unsafe) more with --unsafe-fixes" }
        }
        if !report.inputErrors.isEmpty {
            text += "; \(filesWithErrors.count) \(filesWithErrors.count == 1 ? "file" : "files") could not be checked"
        }
        if report.suppressedCount > 0 { text += " (\(report.suppressedCount) suppressed inline)" }
        return text + "."
    }

    private enum ANSI: String {
        case red = "31;1", yellow = "33;1", blue = "34;1", bold = "1"
    }

    private func paint(_ text: String, _ style: ANSI) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
