#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other CI tools, with rule metadata and help
/// text from the rule documents, fixes as artifact changes, and input errors as tool notifications.
public struct SARIFReporter: Reporter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/otlint/otlint"

    public init() {}

    public func render(_ context: ReportContext) -> String {
        let report = context.report
        let ruleIDs = RuleCatalog.sortedIDs
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let root = RepositoryRoot.path
        let rules: [JSONValue] = ruleIDs.compactMap { id in
            guard let document = RuleCatalog.document(id) else { return nil }
            return .object([
                ("id", .string(id)),
                ("name", .string(document.name)),
                ("shortDescription", .object([("text", .string(document.summary))])),
                ("fullDescription", .object([("text", .string(document.sections["Why it matters"].map(SARIFReporter.plainText) ?? document.summary))])),
                ("help", .object([
                    ("text", .string(SARIFReporter.plainText(document.body))),
                    ("markdown", .string(document.body)),
                ])),
                ("defaultConfiguration", .object([("level", .string(SARIFReporter.level(document.severity)))])),
                ("properties", .object([("tags", .array(SARIFReporter.tags(of: document).map(JSONValue.string)))])),
            ])
        }
        let results: [JSONValue] = report.diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
            if let index = ruleIndex[diagnostic.ruleID] { members.append(("ruleIndex", .int(index))) }
            var text = diagnostic.message
            if let why = diagnostic.why { text += " Why: \(why)." }
            if let help = diagnostic.help { text += " Help: \(help)." }
            members += [
                ("level", .string(SARIFReporter.level(diagnostic.severity))),
                ("message", .object([("text", .string(text))])),
                ("locations", .array([location(diagnostic.location)])),
            ]
            if !diagnostic.related.isEmpty {
                members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                    var object = location(related.location, message: related.message)
                    if case .object(var fields) = object {
                        fields.insert(("id", .int(index + 1)), at: 0)
                        object = .object(fields)
                    }
                    return object
                })))
            }
            if let fix = diagnostic.fix {
                let byPath = Dictionary(grouping: fix.edits, by: \.path)
                members.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(fix.title + (fix.applicability == .unsafe ? " (unsafe)" : "")))])),
                    ("artifactChanges", .array(byPath.keys.sorted().map { path in
                        .object([
                            ("artifactLocation", artifact(path)),
                            ("replacements", .array(byPath[path]!.map { edit in
                                let resolved = context.location(of: edit)
                                return .object([
                                    ("deletedRegion", resolved.map(region) ?? .object([("byteOffset", .int(edit.range.start)), ("byteLength", .int(edit.range.length))])),
                                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                                ])
                            })),
                        ])
                    })),
                ])])))
            }
            members.append(("partialFingerprints", .object([
                ("otlintFingerprint/v1", .string(context.fingerprint(diagnostic, rootDirectory: root))),
            ])))
            return .object(members)
        }
        let notifications: [JSONValue] = report.inputErrors.map { error in
            notification(level: "error", path: error.path, position: error.position, message: error.message)
        } + report.notices.map { notice in
            notification(level: "note", path: notice.path, position: notice.position, message: notice.message)
        }
        let document = JSONValue.object([
            ("$schema", .string(SARIFReporter.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("otlint")),
                    ("informationUri", .string(SARIFReporter.informationURI)),
                    ("version", .string(context.toolVersion)),
                    ("rules", .array(rules)),
                ]))])),
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(report.inputErrors.isEmpty)),
                    ("toolExecutionNotifications", .array(notifications)),
                ])])),
                ("originalUriBaseIds", .object([
                    ("%SRCROOT%", .object([("uri", .string(URL(fileURLWithPath: root, isDirectory: true).absoluteString))])),
                ])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return document.rendered() + "\n"
    }

    private func notification(level: String, path: String, position: LineColumn?, message: String) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", artifact(path))]
        if let position {
            physical.append(("region", .object([("startLine", .int(position.line)), ("startColumn", .int(position.column))])))
        }
        return .object([
            ("level", .string(level)),
            ("message", .object([("text", .string("\(path): \(message)"))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// Markdown without the code fences' info strings and heading marks, for SARIF's plain `text` fields.
    static func plainText(_ markdown: String) -> String {
        markdown.components(separatedBy: "\n").map { line in
            if line.hasPrefix("```") { return "" }
            if line.hasPrefix("## ") { return String(line.dropFirst(3)) + ":" }
            return line.replacingEvery("`", with: "")
        }.joined(separator: "\n").blankAndNewlineTrimmed
    }

    private func artifact(_ path: String) -> JSONValue {
        let relative = RelativePath.of(path, to: RepositoryRoot.path)
        if relative.hasPrefix("/") {
            return .object([("uri", .string(URL(fileURLWithPath: relative).absoluteString))])
        }
        let encoded = SARIFReporter.percentEncoded(path: relative)
        return .object([("uri", .string(encoded)), ("uriBaseId", .string("%SRCROOT%"))])
    }

    /// The path as a relative URI reference: every byte percent-encoded (upper-case hex) except ASCII letters, digits
    /// and `!$&'()*+,-./=@_~`, the characters Foundation's `urlPathAllowed` keeps, less `:` (a first segment with a
    /// `:` would read as a scheme).
    static func percentEncoded(path: String) -> String {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if isPathByte(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!$&'()*+,-./=@_~".utf8.contains(byte)
        }
    }

    private func region(_ location: SourceLocation) -> JSONValue {
        .object([
            ("startLine", .int(location.start.line)),
            ("startColumn", .int(location.start.column)),
            ("endLine", .int(location.end.line)),
            ("endColumn", .int(location.end.column)),
        ])
    }

    private func location(_ location: SourceLocation, message: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("physicalLocation", .object([
                ("artifactLocation", artifact(location.path)),
                ("region", region(location)),
            ])),
        ]
        if let message { members.append(("message", .object([("text", .string(message))]))) }
        return .object(members)
    }
}

extension SARIFReporter {
    /// A rule's category and the inputs it applies to, each once (SARIF tags are a set: the `collector` category and
    /// the `collector` input are one tag).
    static func tags(of document: RuleDocument) -> [String] {
        var seen = Set<String>()
        return ([document.category] + document.appliesTo).filter { seen.insert($0).inserted }
    }
}
