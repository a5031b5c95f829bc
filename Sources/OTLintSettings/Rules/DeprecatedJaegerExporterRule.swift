import OTLintCore

/// OTL207: the removed Jaeger exporter, chosen in the environment (`OTEL_TRACES_EXPORTER=jaeger`), configured by
/// its `OTEL_EXPORTER_JAEGER_*` variables, or constructed in code (opentelemetry-swift's `JaegerSpanExporter`), and
/// the variables of the retired Jaeger client libraries. Jaeger takes OTLP on 4317/4318.
struct DeprecatedJaegerExporterRule: SettingsRule {
    static let id = "OTL207"

    static let why = "the Jaeger exporter was removed from the specification in v1.23.0 (2023) and from current SDKs, which then export no traces; Jaeger ≥ 1.46 and Jaeger v2 receive OTLP on 4317 (gRPC) and 4318 (HTTP)"

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        let jaeger = process.jaeger
        let target = jaeger.host ?? "<jaeger-host>"
        let endpointSuggestion = "OTEL_EXPORTER_OTLP_ENDPOINT=http://\(target):4318"
        var diagnostics = jaeger.choices.map { choice -> Diagnostic in
            let setting = choice.setting
            let fix = choice.switchToOTLP.map { Fix(title: $0.title, edits: [$0.edit], applicability: .unsafe) }
            if let component = setting.origin.collectorComponent {
                return setting.diagnostic(
                    Self.id, message: "exporter `\(component)` uses the Jaeger protocol, which the collector dropped: export to Jaeger over OTLP",
                    why: "the `jaeger` exporters were deprecated in 2023 and removed from the contrib collector in v0.85.0 (a collector of that release or later refuses to start with them); Jaeger ≥ 1.46 and Jaeger v2 receive OTLP on 4317 (gRPC) and 4318 (HTTP)",
                    help: "replace it with an `otlp` exporter (`otlp_grpc` from v0.144.0) to `\(jaeger.host ?? "jaeger"):4317` with `tls: {insecure: true}` inside the project's network, and use it in the pipelines instead")
            }
            guard setting.origin.isCode else {
                return setting.diagnostic(
                    Self.id, message: "the `jaeger` traces exporter no longer exists: export to Jaeger with `otlp`", why: Self.why,
                    help: "set `OTEL_TRACES_EXPORTER=otlp` and `\(endpointSuggestion)` (protocol `http/protobuf`), or port 4317 with `grpc`",
                    fix: fix)
            }
            // opentelemetry-swift's exporter sends Thrift over UDP to the agent, and exists only on Apple platforms.
            return setting.diagnostic(
                Self.id, message: "\(setting.name) uses the deprecated Jaeger protocol; Jaeger takes OTLP directly",
                why: "the Jaeger exporter is gone from the OpenTelemetry specification and the collector; it sends Thrift over UDP to the agent port 6831, which Jaeger images no longer expose (1.63 and later, and Jaeger v2)",
                help: "export OTLP to Jaeger instead: `OtlpHttpTraceExporter(endpoint: URL(string: \"http://\(jaeger.host ?? "jaeger"):4318/v1/traces\")!)` (Jaeger 1.46+ and v2 accept OTLP on 4317/4318)",
                fix: fix)
        }
        for setting in jaeger.exporterSettings {
            let name = setting.origin.variableName ?? ""
            diagnostics.append(setting.diagnostic(
                Self.id, message: "`\(name)` belongs to the removed Jaeger exporter: \(Self.replacement(for: name, target: target))",
                at: setting.fallbackLocation, why: Self.why, help: "configure OTLP instead: `OTEL_TRACES_EXPORTER=otlp`, `\(endpointSuggestion)`"))
        }
        for (setting, replacement) in jaeger.clientSettings {
            let name = setting.origin.variableName ?? ""
            diagnostics.append(setting.diagnostic(
                Self.id, message: "`\(name)` configures a retired Jaeger client library: OpenTelemetry SDKs never read it; use \(replacement)",
                at: setting.fallbackLocation,
                why: "the Jaeger clients were retired in 2022 in favour of the OpenTelemetry SDKs, which read only `OTEL_*` variables; Jaeger ≥ 1.46 and Jaeger v2 receive OTLP on 4317 (gRPC) and 4318 (HTTP)",
                help: "move the service to an OpenTelemetry SDK and configure it with \(replacement); then remove `\(name)`"))
        }
        return diagnostics
    }

    /// What replaces one Jaeger exporter variable in OTLP terms.
    static func replacement(for name: String, target: String) -> String {
        switch name.dropFirst("OTEL_EXPORTER_JAEGER_".count) {
        case "ENDPOINT", "AGENT_HOST":
            return "use `OTEL_EXPORTER_OTLP_ENDPOINT=http://\(target):4318` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://\(target):4318/v1/traces`)"
        case "AGENT_PORT":
            return "the agent ports 6831/6832 are gone from Jaeger ≥ 1.63; use port 4318 (OTLP/HTTP) or 4317 (OTLP/gRPC)"
        case "PROTOCOL":
            return "use `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf` for port 4318, `grpc` for port 4317)"
        case "TIMEOUT":
            return "use `OTEL_EXPORTER_OTLP_TRACES_TIMEOUT` (milliseconds)"
        case "USER", "PASSWORD":
            return "send credentials with `OTEL_EXPORTER_OTLP_TRACES_HEADERS` (`authorization=Basic%20…`), interpolated from an untracked file"
        default:
            return "use the matching `OTEL_EXPORTER_OTLP_*` variable"
        }
    }
}
