/// The language a compose service runs, as far as its image or build context tells.
public enum ServiceLanguage: String, Sendable {
    case python = "Python", node = "Node.js", java = "Java", dotnet = ".NET", go = "Go", swift = "Swift"
}

/// What otlint knows of each language's OpenTelemetry SDK when it is configured from the environment. One row per
/// language: a change in an SDK's default is one edit here.
struct LanguageProfile {
    var language: ServiceLanguage
    /// Official image repositories (without registry) whose containers run this language.
    var imageRepositories: [String]
    /// Files in a build context that mark a project of this language (exact names, or suffixes starting with `.`).
    var buildMarkers: [String]
    /// The OTLP protocol the SDK uses when no `OTEL_EXPORTER_OTLP[_SIGNAL]_PROTOCOL` is set, and only when it is
    /// started by the launcher below (in code, the exporter class chosen decides the protocol instead). nil: it
    /// cannot be known from the environment.
    var launcherDefaultProtocol: String?
    /// Text in the service's command, entrypoint, environment or Dockerfile showing that the SDK is set up from
    /// the environment by its auto-instrumentation launcher.
    var launcherMarkers: [String]
    /// Whether the OTLP exporters read `OTEL_EXPORTER_OTLP[_SIGNAL]_TIMEOUT` in seconds instead of milliseconds.
    var otlpTimeoutInSeconds: Bool
    /// Whether the SDK rejects an endpoint without `http://` or `https://` whatever the protocol (gRPC included).
    var endpointRequiresScheme = false

    static let all: [LanguageProfile] = [
        // opentelemetry-distro's `_configure` sets `OTEL_EXPORTER_OTLP_PROTOCOL` to `grpc` unless set, and the SDK maps
        // the exporter name `otlp` to the gRPC exporter (env-vars.md §5-6; opentelemetry-python `sdk/_configuration`).
        // OTLP exporters read `..._TIMEOUT` as seconds, default 10 (opentelemetry-python#4044, still open).
        LanguageProfile(language: .python, imageRepositories: ["python", "pypy"],
                        buildMarkers: ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py"],
                        launcherDefaultProtocol: "grpc", launcherMarkers: ["opentelemetry-instrument"], otlpTimeoutInSeconds: true),
        // @opentelemetry/sdk-node (started by auto-instrumentations-node's `register`) defaults to `http/protobuf`
        // (opentelemetry-js 2.x upgrade guide: `getStringFromEnv('OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf'`).
        LanguageProfile(language: .node, imageRepositories: ["node"], buildMarkers: ["package.json"],
                        launcherDefaultProtocol: "http/protobuf", launcherMarkers: ["@opentelemetry/auto-instrumentations-node/register"],
                        otlpTimeoutInSeconds: false),
        // The Java agent defaults to `http/protobuf` since 2.0 and to `grpc` before: the agent's version is not in the
        // environment, so its default is judged only where the image's Dockerfile names it (`JavaAgentLaunch`). Every Java OTLP exporter, gRPC included, validates its endpoint
        // as a URL with the `http` or `https` scheme (opentelemetry-java `ExporterBuilderUtil.validateEndpoint`:
        // "Invalid endpoint, must start with http:// or https://"), so `collector:4317` stops the SDK from starting.
        LanguageProfile(language: .java, imageRepositories: ["eclipse-temurin", "openjdk", "amazoncorretto", "ibm-semeru-runtimes"],
                        buildMarkers: ["pom.xml", "build.gradle", "build.gradle.kts"],
                        launcherDefaultProtocol: nil, launcherMarkers: [], otlpTimeoutInSeconds: false, endpointRequiresScheme: true),
        // The .NET OTLP exporter library defaults to `grpc`, the .NET automatic instrumentation to `http/protobuf`:
        // not judged.
        LanguageProfile(language: .dotnet, imageRepositories: ["dotnet/aspnet", "dotnet/runtime", "dotnet/sdk", "dotnet/runtime-deps"],
                        buildMarkers: [".csproj", ".fsproj"], launcherDefaultProtocol: nil, launcherMarkers: [], otlpTimeoutInSeconds: false),
        // Go's SDK has no environment-chosen protocol: the program links the gRPC or the HTTP exporter.
        LanguageProfile(language: .go, imageRepositories: ["golang"], buildMarkers: ["go.mod"],
                        launcherDefaultProtocol: nil, launcherMarkers: [], otlpTimeoutInSeconds: false),
        // Swift packages: the SDK and its version come from `SwiftSDKDetection` (OTL005, OTL006); swift-otel's
        // default protocol may be changed in code, so it is not judged here.
        LanguageProfile(language: .swift, imageRepositories: ["swift"], buildMarkers: ["Package.swift"],
                        launcherDefaultProtocol: nil, launcherMarkers: [], otlpTimeoutInSeconds: false),
    ]

    static func profile(_ language: ServiceLanguage) -> LanguageProfile? {
        all.first { $0.language == language }
    }
}
