import OTLintCore
import SwiftSyntax

/// OTL207 (Swift part): opentelemetry-swift's `JaegerSpanExporter(serviceName:collectorAddress:)`.
///
/// The Jaeger exporter was removed from the OpenTelemetry specification (v1.23.0) and from the collector
/// (contrib v0.85.0); Jaeger takes OTLP natively (on by default since 1.46, the only way in Jaeger v2). In
/// opentelemetry-swift the exporter sends Thrift over UDP to the agent port 6831, which Jaeger images no longer
/// expose since 1.63, and the product exists only on Apple platforms.
struct DeprecatedJaegerExporterRule: SwiftRule {
    var ruleIDs: [String] { ["OTL207"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode, model.imports.contains("JaegerExporter") || model.ecosystems.contains(.openTelemetrySwift)
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls {
            guard let token = call.calleeToken, token.text == "JaegerSpanExporter",
                  call.calledExpression.memberPath == ["JaegerSpanExporter"] || call.calledExpression.memberPath == ["JaegerExporter", "JaegerSpanExporter"]
            else { continue }
            var host = "jaeger"
            if let address = call.argument("collectorAddress")?.expression.stringLiteralValue,
               let parsed = EndpointURL(address.contains("://") ? address : "udp://" + address)?.host {
                host = parsed
            }
            diagnostics.append(model.diagnostic(
                "OTL207", at: token,
                message: "`JaegerSpanExporter` uses the deprecated Jaeger protocol; Jaeger takes OTLP directly",
                why: "the Jaeger exporter is gone from the OpenTelemetry specification and the collector; it sends Thrift over UDP to the agent port 6831, which Jaeger images no longer expose (1.63 and later, and Jaeger v2)",
                help: "export OTLP to Jaeger instead: `OtlpHttpTraceExporter(endpoint: URL(string: \"http://\(host):4318/v1/traces\")!)` (Jaeger 1.46+ and v2 accept OTLP on 4317/4318)"
            ))
        }
        return diagnostics
    }
}
