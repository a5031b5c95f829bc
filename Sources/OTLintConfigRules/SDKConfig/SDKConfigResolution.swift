import OTLintCore
import OTLintYAML

/// Which SDK configuration file a process reads: `OTEL_CONFIG_FILE` (or the deprecated
/// `OTEL_EXPERIMENTAL_CONFIG_FILE`) resolved to a file of the checkout through the compose service's mounts, or
/// relative to a standalone env file's folder.
struct SDKConfigUse: Sendable {
    /// The variable that names the file.
    var definition: VariableDefinition
    /// The file in the checkout; nil when the path leads nowhere otlint can follow (baked into an image, a
    /// Kubernetes volume, an unknown value).
    var path: String?
    /// For a compose service: whether its mounts put any file at the path (nil when that cannot be known).
    var isMounted: Bool?

    static let variables = ["OTEL_CONFIG_FILE", "OTEL_EXPERIMENTAL_CONFIG_FILE"]

    /// The configuration file a scope names, when it names one.
    static func of(_ scope: EnvironmentScope) -> SDKConfigUse? {
        guard let definition = variables.lazy.compactMap(scope.setting).first else { return nil }
        guard let value = definition.value?.blankTrimmed, !value.isEmpty else { return SDKConfigUse(definition: definition, path: nil, isMounted: nil) }
        switch scope.kind {
        case .composeService(let file, let service):
            let merged = MergedComposeService(name: service.name, layers: [(file, service)], scope: scope)
            let mount = CollectorMounts.yamlFiles(of: merged).first { $0.target.map { CollectorMounts.samePath($0, value) } ?? false }
            // An image built here may copy the file in; a published image cannot hold the project's file.
            let isMounted: Bool? = mount != nil ? true : (service.buildContext == nil && value.hasPrefix("/") ? false : nil)
            return SDKConfigUse(definition: definition, path: mount?.source, isMounted: isMounted)
        case .envFile(let env):
            let path = ConfigPaths.resolve(value, against: ConfigPaths.directory(of: env.source.path))
            return SDKConfigUse(definition: definition, path: path, isMounted: nil)
        case .dockerfile, .kubernetesContainer, .operatorInstrumentation:
            return SDKConfigUse(definition: definition, path: nil, isMounted: nil)
        }
    }

    /// Reads the files the scopes name that were not checked themselves, through the run's loader (each once).
    static func files(for scopes: [EnvironmentScope], checked: [SDKConfigFile], loader: FileLoader) -> (files: [String: SDKConfigFile], errors: [InputError]) {
        var files = Dictionary(checked.map { (StandardPath.of($0.source.path), $0) }, uniquingKeysWith: { first, _ in first })
        var errors: [InputError] = []
        var tried = Set<String>()
        for scope in scopes {
            guard let path = of(scope)?.path else { continue }
            let key = StandardPath.of(path)
            guard files[key] == nil, tried.insert(key).inserted, loader.exists(path), case .success(let source) = loader.load(path) else { continue }
            do throws(YAMLError) {
                let (file, fileErrors) = SDKConfigFile.read(source, documents: try YAMLParser.parse(source))
                if let file { files[key] = file }
                errors += fileErrors
            } catch {
                errors.append(error.inputError(path: source.path))
            }
        }
        return (files, errors)
    }
}
