import Foundation
import OpenTelemetryApi
import OpenTelemetryProtocolExporterHttp
import OpenTelemetrySdk

enum Telemetry {
    static func configure() -> Tracer {
        let exporter = OtlpHttpTraceExporter(endpoint: URL(string: "http://otel-collector:4318/v1/traces")!)
        let provider = TracerProviderBuilder()
            .add(spanProcessor: SimpleSpanProcessor(spanExporter: exporter))
            .with(resource: Resource(attributes: ["service.name": .string("orders")]))
            .build()
        OpenTelemetry.registerTracerProvider(tracerProvider: provider)
        return OpenTelemetry.instance.tracerProvider.get(instrumentationName: "orders", instrumentationVersion: "1.0.0")
    }
}
