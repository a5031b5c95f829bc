import OTLintCore

/// Sets environment variables of one process in its own files' style: edits the values that are written, adds the
/// missing variables next to them. The environment reader provides it; rules whose fix is "set these variables"
/// use it without knowing env or compose syntax.
public struct VariableWriter: Sendable {
    private let write: @Sendable ([(name: String, value: String)]) -> [TextEdit]?

    public init(_ write: @escaping @Sendable ([(name: String, value: String)]) -> [TextEdit]?) {
        self.write = write
    }

    /// The edits that give each variable its value, in order; nil when one of them cannot be edited safely.
    public func set(_ assignments: [(name: String, value: String)]) -> [TextEdit]? {
        write(assignments)
    }
}
