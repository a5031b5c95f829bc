import OTLintCore

/// Everything the configuration rules know about one run: the compose files, the env files and the
/// environment scopes built from them.
public struct ConfigProject: Sendable {
    public var composeFiles: [ComposeFile]
    /// Every env file read (checked or context), by normalised path.
    public var envFiles: [String: EnvFile]
    /// Compose folders whose mounted collector config samples traces downstream.
    public var collectorSampling = CollectorSampling()
    /// Every collector configuration of the run, once per process that runs it.
    public var collectors: [CollectorInstance] = []
    /// What the Prometheus services of the compose projects scrape (from the configurations they mount).
    public var prometheusScrapes: [ScrapeTarget] = []
    /// Folder → the compose project variants Compose merges there (built once per run).
    public var composeVariantIndex: [String: [ComposeProjectVariant]] = [:] {
        didSet { variantsByFile = ConfigProject.indexVariantsByFile(composeVariantIndex) }
    }
    /// Compose file path → the variants of `composeVariantIndex` that include it, in the folder's order (every
    /// scope asks for its own file's variants: a lookup, not a search through the folder).
    private(set) var variantsByFile: [String: [ComposeProjectVariant]] = [:]
    /// What the code of each built process says about its set-up, searched once per folder.
    let codeContext = CodeContext()
    /// The folder otlint runs in: the project whose files may launch a standalone Dockerfile's image.
    public var rootDirectory = "."

    /// What the readers left out without failing the run (see `Notice`).
    public var notices: [Notice] = []
    /// Build context folder → the Swift OpenTelemetry SDK its `Package.swift` depends on.
    public var swiftSDKs: [String: DetectedSwiftSDK] = [:]
    /// The settings each Swift source of the run writes in code.
    public var code: [TelemetryProcess] = []
    /// Compose file path and service name (`ServiceRuntimeDetection.key`) → the language the service runs.
    public var serviceRuntimes: [String: ServiceRuntime] = [:]
    /// The OpenTelemetry Operator `Instrumentation` resources of the run's Kubernetes manifests.
    var instrumentations = InstrumentationIndex()
    /// The SDK configuration files of the run (checked, or named by a process's `OTEL_CONFIG_FILE`), by standard path.
    var sdkConfigFiles: [String: SDKConfigFile] = [:]

    /// The SDK configuration file a scope reads, when the checkout has it.
    func sdkConfigFile(_ use: SDKConfigUse) -> SDKConfigFile? {
        use.path.flatMap { sdkConfigFiles[StandardPath.of($0)] }
    }

    /// The language of a compose service or of a standalone Dockerfile's image, when its image, base image or build
    /// context tells it unambiguously.
    public func runtime(of scope: EnvironmentScope) -> ServiceRuntime? {
        if case .dockerfile(let file) = scope.kind { return ServiceRuntimeDetection.detect(dockerfile: file) }
        guard case .composeService(let file, let service) = scope.kind else { return nil }
        return serviceRuntimes[ServiceRuntimeDetection.key(file, service)]
    }
    public var scopes: [EnvironmentScope] {
        didSet { layers = ConfigProject.indexLayers(scopes) }
    }
    /// "folder\0service" → indices of the scopes defining that service in that folder's compose files.
    private var layers: [String: [Int]] = [:]

    public init(composeFiles: [ComposeFile], envFiles: [String: EnvFile], scopes: [EnvironmentScope]) {
        self.composeFiles = composeFiles
        self.envFiles = envFiles
        self.scopes = scopes
        layers = ConfigProject.indexLayers(scopes)
    }

    private static func layerKey(_ scope: EnvironmentScope) -> String? {
        guard case .composeService(let compose, let service) = scope.kind else { return nil }
        return compose.directory + "\u{0}" + service.name
    }

    private static func indexVariantsByFile(_ index: [String: [ComposeProjectVariant]]) -> [String: [ComposeProjectVariant]] {
        var byFile: [String: [ComposeProjectVariant]] = [:]
        for variants in index.values {
            for variant in variants {
                for path in Set(variant.files.map(\.source.path)) { byFile[path, default: []].append(variant) }
            }
        }
        return byFile
    }

    private static func indexLayers(_ scopes: [EnvironmentScope]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, scope) in scopes.enumerated() {
            if let key = layerKey(scope) { index[key, default: []].append(position) }
        }
        return index
    }

    /// The compose services of the project, for rules that resolve host names or compare services.
    public var services: [(file: ComposeFile, service: ComposeService)] {
        composeFiles.flatMap { file in file.services.map { (file, $0) } }
    }

    /// The same service defined by other compose files of the same folder (`compose.yaml` and
    /// `compose.override.yaml`, or a base file and `docker-compose.prod.yml` used together with `-f`). Until
    /// multi-file projects are merged, rules that look for a missing setting check these too, so that a
    /// setting made in the base file is not reported as missing in the override.
    public func layeredScopes(of scope: EnvironmentScope) -> [EnvironmentScope] {
        guard let key = ConfigProject.layerKey(scope), let indices = layers[key], indices.count > 1 else { return [] }
        let path = scope.primaryFile.path
        return indices.map { scopes[$0] }.filter { $0.primaryFile.path != path }
    }

    /// The settings written in the code under a folder (a compose service's build context).
    public func code(under folder: String) -> [TelemetryProcess] {
        let absolute = StandardPath.of(folder)
        let prefix = absolute == "/" ? absolute : absolute + "/"
        return code.filter { process in process.codePath.map { StandardPath.of($0).hasPrefix(prefix) } ?? false }
    }
}
