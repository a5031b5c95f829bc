/// Images of telemetry backends and collectors, to know which compose services receive OTLP.
enum TelemetryBackends {
    /// Repositories (without registry) that run an OTLP receiver in their default setup.
    static let otlpReceiverRepositories: [String] = [
        "otel/opentelemetry-collector", "otel/opentelemetry-collector-contrib", "otel/opentelemetry-collector-k8s",
        "otel/opentelemetry-collector-otlp", "jaegertracing/jaeger", "jaegertracing/all-in-one", "grafana/otel-lgtm",
        "grafana/alloy", "grafana/tempo", "grafana/agent", "signoz/signoz-otel-collector", "openobserve/openobserve",
        "datadog/agent", "elastic/apm-server", "aspire-dashboard", "dotnet/aspire-dashboard", "uptrace/uptrace",
    ]

    /// Whether a service's image is a collector or backend that receives OTLP.
    static func receivesOTLP(_ service: MergedComposeService) -> Bool {
        guard let text = service.image?.text, let image = ImageReference(text) else { return false }
        return otlpReceiverRepositories.contains { image.repository == $0 || image.repository.hasSuffix("/" + $0) }
            || image.name.hasPrefix("otelcol") || image.name.contains("opentelemetry-collector")
    }

    /// Whether a service is itself part of the telemetry pipeline (collector, backend, Zipkin, Prometheus): its
    /// own endpoint variables configure forwarding, not an application.
    static func isBackend(_ service: MergedComposeService) -> Bool {
        if receivesOTLP(service) { return true }
        guard let text = service.image?.text, let image = ImageReference(text) else { return false }
        return ["openzipkin/zipkin", "openzipkin/zipkin-slim", "prom/prometheus", "grafana/grafana", "grafana/loki"]
            .contains(image.repository)
    }
}
