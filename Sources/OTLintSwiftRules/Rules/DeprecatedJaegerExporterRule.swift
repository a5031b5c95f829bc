import OTLintCore
import SwiftSyntax

/// OTL207 (Swift): opentelemetry-swift's Jaeger (Thrift) exporter.
struct DeprecatedJaegerExporterRule: SwiftRule {
    var ruleIDs: [String] { ["OTL207"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.imports.contains("JaegerExporter") else { return [] }
        return model.tree.descendants(FunctionCallExprSyntax.self).compactMap { call in
            guard call.calleeName == "JaegerSpanExporter", call.receiver == nil, let token = call.calleeToken else { return nil }
            return model.diagnostic(
                "OTL207", at: token,
                message: "`JaegerSpanExporter` sends spans over Jaeger's legacy Thrift protocol; Jaeger takes OTLP natively",
                why: "the Jaeger exporters are deprecated in OpenTelemetry, Jaeger v2 is built on the OpenTelemetry Collector, and opentelemetry-swift's Jaeger exporter exists only on Apple platforms",
                help: "export with OTLP (`OtlpHttpTraceExporter(endpoint: URL(string: \"http://jaeger:4318/v1/traces\")!)`) to Jaeger's OTLP port"
            )
        }
    }
}
