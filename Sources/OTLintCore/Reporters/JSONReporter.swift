/// `--format json`: one object with `version`, `diagnostics`, `errors` and `summary`. Field names are stable
/// and documented in the README; positions are 1-based lines and columns (Unicode scalars) plus byte offsets.
public struct JSONReporter: Reporter {
    public static let formatVersion = 1

    public init() {}

    public func render(_ context: ReportContext) -> String {
        let report = context.report
        let document = JSONValue.object([
            ("version", .int(JSONReporter.formatVersion)),
            ("diagnostics", .array(report.diagnostics.map { diagnostic($0, context) })),
            ("errors", .array(report.inputErrors.map { JSONReporter.message($0.path, $0.position, $0.message) })),
            ("notices", .array(report.notices.map { JSONReporter.message($0.path, $0.position, $0.message) })),
            ("summary", .object([
                ("files", .int(report.checkedFiles.count)),
                ("problems", .int(report.diagnostics.count)),
                ("errors", .int(context.count(.error))),
                ("warnings", .int(context.count(.warning))),
                ("infos", .int(context.count(.info))),
                ("fixable", .int(context.safeFixableCount)),
                ("unsafeFixable", .int(context.unsafeFixableCount)),
                ("suppressed", .int(report.suppressedCount)),
                ("inputErrors", .int(report.inputErrors.count)),
            ])),
        ])
        return document.rendered() + "\n"
    }

    private func diagnostic(_ diagnostic: Diagnostic, _ context: ReportContext) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(diagnostic.ruleID)),
            ("name", .optional(RuleCatalog.document(diagnostic.ruleID)?.name)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ]
        members += JSONReporter.position(diagnostic.location)
        members += [
            ("why", .optional(diagnostic.why)),
            ("help", .optional(diagnostic.help)),
            ("related", .array(diagnostic.related.map { related in
                .object(JSONReporter.position(related.location) + [("message", .string(related.message))])
            })),
        ]
        if let fix = diagnostic.fix {
            members.append(("fix", .object([
                ("applicability", .string(fix.applicability.rawValue)),
                ("title", .string(fix.title)),
                ("edits", .array(fix.edits.map { edit in
                    let location = context.location(of: edit)
                        ?? SourceLocation(path: edit.path, range: edit.range, start: LineColumn(line: 0, column: 0), end: LineColumn(line: 0, column: 0))
                    return .object(JSONReporter.position(location) + [("replacement", .string(edit.replacement))])
                })),
            ])))
        } else {
            members.append(("fix", .null))
        }
        return .object(members)
    }

    /// An input error or a notice: `path`, `line` and `column` (or `null`), `message`.
    private static func message(_ path: String, _ position: LineColumn?, _ message: String) -> JSONValue {
        .object([
            ("path", .string(path)),
            ("line", position.map { .int($0.line) } ?? .null),
            ("column", position.map { .int($0.column) } ?? .null),
            ("message", .string(message)),
        ])
    }

    static func position(_ location: SourceLocation) -> [(String, JSONValue)] {
        [
            ("path", .string(location.path)),
            ("line", .int(location.start.line)),
            ("column", .int(location.start.column)),
            ("endLine", .int(location.end.line)),
            ("endColumn", .int(location.end.column)),
            ("startOffset", .int(location.range.start)),
            ("endOffset", .int(location.range.end)),
        ]
    }
}
