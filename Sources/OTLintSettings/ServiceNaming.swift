import OTLintCore

/// One exporter of telemetry and how it names its service: a process configured by its environment, or a
/// provider built in code. Backends group everything by `service.name`; without it the SDK reports
/// `unknown_service:<process>`.
public struct ServiceNaming: Sendable {
    /// For messages: "service `api`", "this tracer provider".
    public var subject: String
    /// Where a finding about a missing name points.
    public var location: SourceLocation
    /// Whether the telemetry leaves the process for a backend (not only printed, scraped or kept in memory).
    public var exportsRemotely: Bool
    /// Whether a setting otlint can read names the service.
    public var isNamed: Bool
    /// Whether something otlint cannot read may name it: an env file missing from the checkout, a third-party
    /// image, code that reads the name, a resource built at run time.
    public var mayBeNamedElsewhere: Bool
    /// What is missing, when more precise than "no service name" ("it is built without a resource").
    public var gap: String?
    /// What this SDK does without a name, and which settings it reads for one.
    public var why: String
    public var help: String
    /// Where the export is configured, as evidence.
    public var related: [RelatedLocation]
    /// Adds the name in the source's own syntax, when that is safe to offer.
    public var fix: Fix?

    public init(subject: String, location: SourceLocation, exportsRemotely: Bool, isNamed: Bool, mayBeNamedElsewhere: Bool, gap: String? = nil,
                why: String, help: String, related: [RelatedLocation] = [], fix: Fix? = nil) {
        self.subject = subject
        self.location = location
        self.exportsRemotely = exportsRemotely
        self.isNamed = isNamed
        self.mayBeNamedElsewhere = mayBeNamedElsewhere
        self.gap = gap
        self.why = why
        self.help = help
        self.related = related
        self.fix = fix
    }
}
