import OTLintCore

/// How a value was written in an env file. Compose interpolates unquoted and double-quoted values, never
/// single-quoted ones.
public enum EnvQuoting: Sendable, Hashable {
    case unquoted, singleQuoted, doubleQuoted
}

/// One `KEY=VALUE` (or bare `KEY`) statement of an env file, with exact byte ranges.
public struct EnvEntry: Sendable {
    public var key: String
    public var keyRange: ByteRange
    /// The raw value token including its quotes; nil for a bare `KEY` (inherited from the shell).
    public var valueRange: ByteRange?
    /// The value between the quotes (unquoted: without a trailing comment and trailing blanks).
    public var contentRange: ByteRange?
    /// The value after unquoting and unescaping, before interpolation; nil for a bare `KEY`.
    public var value: String?
    public var quoting: EnvQuoting

    /// Whether the decoded value is byte for byte the text at `contentRange`, so offsets inside the value
    /// map to the file and a fix can replace part of it.
    public var isVerbatim: Bool
    /// Byte range of the whole statement, from `export`/key to the end of the value.
    public var statementRange: ByteRange
}

/// A parsed env file (`.env`, `env_file:`), in the syntax Compose accepts.
public struct EnvFile: Sendable {
    public let source: SourceFile
    public let entries: [EnvEntry]

    /// The last definition of `key` (later lines win, as in Compose).
    public func entry(named key: String) -> EnvEntry? {
        entries.last { $0.key == key }
    }
}
