import OTLintCore

/// What a process's instrumentation records besides what it measures: headers copied into spans, message content
/// of GenAI calls, and the attributes code sets. For rules about sensitive data in telemetry.
public struct RecordedDataSettings: Sendable {
    /// One item of a header capture setting: a header name or pattern in `OTEL_INSTRUMENTATION_HTTP_*` variables,
    /// or an entry of Hummingbird's `TracingMiddleware(recordingHeaders:)`.
    public struct HeaderCapture: Sendable {
        /// Points at the item.
        public var setting: Setting
        /// The secret headers (`SensitiveNames.secretHeaders`) the item captures, unredacted.
        public var secretHeaders: [String]
        /// How to stop capturing them, in the source's own terms.
        public var help: String
        /// The span attribute a server middleware copies the request header into, when the library says so
        /// (`http.request.header.authorization`).
        public var serverSpanAttribute: String?

        public init(setting: Setting, secretHeaders: [String], help: String, serverSpanAttribute: String? = nil) {
            self.setting = setting
            self.secretHeaders = secretHeaders
            self.help = help
            self.serverSpanAttribute = serverSpanAttribute
        }
    }

    /// One attribute set in code, with what its key and value say about the data.
    public struct Attribute: Sendable {
        /// The key as written or its dotted name, and its lower-case words.
        public var key: String
        public var keyWords: [String]
        public var keyLocation: SourceLocation
        /// The value's source text and where it is; nil when the attribute has no separate value expression.
        public var valueText: String?
        public var valueLocation: SourceLocation?
        /// A boolean, number, count or redaction placeholder: no data.
        public var valueIsHarmless: Bool
        /// The words of the name the value is read from (`user.email` → [user, email]), when it is a name.
        public var valueWords: [String]
        /// The header a value is read from (`request.headers["Authorization"]`).
        public var valueHeader: String?
        /// The bytes of a literal string value, masked when the key says it is a credential.
        public var literalValueRange: ByteRange?

        public init(key: String, keyWords: [String], keyLocation: SourceLocation, valueText: String?, valueLocation: SourceLocation?,
                    valueIsHarmless: Bool, valueWords: [String], valueHeader: String?, literalValueRange: ByteRange?) {
            self.key = key
            self.keyWords = keyWords
            self.keyLocation = keyLocation
            self.valueText = valueText
            self.valueLocation = valueLocation
            self.valueIsHarmless = valueIsHarmless
            self.valueWords = valueWords
            self.valueHeader = valueHeader
            self.literalValueRange = literalValueRange
        }
    }

    public var headerCaptures: [HeaderCapture] = []
    /// `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` when it turns capture on.
    public var genAIContentCapture: Setting?
    public var attributes: [Attribute] = []

    public init() {}
}
