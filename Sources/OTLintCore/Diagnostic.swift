/// A secondary place that explains a finding: where a value came from, which key made the scope production.
public struct RelatedLocation: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }
}

/// One finding of one rule at one place.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var ruleID: String
    public var severity: Severity
    /// One sentence a newcomer understands.
    public var message: String
    public var location: SourceLocation
    /// Why this matters here (evidence, e.g. "deployment.environment.name=production (line 12)").
    public var why: String?
    /// A concrete suggestion when there is no automatic fix, or extra advice next to one.
    public var help: String?
    public var related: [RelatedLocation]
    public var fix: Fix?
    /// Byte ranges of the file that hold a secret: reporters show `****` instead of their text in source
    /// excerpts, so no output format ever prints the secret.
    public var maskedRanges: [ByteRange]

    public init(
        ruleID: String,
        severity: Severity,
        message: String,
        location: SourceLocation,
        why: String? = nil,
        help: String? = nil,
        related: [RelatedLocation] = [],
        fix: Fix? = nil,
        maskedRanges: [ByteRange] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.why = why
        self.help = help
        self.related = related
        self.fix = fix
        self.maskedRanges = maskedRanges
    }

    /// Order for output: by path, then position, then rule.
    public static func outputOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location.path != rhs.location.path { return lhs.location.path < rhs.location.path }
        if lhs.location.start != rhs.location.start { return lhs.location.start < rhs.location.start }
        return lhs.ruleID < rhs.ruleID
    }
}

/// A file otlint could not read or parse. It never stops the run; it makes the exit code 2.
public struct InputError: Hashable, Sendable, Codable, Error {
    public var path: String
    /// 1-based position when the cause has one (a YAML syntax error), nil otherwise (unreadable file).
    public var position: LineColumn?
    public var message: String

    public init(path: String, position: LineColumn? = nil, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    /// `path:line:column: error: message`, or `path: error: message` without a position.
    public var oneLine: String { PositionedLine.render(path: path, position: position, label: "error", message: message) }
}

/// The one-line form of input errors and notices: `path:line:column: label: message`, or `path: label: message`.
enum PositionedLine {
    static func render(path: String, position: LineColumn?, label: String, message: String) -> String {
        if let position { return "\(path):\(position.line):\(position.column): \(label): \(message)" }
        return "\(path): \(label): \(message)"
    }
}
