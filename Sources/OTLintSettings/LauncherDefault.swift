import OTLintCore

/// What a process's auto-instrumentation launcher does when no protocol is set: the language's launcher
/// (Python's `opentelemetry-instrument`, Node's `register`) configures the SDK from the environment with its own
/// default protocol. Known only where the language and the launcher are both known.
public struct LauncherDefault: Sendable {
    /// `python`, `node`: for messages.
    public var language: String
    /// The protocol the launcher exports with when none is set (`grpc`, `http/protobuf`).
    public var defaultProtocol: String
    /// Where the language and the launcher were found.
    public var evidence: [RelatedLocation]

    public init(language: String, defaultProtocol: String, evidence: [RelatedLocation]) {
        self.language = language
        self.defaultProtocol = defaultProtocol
        self.evidence = evidence
    }
}
