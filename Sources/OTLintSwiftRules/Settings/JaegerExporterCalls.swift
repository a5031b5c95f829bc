import OTLintCore
import SwiftSyntax

/// opentelemetry-swift's `JaegerSpanExporter(serviceName:collectorAddress:)`: the removed Jaeger exporter, chosen in
/// code. It sends Thrift over UDP to the agent port 6831, and the product exists only on Apple platforms.
enum JaegerExporterCalls {
    static func settings(in model: SwiftSourceModel) -> JaegerExportSettings {
        var jaeger = JaegerExportSettings()
        guard model.imports.contains("JaegerExporter") || model.ecosystems.contains(.openTelemetrySwift) else { return jaeger }
        for call in model.nodes.calls {
            guard let token = call.calleeToken, token.text == "JaegerSpanExporter",
                  call.calledExpression.memberPath == ["JaegerSpanExporter"] || call.calledExpression.memberPath == ["JaegerExporter", "JaegerSpanExporter"]
            else { continue }
            if let address = call.argument("collectorAddress")?.expression.stringLiteralValue {
                jaeger.host = EndpointURL(address.contains("://") ? address : "udp://" + address)?.host
            }
            let setting = Setting(value: "jaeger", origin: .code(api: "`JaegerSpanExporter`", sdk: .opentelemetrySwift), site: nil,
                                  fallbackLocation: model.location(of: token), isEditable: false)
            jaeger.choices.append(JaegerExportSettings.Choice(setting: setting))
        }
        return jaeger
    }
}
