/// Where a setting is written: an environment variable (env file, compose `environment:`), or a call or property
/// in application code. Messages name the setting by it, and advice is spelled for it.
public enum SettingOrigin: Sendable {
    /// `OTEL_EXPORTER_OTLP_ENDPOINT`: read by the SDK from the environment.
    case variable(String)
    /// Code, named as the user wrote it: "`OtlpHttpTraceExporter(endpoint:)`", "`config.traces.otlpExporter.endpoint`".
    case code(api: String, sdk: SwiftSDK)
    /// A component setting of a collector configuration, by its path: "`exporters.otlp/backend.headers`".
    case collectorSetting(String)
    /// A setting of an SDK configuration file (`OTEL_CONFIG_FILE`), by its path:
    /// "`tracer_provider.processors[0].batch.exporter.otlp_http.endpoint`".
    case configFileSetting(String)

    /// How messages name the setting, in backticks.
    public var displayName: String {
        switch self {
        case .variable(let name): "`\(name)`"
        case .code(let api, _): api
        case .collectorSetting(let path), .configFileSetting(let path): "`\(path)`"
        }
    }

    /// The variable's name, for a setting read from the environment.
    public var variableName: String? {
        if case .variable(let name) = self { return name }
        return nil
    }

    /// The library that reads a setting written in code.
    public var sdk: SwiftSDK? {
        if case .code(_, let sdk) = self { return sdk }
        return nil
    }

    public var isCode: Bool { sdk != nil }

    /// The component a collector setting belongs to: `otlp/backend` for `exporters.otlp/backend.endpoint` and for
    /// `exporters.otlp/backend` (component IDs hold no dots in practice).
    public var collectorComponent: String? {
        guard case .collectorSetting(let path) = self, let first = path.firstIndex(of: ".") else { return nil }
        let rest = path[path.index(after: first)...]
        return String(rest.prefix { $0 != "." })
    }

    /// The type of that component: `otlp` for `exporters.otlp/backend.endpoint`.
    public var collectorComponentType: String? {
        collectorComponent.map { String($0.prefix { $0 != "/" }) }
    }
}
