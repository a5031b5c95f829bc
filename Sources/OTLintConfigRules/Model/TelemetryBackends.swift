import OTLintCore

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
    static func receivesOTLP(_ service: MergedComposeService) -> Bool { service.facts.receivesOTLP }

    static func isBackend(_ service: MergedComposeService) -> Bool { service.facts.isBackend }

    /// An OpenTelemetry Collector distribution (or Grafana Alloy / Agent, collectors too).
    static func isCollector(_ image: ImageReference) -> Bool {
        image.name.hasPrefix("otelcol") || image.name.containsText("opentelemetry-collector") || image.name.containsText("otel-collector")
            || image.repository == "grafana/alloy" || image.repository == "grafana/agent"
    }

    /// `/` + each of `otlpReceiverRepositories` (a mirror's path ends with one), made once instead of per image.
    private static let otlpReceiverSuffixes = otlpReceiverRepositories.map { "/" + $0 }

    static func receivesOTLP(_ image: ImageReference) -> Bool {
         zip(otlpReceiverRepositories, otlpReceiverSuffixes).contains { repository, suffix in
             image.repository == repository || image.repository.hasSuffix(suffix)
         }
            || image.name.hasPrefix("otelcol") || image.name.containsText("opentelemetry-collector")
    }

    /// Whether a service is itself part of the telemetry pipeline (collector, backend, Zipkin, Prometheus): its
    /// own endpoint variables configure forwarding, not an application.
    static func isBackend(_ image: ImageReference) -> Bool {
        if receivesOTLP(image) { return true }
        return ["openzipkin/zipkin", "openzipkin/zipkin-slim", "prom/prometheus", "grafana/grafana", "grafana/loki"]
            .contains(image.repository)
    }
}
