/// Something the user should know about the run that is neither a finding nor an input error: a symlink loop
/// skipped in a walked tree, a Swift file that does not parse, a named file otlint does not read. A notice
/// never changes the exit code.
public struct Notice: Hashable, Sendable, Codable {
    public var path: String
    /// 1-based position when the cause has one, nil otherwise.
    public var position: LineColumn?
    public var message: String

    public init(path: String, position: LineColumn? = nil, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    /// `path:line:column: note: message`, or `path: note: message` without a position.
    public var oneLine: String { PositionedLine.render(path: path, position: position, label: "note", message: message) }

    /// Notices in output order: by path, then position.
    public static func sorted(_ notices: [Notice]) -> [Notice] {
        Array(Set(notices)).sorted {
            ($0.path, $0.position?.line ?? 0, $0.position?.column ?? 0, $0.message)
                < ($1.path, $1.position?.line ?? 0, $1.position?.column ?? 0, $1.message)
        }
    }
}
