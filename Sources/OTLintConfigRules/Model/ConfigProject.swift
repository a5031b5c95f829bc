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

    /// The same service defined by other compose files of the same folder (`compose.yaml` and
    /// `compose.override.yaml`, or a base file and `docker-compose.prod.yml` used together with `-f`). Until
    /// multi-file projects are merged, rules that look for a missing setting check these too, so that a
    /// setting made in the base file is not reported as missing in the override.
    public func layeredScopes(of scope: EnvironmentScope) -> [EnvironmentScope] {
        guard case .composeService(let compose, let service) = scope.kind else { return [] }
        return scopes.filter { other in
            guard case .composeService(let otherCompose, let otherService) = other.kind else { return false }
            return otherService.name == service.name && otherCompose.source.path != compose.source.path
                && otherCompose.directory == compose.directory
        }
    }
}
