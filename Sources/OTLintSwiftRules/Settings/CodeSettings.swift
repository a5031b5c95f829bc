import OTLintCore
import SwiftSyntax

/// Reads the settings model from one Swift file: the exporter endpoints (and, concept by concept, the other
/// settings) its code writes as literals, each pointing at its literal.
extension TelemetryProcess {
    /// Nil for test code: tests feed invalid settings on purpose, to check that they are rejected.
    init?(code model: SwiftSourceModel) {
        guard !model.isTestCode else { return nil }
        let purpose: Purpose = model.isBenchmarkCode ? .benchmarkCode : model.isExampleCode ? .exampleCode : .applicationCode
        self.init(displayName: "`\(model.file.path)`", purpose: purpose,
                  endpoints: model.exporterEndpoints.map { CodeSettings.endpoint($0, in: model) }, codePath: model.file.path)
        resourceAttributes = ResourceLiterals.find(in: model)
        attributeKeys = AttributeKeys.find(in: model)
        recordedData = RecordedAttributes.settings(in: model)
        serviceName = ResourceLiterals.serviceName(in: model)
        jaeger = JaegerExporterCalls.settings(in: model)
        serviceNamings = ProviderChains.namings(in: model)
        exporterHeaders = ExporterHeaders.find(in: model)
        samplers = model.samplerExpressions.map { CodeSettings.sampler($0, in: model) }
        batchProcessors = CodeSettings.batchProcessors(in: model)
    }
}

enum CodeSettings {
    static func endpoint(_ endpoint: ExporterEndpoint, in model: SwiftSourceModel) -> EndpointSetting {
        var setting = Setting(literal: endpoint.literal, value: endpoint.value, origin: .code(api: endpoint.usage, sdk: endpoint.sdk), in: model)
        setting.isGuarded = endpoint.isGuarded
        let signal = endpoint.signal.isEmpty ? nil : endpoint.signal
        var result = EndpointSetting(
            // Both libraries send to an endpoint set in code as written: nothing is appended.
            setting: setting, signal: signal, shape: endpoint.shape, transport: endpoint.transport, appendsSignalPath: false,
            explicitlyPlaintext: endpoint.explicitlyPlaintext, requiresURL: endpoint.shape == .url,
            // swift-otel reads host and port from a gRPC URL and throws `invalidEndpoint` without a port.
            grpcRequiresPort: endpoint.sdk == .swiftOTel, isZipkin: endpoint.isZipkin)
        // The exporter the code builds is the one use of its endpoint; its type or `.protocol` fixes the transport.
        result.uses = endpoint.isZipkin ? [] : [EndpointUse(signal: signal, transport: endpoint.transport)]
        return result
    }
}

extension Setting {
    /// A setting written as a string literal: it points at the literal, and a fix may edit between the quotes when
    /// the text there is the value verbatim (no escapes, no interpolation).
    init(literal: StringLiteralExprSyntax, value: String, origin: SettingOrigin, in model: SwiftSourceModel) {
        let range = model.range(of: literal)
        let content = contentRange(literal).flatMap { model.file.slice($0) == value ? $0 : nil }
        let site = ValueSite(file: model.file, range: range, editableRange: content)
        self.init(value: value, origin: origin, site: site, fallbackLocation: model.file.location(range), isEditable: content != nil,
                  maskedRanges: Setting.credentialRanges(ofURL: value, at: site))
    }
}
