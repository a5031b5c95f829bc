/// One rule's document from Rules/: front matter plus Markdown sections. It is the single source of truth for
/// a rule's name, default severity, text and examples.
public struct RuleDocument: Sendable {
    /// A fenced code block under *Bad* or *Good* (or a before/after pair under *Fix*), with the file kind its info
    /// string names.
    public struct Example: Sendable {
        public enum Verdict: String, Sendable {
            case bad = "Bad", good = "Good"
            /// Under *Fix*: ```` ```env before ```` and the ```` ```env after ```` block that follows it.
            case fixBefore = "before", fixAfter = "after"
            /// Under *Fix*: a file the fix needs to see but does not change (```` ```compose context docker-compose.yml ````),
            /// written beside the next `before` block.
            case fixContext = "context"
        }
        public var verdict: Verdict
        /// `env`, `compose`, `swift`, `collector`...
        public var kind: String
        /// Optional file name after the kind: ```` ```compose docker-compose.prod.yml ````.
        public var fileName: String?
        /// The `### ` subheading the block sits under. Blocks under one subheading form one example project
        /// (e.g. a compose file and its `.env`); blocks without a subheading are each their own example.
        public var group: String?
        /// The code without its `↓` markers.
        public var code: String
        /// Where a Bad example's finding is expected: each `↓` marks the start of one (line and column, counted in
        /// Unicode scalars, as findings are). The marker is removed from `code` and from the rendered document.
        public var markers: [LineColumn]
    }

    /// Marks where a finding is expected in a Bad example (as SwiftLint's examples do).
    public static let marker: Character = "↓"

    /// The file an example of a kind is written to when its block names none.
    public static func defaultFileName(forKind kind: String) -> String? {
        switch kind {
        case "env": ".env"
        case "compose": "docker-compose.yml"
        case "swift": "Sources/App/App.swift"
        case "collector": "otel-collector-config.yaml"
        case "yaml": "config.yaml"
        case "dockerfile": "Dockerfile"
        case "kubernetes": "deploy/app.yaml"
        default: nil
        }
    }

    /// A Bad or Good example as the files of one project: blocks under one `###` subheading with the same verdict
    /// form one project (a compose file and its `.env`); other blocks stand alone.
    public struct ExampleProject: Sendable {
        public var verdict: Example.Verdict
        public var label: String
        public var files: [(path: String, code: String, markers: [LineColumn])]
    }

    /// The document's Bad and Good examples as projects; nil file names of unknown kinds are reported by `label`.
    public var exampleProjects: [ExampleProject] {
        var projects: [ExampleProject] = []
        var lastGroup: (verdict: Example.Verdict, group: String)?
        for (index, example) in examples.enumerated() where example.verdict == .bad || example.verdict == .good {
            let path = example.fileName ?? RuleDocument.defaultFileName(forKind: example.kind) ?? "unknown-kind.\(example.kind)"
            let file = (path: path, code: example.code, markers: example.markers)
            if let group = example.group, let last = lastGroup, last.verdict == example.verdict, last.group == group {
                projects[projects.count - 1].files.append(file)
            } else {
                projects.append(ExampleProject(verdict: example.verdict, label: example.group ?? "example \(index + 1)", files: [file]))
            }
            lastGroup = example.group.map { (example.verdict, $0) }
        }
        return projects
    }

    /// The before/after pairs under *Fix*, in order, each with the context files written before it.
    public var fixExamples: [(before: Example, after: Example, context: [Example])] {
        var pairs: [(Example, Example, [Example])] = []
        var before: Example?
        var context: [Example] = []
        for example in examples {
            if example.verdict == .fixContext { context.append(example) }
            if example.verdict == .fixBefore { before = example }
            if example.verdict == .fixAfter, let pending = before {
                pairs.append((pending, example, context))
                before = nil
                context = []
            }
        }
        return pairs
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
        return paragraph.replacingEvery("\n", with: " ").blankTrimmed
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
            .replacingEvery(String(RuleDocument.marker), with: "")
        (sections, examples) = RuleDocument.parseSections(lines[(close + 1)...])
    }

    private static func parseSections(_ lines: ArraySlice<String>) -> ([String: String], [Example]) {
        var sections: [String: String] = [:]
        var examples: [Example] = []
        var title: String?
        var group: String?
        var buffer: [String] = []
        var fence: (marker: String, kind: String, fileName: String?, fixSide: Example.Verdict?, lines: [String])?
        func flush() {
            if let title {
                sections[title] = String(buffer.joined(separator: "\n").trimmingBlanks(includingNewlines: true))
                    .replacingEvery(String(marker), with: "")
            }
            buffer = []
        }
        for line in lines {
            let trimmed = line.trimmingBlanks()
            if var open = fence {
                if trimmed == open.marker {
                    if let title, let verdict = open.fixSide ?? Example.Verdict(rawValue: title), !open.kind.isEmpty,
                       (verdict == .bad || verdict == .good) == (open.fixSide == nil) {
                        let (code, markers) = RuleDocument.removingMarkers(open.lines)
                        examples.append(Example(verdict: verdict, kind: open.kind, fileName: open.fileName, group: group,
                                                code: code, markers: markers))
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
                var info = trimmed.dropFirst(marker.count).split(separator: " ").map(String.init)
                // Under *Fix*: ```` ```env before ```` / ```` ```env after ````, optionally followed by a file name.
                var fixSide: Example.Verdict?
                if title == "Fix", info.count > 1, let side = Example.Verdict(rawValue: info[1]), side == .fixBefore || side == .fixAfter || side == .fixContext {
                    fixSide = side
                    info.remove(at: 1)
                }
                fence = (marker, info.first ?? "", info.count > 1 ? info[1] : nil, fixSide, [])
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

    /// The code of a block without its `↓` markers, and where each marker stood.
    private static func removingMarkers(_ lines: [String]) -> (code: String, markers: [LineColumn]) {
        var markers: [LineColumn] = []
        let cleaned = lines.enumerated().map { number, line -> String in
            guard line.contains(marker) else { return line }
            var kept = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if Character(scalar) == marker {
                    markers.append(LineColumn(line: number + 1, column: kept.count + 1))
                } else {
                    kept.append(scalar)
                }
            }
            return String(kept)
        }
        return (cleaned.joined(separator: "\n") + "\n", markers)
    }
}
