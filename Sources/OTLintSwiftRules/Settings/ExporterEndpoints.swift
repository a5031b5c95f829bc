import OTLintCore
import SwiftSyntax

/// Every endpoint literal of a file.
func findExporterEndpoints(in model: SwiftSourceModel) -> [ExporterEndpoint] {
    var result: [ExporterEndpoint] = []
    let otelSwift = model.ecosystems.contains(.openTelemetrySwift)
    let swiftOTel = model.ecosystems.contains(.swiftOTel)
    let grpcProtocols = swiftOTel ? swiftOTelGRPCExporters(in: model) : []
    let constants = model.stringConstants
    // Interpolated literals have no fixed value and are skipped.
    // A constant used by several exporters is judged once, at its literal.
    var seen: Set<SyntaxIdentifier> = []
    func add(_ endpoint: ExporterEndpoint?, setBy statement: some SyntaxProtocol) {
        guard var endpoint, seen.insert(endpoint.literal.id).inserted else { return }
        endpoint.isGuarded = isConditionalConfiguration(statement)
        result.append(endpoint)
    }

    for call in model.nodes.calls {
        guard let name = call.calleeName else { continue }
        if otelSwift, name.hasPrefix("OtlpHttp"), name.hasSuffix("Exporter"), let argument = call.argument("endpoint"),
           let literal = urlStringLiteral(in: argument.expression, constants: constants) {
            let signals = ["OtlpHttpTraceExporter": "traces", "OtlpHttpMetricExporter": "metrics", "OtlpHttpLogExporter": "logs"]
            var found = endpoint(literal, .url, .http, nil, "`\(name)(endpoint:)`", .opentelemetrySwift)
            found?.signal = signals[name] ?? ""
            add(found, setBy: call)
        } else if otelSwift, name == "ZipkinTraceExporterOptions", let argument = call.argument("endpoint"),
                  let literal = resolvedStringLiteral(argument.expression, constants: constants) {
            var found = endpoint(literal, .url, .http, nil, "`ZipkinTraceExporterOptions(endpoint:)`", .opentelemetrySwift)
            found?.isZipkin = true
            add(found, setBy: call)
        } else if name == "connect", let argument = call.argument("host"), call.argument("port") != nil,
                  let literal = resolvedStringLiteral(argument.expression, constants: constants),
                  let security = grpcConnectionSecurity(call) {
            add(endpoint(literal, .host, .grpc, security == .plaintext, "`ClientConnection.\(security.builder)(...).connect(host:port:)`",
                         otelSwift ? .opentelemetrySwift : .swiftOTel), setBy: call)
        } else if swiftOTel, let type = swiftOTelExporterConfiguration(call, named: name), let argument = call.argument("endpoint"),
                  let literal = resolvedStringLiteral(argument.expression, constants: constants) {
            let insecure = call.argument("shouldUseAnInsecureConnection")?.expression.as(BooleanLiteralExprSyntax.self)
            add(endpoint(literal, .lenient, .grpc, insecure.map { $0.literal.tokenKind == .keyword(.true) }, "`\(type)(endpoint:)`", .swiftOTel), setBy: call)
        } else if swiftOTel, let exporter = legacySwiftOTelExporterConfig(call, named: name), let argument = call.argument("host"),
                  let literal = resolvedStringLiteral(argument.expression, constants: constants) {
            // Up to 0.8 the exporter always connected with `ClientConnection.insecure(group:)`: plaintext gRPC.
            add(endpoint(literal, .host, .grpc, true, "`\(exporter).Config(host:)`", .swiftOTel), setBy: call)
        }
    }
    if swiftOTel {
        for assignment in model.assignments {
            guard let path = assignment.target.memberPath, path.count >= 2, path.suffix(2) == ["otlpExporter", "endpoint"],
                  let literal = resolvedStringLiteral(assignment.value, constants: constants)
            else { continue }
            let exporter = path.dropLast().joined(separator: ".")
            // swift-otel's default protocol is OTLP/HTTP (protobuf).
            let transport: EndpointSetting.Transport = grpcProtocols.contains(exporter) ? .grpc : .http
            var found = endpoint(literal, .url, transport, nil, "`\(path.joined(separator: "."))`", .swiftOTel)
            let signal = path.count >= 3 ? path[path.count - 3] : ""
            let isSignal = ["traces", "metrics", "logs"].contains(signal)
            found?.signal = isSignal ? signal : ""
            add(found, setBy: assignment.node)
        }
    }
    return result
}

private func endpoint(
    _ literal: StringLiteralExprSyntax, _ shape: EndpointSetting.Shape, _ transport: EndpointSetting.Transport,
    _ plaintext: Bool?, _ usage: String, _ sdk: SwiftSDK
) -> ExporterEndpoint? {
    guard let value = literal.representedLiteralValue else { return nil }
    return ExporterEndpoint(literal: literal, value: value, shape: shape, transport: transport, explicitlyPlaintext: plaintext, usage: usage,
                            sdk: sdk)
}

/// `URL(string: "...")`, possibly force-unwrapped or defaulted, holding a plain string literal.
private func urlStringLiteral(in expression: ExprSyntax, constants: [String: StringLiteralExprSyntax]) -> StringLiteralExprSyntax? {
    var current = expression
    if let forced = current.as(ForceUnwrapExprSyntax.self) { current = forced.expression }
    if let optional = current.as(OptionalChainingExprSyntax.self) { current = optional.expression }
    if let sequence = current.as(SequenceExprSyntax.self), let first = sequence.elements.first { current = first }
    guard let call = current.as(FunctionCallExprSyntax.self), call.calledExpression.memberPath == ["URL"],
          let argument = call.argument("string"), let literal = resolvedStringLiteral(argument.expression, constants: constants),
          literal.representedLiteralValue != nil
    else { return nil }
    return literal
}

/// swift-otel 0.9–0.12's exporter configurations, spelled out (`OTLPGRPCSpanExporterConfiguration(...)`) or as the
/// `configuration:` of an exporter (`OTLPGRPCSpanExporter(configuration: .init(...))`): the type's name, or nil.
private func swiftOTelExporterConfiguration(_ call: FunctionCallExprSyntax, named name: String) -> String? {
    let configurations = ["OTLPGRPCSpanExporter", "OTLPGRPCMetricExporter", "OTLPGRPCLogRecordExporter"].map { $0 + "Configuration" }
    if configurations.contains(name) { return name }
    if name == "init", let type = call.calledExpression.as(MemberAccessExprSyntax.self)?.base?.memberPath?.last,
       configurations.contains(type) {
        return type
    }
    guard name == "init", let exporter = exporterCall(taking: call, as: "configuration"),
          let exporterName = exporter.calleeName, configurations.contains(exporterName + "Configuration")
    else { return nil }
    return exporterName + "Configuration"
}

/// swift-otel up to 0.8: `OtlpGRPCSpanExporter.Config(eventLoopGroup:host:port:)`, spelled out or as `.init(...)` in
/// the exporter's `config:` (the log exporter takes the span exporter's `Config` too): the type that owns `Config`,
/// or nil.
private func legacySwiftOTelExporterConfig(_ call: FunctionCallExprSyntax, named name: String) -> String? {
    let exporters: Set<String> = ["OtlpGRPCSpanExporter", "OtlpGRPCLogRecordExporter", "OtlpGRPCExporter"]
    if name == "Config", let owner = call.calledExpression.as(MemberAccessExprSyntax.self)?.base?.memberPath?.last,
       exporters.contains(owner) {
        return owner
    }
    guard name == "init", let exporter = exporterCall(taking: call, as: "config")?.calleeName, exporters.contains(exporter)
    else { return nil }
    return exporter == "OtlpGRPCLogRecordExporter" ? "OtlpGRPCSpanExporter" : exporter
}

/// The call that takes `call` as its argument labelled `label`: `Exporter(configuration: .init(...))`.
private func exporterCall(taking call: FunctionCallExprSyntax, as label: String) -> FunctionCallExprSyntax? {
    guard let argument = call.parent?.as(LabeledExprSyntax.self), argument.label?.text == label else { return nil }
    return argument.parent?.parent?.as(FunctionCallExprSyntax.self)
}

/// `ClientConnection.insecure(group:)` / `.usingPlatformAppropriateTLS(for:)` / `.usingTLS...` on the `connect` chain.
private func grpcConnectionSecurity(_ call: FunctionCallExprSyntax) -> GRPCConnectionSecurity? {
    var current = call.receiver
    while let expression = current {
        if let inner = expression.as(FunctionCallExprSyntax.self) {
            if let path = inner.calledExpression.memberPath, path.first == "ClientConnection", let last = path.last {
                if last == "insecure" { return .plaintext }
                if last.hasPrefix("usingPlatformAppropriateTLS") || last.hasPrefix("usingTLS") { return .tls }
            }
            current = inner.receiver
        } else if let member = expression.as(MemberAccessExprSyntax.self) {
            current = member.base
        } else {
            return nil
        }
    }
    return nil
}

/// Exporter paths (`config.traces.otlpExporter`) given `.protocol = .grpc` in this file.
private func swiftOTelGRPCExporters(in model: SwiftSourceModel) -> Set<String> {
    var result: Set<String> = []
    for assignment in model.assignments {
        guard let path = assignment.target.memberPath, path.count >= 2, path.suffix(2) == ["otlpExporter", "protocol"],
              assignment.value.memberPath?.last == "grpc"
        else { continue }
        result.insert(path.dropLast().joined(separator: "."))
    }
    return result
}
