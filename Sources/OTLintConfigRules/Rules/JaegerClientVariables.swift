/// The environment variables of the retired Jaeger client libraries (jaeger-client-go `config/config_env.go`;
/// jaeger-client-java adds `JAEGER_PROPAGATION`, `JAEGER_TRACEID_128BIT` and `JAEGER_AUTH_TOKEN`), each with
/// the OpenTelemetry setting that replaces it. The clients were deprecated in 2022 in favour of OpenTelemetry
/// SDKs, which read none of these.
enum JaegerClientVariables {
    static let replacements: [String: String] = [
        "JAEGER_SERVICE_NAME": "`OTEL_SERVICE_NAME`",
        "JAEGER_DISABLED": "`OTEL_SDK_DISABLED`",
        "JAEGER_RPC_METRICS": "the SDK's RPC instrumentation",
        "JAEGER_TAGS": "`OTEL_RESOURCE_ATTRIBUTES` (`key=value,...`)",
        "JAEGER_SAMPLER_TYPE": "`OTEL_TRACES_SAMPLER` (e.g. `parentbased_traceidratio`)",
        "JAEGER_SAMPLER_PARAM": "`OTEL_TRACES_SAMPLER_ARG`",
        "JAEGER_SAMPLER_MANAGER_HOST_PORT": "`OTEL_TRACES_SAMPLER=parentbased_jaeger_remote` with `OTEL_TRACES_SAMPLER_ARG=endpoint=…`",
        "JAEGER_SAMPLING_ENDPOINT": "`OTEL_TRACES_SAMPLER=parentbased_jaeger_remote` with `OTEL_TRACES_SAMPLER_ARG=endpoint=…`",
        "JAEGER_SAMPLER_MAX_OPERATIONS": "the remote sampler of the OpenTelemetry SDK",
        "JAEGER_SAMPLER_REFRESH_INTERVAL": "`pollingIntervalMs` in `OTEL_TRACES_SAMPLER_ARG` of the remote sampler",
        "JAEGER_REPORTER_MAX_QUEUE_SIZE": "`OTEL_BSP_MAX_QUEUE_SIZE`",
        "JAEGER_REPORTER_FLUSH_INTERVAL": "`OTEL_BSP_SCHEDULE_DELAY` (milliseconds)",
        "JAEGER_REPORTER_LOG_SPANS": "the `console` exporter while debugging",
        "JAEGER_REPORTER_ATTEMPT_RECONNECTING_DISABLED": "nothing: OTLP exporters reconnect on their own",
        "JAEGER_REPORTER_ATTEMPT_RECONNECT_INTERVAL": "nothing: OTLP exporters reconnect on their own",
        "JAEGER_ENDPOINT": "`OTEL_EXPORTER_OTLP_ENDPOINT` (port 4318, OTLP/HTTP)",
        "JAEGER_AGENT_HOST": "`OTEL_EXPORTER_OTLP_ENDPOINT` (port 4318, OTLP/HTTP)",
        "JAEGER_AGENT_PORT": "port 4318 (OTLP/HTTP) or 4317 (OTLP/gRPC) in `OTEL_EXPORTER_OTLP_ENDPOINT`; the agent ports are gone from Jaeger ≥ 1.63",
        "JAEGER_USER": "an `authorization=Basic%20…` header in `OTEL_EXPORTER_OTLP_HEADERS`",
        "JAEGER_PASSWORD": "an `authorization=Basic%20…` header in `OTEL_EXPORTER_OTLP_HEADERS`",
        "JAEGER_AUTH_TOKEN": "an `authorization=Bearer%20…` header in `OTEL_EXPORTER_OTLP_HEADERS`",
        "JAEGER_PROPAGATION": "`OTEL_PROPAGATORS` (`tracecontext,baggage`)",
        "JAEGER_TRACEID_128BIT": "nothing: OpenTelemetry trace IDs are always 128 bits",
    ]

    /// Names whose value is a credential: the line is masked in excerpts.
    static let credentials: Set<String> = ["JAEGER_PASSWORD", "JAEGER_AUTH_TOKEN"]
}
