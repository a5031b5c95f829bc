import OTLintCore

/// One place that writes resource attributes (`OTEL_RESOURCE_ATTRIBUTES`, a `Resource(attributes:)` dictionary, a
/// `config.resourceAttributes["key"] = …` assignment), with each key where it is written.
public struct ResourceAttributeSettings: Sendable {
    public struct Attribute: Sendable {
        /// The key as the SDK reads it (percent-decoded in `OTEL_RESOURCE_ATTRIBUTES`).
        public var key: String
        /// The key where it is written; a fix may rename it when editable.
        public var keySetting: Setting
        /// Whether the key is written exactly as `key` (no percent-encoding), so it can be renamed in place.
        public var isWrittenVerbatim: Bool
        /// The value where it is written, when it is a literal.
        public var value: Setting?
        /// Removes the whole attribute in the source's own syntax (the item and its comma), when that is safe.
        public var removal: TextEdit?

        public init(key: String, keySetting: Setting, isWrittenVerbatim: Bool, value: Setting? = nil, removal: TextEdit? = nil) {
            self.key = key
            self.keySetting = keySetting
            self.isWrittenVerbatim = isWrittenVerbatim
            self.value = value
            self.removal = removal
        }
    }

    /// What messages call the place: "`OTEL_RESOURCE_ATTRIBUTES`", "`Resource(attributes:)`".
    public var origin: SettingOrigin
    public var attributes: [Attribute]

    public init(origin: SettingOrigin, attributes: [Attribute]) {
        self.origin = origin
        self.attributes = attributes
    }

    public var keys: Set<String> { Set(attributes.map(\.key)) }
}
