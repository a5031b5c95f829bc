import OTLintYAML

/// What a YAML file is, read from its top-level keys rather than its name: a file named on the command line (or
/// mounted by a compose project) may be any of the OpenTelemetry inputs, and each kind has its own reader.
enum YAMLInputKind: Equatable {
    case compose
    /// An OpenTelemetry Collector configuration (`receivers`, `exporters`, `service`; Jaeger v2 uses the same).
    case collector
    /// A Kubernetes manifest (`apiVersion` and `kind`).
    case kubernetes
    /// An OpenTelemetry SDK configuration file (`file_format`, `tracer_provider`, …).
    case sdkConfiguration
    /// A mapping none of whose keys any reader knows.
    case unknown(keys: [String])

    /// The compose-spec's top-level keys (`additionalProperties: false`, plus `x-*` extensions).
    static let composeKeys: Set<String> = ["version", "name", "include", "services", "models", "networks", "volumes", "secrets", "configs"]
    /// The collector's top-level sections (opentelemetry-collector `otelcol.Config`).
    static let collectorKeys: Set<String> = ["receivers", "processors", "exporters", "connectors", "extensions", "service"]
    /// The SDK configuration file's top-level keys (opentelemetry-configuration `opentelemetry_configuration.json`).
    static let sdkConfigurationKeys: Set<String> = [
        "file_format", "tracer_provider", "meter_provider", "logger_provider", "propagator", "resource", "attribute_limits",
        "disabled", "log_level", "instrumentation",
    ]

    /// The kind of a document's root. Anything that is not a mapping, and any mapping with a key Compose knows, is
    /// offered to the compose reader, which reports what is wrong with it.
    static func of(_ root: YAMLNode) -> YAMLInputKind {
        guard let pairs = root.mergedPairs, !pairs.isEmpty else { return .compose }
        let keys = pairs.compactMap(\.key.scalar)
        if keys.contains(where: { composeKeys.contains($0) || $0.hasPrefix("x-") }) { return .compose }
        if keys.contains("apiVersion") && keys.contains("kind") { return .kubernetes }
        // A Collector Builder (`ocb`) manifest lists components to compile under `dist`: no collector loads it.
        if keys.contains("dist") { return .unknown(keys: keys) }
        // `service` alone is too common a word; a collector configuration also has components to run.
        let collectorSections = keys.filter { collectorKeys.contains($0) }
        if collectorSections.contains(where: { $0 != "service" }) && (keys.contains("service") || collectorSections.count >= 2) {
            return .collector
        }
        // A telemetry schema (`file_format`, `schema_url`, `versions`: the format that translates semantic conventions
        // between versions) is not an SDK configuration, whose `file_format` it shares.
        if keys.contains("schema_url") && keys.contains("versions") { return .unknown(keys: keys) }
        if keys.contains("file_format") || keys.filter({ sdkConfigurationKeys.contains($0) }).count >= 2 { return .sdkConfiguration }
        return .unknown(keys: keys)
    }

    /// Why a file of this kind is not checked, for a notice; nil for the kinds otlint reads.
    var notCheckedReason: String? {
        let what: String
        switch self {
        case .compose, .collector, .kubernetes, .sdkConfiguration: return nil
        case .unknown(let keys):
            let shown = keys.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
            what = "no compose file (its top-level keys \(shown)\(keys.count > 3 ? ", …" : "") are none of Compose's)"
        }
        return "not checked: \(what), which otlint does not read; it reads compose files, Kubernetes manifests, collector configurations, env files, Dockerfiles and Swift sources"
    }
}

/// The parts of a compose file's shape the compose reader asks about.
enum ComposeFileShape {
    /// The `environment:` mapping of a service, whose duplicated keys OTL004 reports as findings.
    static func isServiceEnvironment(_ path: [String]) -> Bool {
        path.count == 3 && path[0] == "services" && path[2] == "environment"
    }
}
