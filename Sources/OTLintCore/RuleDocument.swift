/// One rule's document from Rules/: front matter plus Markdown sections. It is the single source of truth for
/// a rule's name, default severity, text and examples.
public struct RuleDocument: Sendable {
    /// A fenced code block under *Bad* or *Good*, with the file kind its info string names.
    public struct Example: Sendable {
        public enum Verdict: String, Sendable { case bad = "Bad", good = "Good" }
        public var verdict: Verdict
        /// `env`, `compose`, `swift`, `collector`...
        public var kind: String
        /// Optional file name after the kind: ```` ```compose docker-compose.prod.yml ````.
        public var fileName: String?
        /// The `### ` subheading the block sits under. Blocks under one subheading form one example project
        /// (e.g. a compose file and its `.env`); blocks without a subheading are each their own example.
        public var group: String?
        public var code: String
    }

    public var id: String
    public var name: String
    public var category: String
    public var severity: Severity
    public var appliesTo: [String]
    /// `none`, `safe`, `unsafe`, or a mix such as `safe, unsafe`.
    public var fix: String
    /// The whole Markdown text after the front matter.
    public var body: String
    /// Section title → Markdown text.
    public var sections: [String: String]
    public var examples: [Example]

    /// The first paragraph of *What it finds*: a one-line summary for tables and SARIF.
    public var summary: String {
        let text = sections["What it finds"] ?? ""
        let paragraph = text.components(separatedBy: "\n\n").first ?? text
        return paragraph.replacingOccurrences(of: "\n", with: " ").blankTrimmed
    }

    public enum ParseError: Error, CustomStringConvertible {
        case missingFrontMatter(String)
        case missingField(String, String)
        case invalidSeverity(String, String)

        public var description: String {
            switch self {
            case .missingFrontMatter(let name): "\(name): no front matter between --- lines"
            case .missingField(let name, let field): "\(name): front matter has no `\(field)`"
            case .invalidSeverity(let name, let value): "\(name): severity `\(value)` is not error, warning or info"
            }
        }
    }

    public init(fileName: String, markdown: String) throws {
        // Split and trim natively: the catalog parses every document when a run starts.
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.first?.trimmingBlanks() == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingBlanks() == "---" })
        else { throw ParseError.missingFrontMatter(fileName) }
        var fields: [String: String] = [:]
        for line in lines[1..<close] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon].trimmingBlanks())
            var value = String(line[line.index(after: colon)...].trimmingBlanks())
            if value.hasPrefix("[") && value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
            fields[key] = value
        }
        func field(_ key: String) throws -> String {
            guard let value = fields[key], !value.isEmpty else { throw ParseError.missingField(fileName, key) }
            return value
        }
        id = try field("id")
        name = try field("name")
        category = try field("category")
        let severityText = try field("severity")
        guard let parsedSeverity = Severity(rawValue: severityText) else {
            throw ParseError.invalidSeverity(fileName, severityText)
        }
        severity = parsedSeverity
        appliesTo = try field("applies-to").split(separator: ",").map { String($0.trimmingBlanks()) }
        fix = try field("fix")
        body = String(lines[(close + 1)...].joined(separator: "\n").trimmingBlanks(includingNewlines: true))
        (sections, examples) = RuleDocument.parseSections(lines[(close + 1)...])
    }

    private static func parseSections(_ lines: ArraySlice<String>) -> ([String: String], [Example]) {
        var sections: [String: String] = [:]
        var examples: [Example] = []
        var title: String?
        var group: String?
        var buffer: [String] = []
        var fence: (marker: String, kind: String, fileName: String?, lines: [String])?
        func flush() {
            if let title { sections[title] = String(buffer.joined(separator: "\n").trimmingBlanks(includingNewlines: true)) }
            buffer = []
        }
        for line in lines {
            let trimmed = line.trimmingBlanks()
            if var open = fence {
                if trimmed == open.marker {
                    if let title, let verdict = Example.Verdict(rawValue: title), !open.kind.isEmpty {
                        examples.append(Example(verdict: verdict, kind: open.kind, fileName: open.fileName,
                                                group: group, code: open.lines.joined(separator: "\n") + "\n"))
                    }
                    fence = nil
                } else {
                    open.lines.append(line)
                    fence = open
                }
                buffer.append(line)
                continue
            }
            if trimmed.hasPrefix("```") {
                let marker = String(trimmed.prefix(while: { $0 == "`" }))
                let info = trimmed.dropFirst(marker.count).split(separator: " ").map(String.init)
                fence = (marker, info.first ?? "", info.count > 1 ? info[1] : nil, [])
                buffer.append(line)
                continue
            }
            if line.hasPrefix("## ") {
                flush()
                title = String(line.dropFirst(3).trimmingBlanks())
                group = nil
                continue
            }
            if line.hasPrefix("### ") {
                group = String(line.dropFirst(4).trimmingBlanks())
            }
            buffer.append(line)
        }
        flush()
        return (sections, examples)
    }
}
