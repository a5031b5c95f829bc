import OTLintCore

/// One header an exporter sends, with its value written literally where a reader can see it: a `key=value` pair
/// of `OTEL_EXPORTER_OTLP_HEADERS` (or the variable it is interpolated from), a tuple or dictionary entry of
/// exporter headers in code. Values that are not literal (from the shell, from `ProcessInfo`) are not listed.
public struct ExporterHeader: Sendable {
    /// The header name as written (`x-api-key`).
    public var name: String
    /// The value as written, a possible secret: never printed.
    public var value: String
    /// The setting the header is part of: the headers variable, or the code that sets the headers.
    public var origin: SettingOrigin
    /// Where the value is written.
    public var location: SourceLocation
    /// The bytes that hold the value, masked in every excerpt.
    public var maskedRange: ByteRange
    /// Who can read the value where it is written: "`otel.env` is tracked by git: the secret is in the history …".
    public var exposure: String
    /// Where the header is sent from, when that is not where its value is written.
    public var related: [RelatedLocation]
    /// Written in a Dockerfile's `ENV`: stored in every image built from it, not only in the repository.
    public var isStoredInImage = false

    public init(name: String, value: String, origin: SettingOrigin, location: SourceLocation, maskedRange: ByteRange, exposure: String,
                related: [RelatedLocation] = []) {
        self.name = name
        self.value = value
        self.origin = origin
        self.location = location
        self.maskedRange = maskedRange
        self.exposure = exposure
        self.related = related
    }
}
