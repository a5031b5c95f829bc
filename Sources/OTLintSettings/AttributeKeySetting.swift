/// An attribute key a process writes: a key of `OTEL_RESOURCE_ATTRIBUTES`, or an attribute set in code on a span,
/// an event or a resource. For rules about the names themselves (the semantic conventions renamed some).
public struct AttributeKeySetting: Sendable {
    public enum Target: Sendable { case resource, span, event, other }

    /// The dotted name (`http.request.method`).
    public var name: String
    /// Where the key is written; a fix may rename it when the setting is editable.
    public var setting: Setting
    public var target: Target
    /// Whether the key is spelled exactly as `name` (not percent-encoded, not a constant), so a rename is a text edit.
    public var isWrittenVerbatim: Bool
    /// The other keys written in the same place (one `OTEL_RESOURCE_ATTRIBUTES`), so a rename never collides.
    public var siblings: Set<String>

    public init(name: String, setting: Setting, target: Target, isWrittenVerbatim: Bool, siblings: Set<String> = []) {
        self.name = name
        self.setting = setting
        self.target = target
        self.isWrittenVerbatim = isWrittenVerbatim
        self.siblings = siblings
    }
}
