import OTLintCore

/// Adds a setting the source does not write yet, next to a related one and in the source's own style (an env
/// line, a compose `environment:` entry). The reader knows the syntax; the rule only chooses the value.
public struct SettingInsertion: Sendable {
    /// The name of the setting it adds, as messages and advice spell it (`OTEL_EXPORTER_OTLP_PROTOCOL`).
    public var name: String
    private let edit: @Sendable (_ value: String) -> TextEdit?

    public init(name: String, edit: @escaping @Sendable (_ value: String) -> TextEdit?) {
        self.name = name
        self.edit = edit
    }

    /// The edit that adds the setting with this value; nil when it cannot be added where the related setting is.
    public func adding(_ value: String) -> TextEdit? { edit(value) }
}
