import OTLintCore

/// Everything the configuration rules know about one run: the compose files, the env files and the
/// environment scopes built from them.
public struct ConfigProject: Sendable {
    public var composeFiles: [ComposeFile]
    /// Every env file read (checked or context), by normalised path.
    public var envFiles: [String: EnvFile]
    public var scopes: [EnvironmentScope]

    /// The compose services of the project, for rules that resolve host names or compare services.
    public var services: [(file: ComposeFile, service: ComposeService)] {
        composeFiles.flatMap { file in file.services.map { (file, $0) } }
    }
}
