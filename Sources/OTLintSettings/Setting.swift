import OTLintCore

/// One OpenTelemetry setting of one process, wherever it is written: its value, where the value is written (so a
/// finding can point inside it and a fix can edit it), and what a message should name.
///
/// Rules are written once against settings, so a concept judges every input that can express it: an env file,
/// a compose `environment:` entry, a string literal in Swift code.
public struct Setting: Sendable {
    /// The value the process uses; nil when it cannot be known here (a variable from the shell, a value computed
    /// in code). Rules treat nil as "cannot judge".
    public var value: String?
    public var origin: SettingOrigin
    /// Where the value is written. Offsets into the value map into the file only when `site.editableRange` is set
    /// (the text there is the value verbatim).
    public var site: ValueSite?
    /// Where a finding about the setting points when the value has no site (a key without a value).
    public var fallbackLocation: SourceLocation
    /// Whether a fix may edit the value where it is written: false for text shared with other processes (a
    /// compose merge key), or built from several pieces.
    public var isEditable: Bool
    /// Where the value really comes from, when that is not where the setting is named ("`X` takes its value from
    /// `Y` here").
    public var related: [RelatedLocation]
    /// Byte ranges of credentials inside the value, masked in every excerpt of a finding about it.
    public var maskedRanges: [ByteRange]
    /// Code writes the value only under a condition (`#if DEBUG`, a branch on an environment value), so it may not
    /// apply in production. Unguarded code applies in every deployment tier.
    public var isGuarded = false

    public init(value: String?, origin: SettingOrigin, site: ValueSite?, fallbackLocation: SourceLocation, isEditable: Bool,
                related: [RelatedLocation] = [], maskedRanges: [ByteRange] = []) {
        self.value = value
        self.origin = origin
        self.site = site
        self.fallbackLocation = fallbackLocation
        self.isEditable = isEditable
        self.related = related
        self.maskedRanges = maskedRanges
    }

    /// How messages name the setting.
    public var name: String { origin.displayName }

    /// Where a finding about the whole value points.
    public var location: SourceLocation { site?.location ?? fallbackLocation }

    /// Where a finding about part of the value points (the port of an endpoint); the whole value when the part
    /// cannot be located exactly.
    public func location(ofValueBytes range: Range<Int>) -> SourceLocation {
        site?.location(ofValueBytes: range) ?? location
    }

    /// An edit of part of the value, in the file where it is written; nil when the value may not be edited there.
    public func edit(inValue range: Range<Int>, _ replacement: String) -> TextEdit? {
        guard isEditable, let site, let location = site.location(ofValueBytes: range) else { return nil }
        return TextEdit(path: site.file.path, range: location.range, replacement: replacement)
    }

    /// An edit of the whole value; nil when the value may not be edited where it is written.
    public func replacement(_ text: String) -> TextEdit? {
        guard isEditable, let site else { return nil }
        return site.replacement(text)
    }

    /// A finding about this setting: it points at the value (or `location`), names where the value comes from and
    /// masks the credentials in it.
    public func diagnostic(_ ruleID: String, severity: Severity? = nil, message: String, at location: SourceLocation? = nil,
                           why: String? = nil, help: String? = nil, related: [RelatedLocation] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: ruleID, severity: severity ?? RuleCatalog.defaultSeverity(ruleID), message: message,
                   location: location ?? self.location, why: why, help: help, related: self.related + related, fix: fix,
                   maskedRanges: maskedRanges)
    }

    /// The byte ranges, in the file, of the `user:password@` part of a URL value (to be masked).
    public static func credentialRanges(ofURL value: String?, at site: ValueSite?) -> [ByteRange] {
        guard let value, let userInfo = EndpointURL(value)?.userInfoRange, let location = site?.location(ofValueBytes: userInfo) else {
            return []
        }
        return [location.range]
    }
}
