import OTLintCore

/// Words for where a definition is written, for messages that compare two definitions.
extension VariableDefinition {
    /// "`environment:` of `docker-compose.yml`", "env file `.env.common`" or "`ENV` of `Dockerfile`".
    var originDescription: String {
        let name = ConfigPaths.fileName(file.path)
        switch source {
        case .composeEnvironment: return "`environment:` of `\(name)`"
        case .envFile: return "env file `\(name)`"
        case .dockerfile: return "`ENV` of `\(name)`"
        case .kubernetesEnv: return "`env:` in `\(name)`"
        case .kubernetesConfigMap: return "a ConfigMap in `\(name)` (`envFrom`)"
        case .instrumentationField: return "an `Instrumentation` field in `\(name)`"
        }
    }

    /// `file:line` of the key, for messages.
    var keyPosition: String {
        "\(ConfigPaths.fileName(file.path)):\(keyLocation.start.line)"
    }
}
