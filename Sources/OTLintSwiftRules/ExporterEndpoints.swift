import OTLintCore
import SwiftSyntax

/// An exporter endpoint written as a string literal in code, with what the code says about its transport.
///
/// Recognised shapes (see otel-facts/swift-api.md §7):
/// - opentelemetry-swift OTLP/HTTP: `OtlpHttpTraceExporter(endpoint: URL(string: "http://collector:4318/v1/traces")!)`
///   (also the metric and log exporters), Zipkin `ZipkinTraceExporterOptions(endpoint: "...")`: a full URL.
/// - opentelemetry-swift OTLP/gRPC: `ClientConnection.insecure(group:).connect(host: "collector", port: 4317)`
///   (plaintext) or `ClientConnection.usingPlatformAppropriateTLS(for:).connect(host:port:)` (TLS): a bare host.
/// - swift-otel 1.x: `config.traces.otlpExporter.endpoint = "https://collector:4317"`: a full URL whose scheme
///   decides TLS; the transport is gRPC when the same exporter is given `.protocol = .grpc`.
/// - swift-otel 0.9–0.12: `OTLPGRPCSpanExporterConfiguration(environment:endpoint:shouldUseAnInsecureConnection:)`.
struct ExporterEndpoint {
    enum Shape {
        /// A URL with scheme, host, optional port and path.
        case url
        /// A host name alone (the port is a separate argument).
        case host
        /// `host:port` or a URL; the library parses it leniently.
        case lenient
    }

    enum Transport {
        case grpc, http
    }

    let literal: StringLiteralExprSyntax
    let value: String
    let shape: Shape
    let transport: Transport
    /// The code makes this connection plaintext explicitly (an insecure gRPC connection); nil when the URL decides.
    let explicitlyPlaintext: Bool?
    /// Where the endpoint is used, for messages: "`OtlpHttpTraceExporter(endpoint:)`".
    let usage: String
    /// `traces`, `metrics` or `logs` when the exporter is for one signal.
    var signal: String = ""
    /// The library sends to this URL as written (no `/v1/<signal>` appended): OTLP/HTTP exporters of
    /// opentelemetry-swift, and swift-otel endpoints set in code.
    var usedAsIs = false
    /// The library that reads the endpoint.
    let sdk: SwiftSDK

    /// Whether data goes over plaintext: an `http` URL, or an insecure connection.
    var isPlaintext: Bool {
        if let explicitlyPlaintext { return explicitlyPlaintext }
        return EndpointText(value).scheme?.lowercased() == "http"
    }

    var host: String? { shape == .host ? value : EndpointText(value).host }
}

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
    func add(_ endpoint: ExporterEndpoint?) {
        if let endpoint, seen.insert(endpoint.literal.id).inserted { result.append(endpoint) }
    }

    for call in model.nodes.calls {
        guard let name = call.calleeName else { continue }
        if otelSwift, name.hasPrefix("OtlpHttp"), name.hasSuffix("Exporter"), let argument = call.argument("endpoint"),
           let literal = urlStringLiteral(in: argument.expression, constants: constants) {
            let signals = ["OtlpHttpTraceExporter": "traces", "OtlpHttpMetricExporter": "metrics", "OtlpHttpLogExporter": "logs"]
            var found = endpoint(literal, .url, .http, nil, "`\(name)(endpoint:)`", .opentelemetrySwift)
            found?.signal = signals[name] ?? ""
            found?.usedAsIs = signals[name] != nil
                        add(found)
        } else if otelSwift, name == "ZipkinTraceExporterOptions", let argument = call.argument("endpoint"),
                  let literal = resolvedStringLiteral(argument.expression, constants: constants) {
            add(endpoint(literal, .url, .http, nil, "`ZipkinTraceExporterOptions(endpoint:)`", .opentelemetrySwift))
        } else if name == "connect", let argument = call.argument("host"), call.argument("port") != nil,
                  let literal = resolvedStringLiteral(argument.expression, constants: constants),
                  let security = grpcConnectionSecurity(call) {
            add(endpoint(literal, .host, .grpc, security == .plaintext, "`ClientConnection.\(security.builder)(...).connect(host:port:)`",
                         otelSwift ? .opentelemetrySwift : .swiftOTel))
        } else if swiftOTel, name == "OTLPGRPCSpanExporterConfiguration" || name == "OTLPGRPCMetricExporterConfiguration"
                    || name == "OTLPGRPCLogRecordExporterConfiguration",
                  let argument = call.argument("endpoint"), let literal = resolvedStringLiteral(argument.expression, constants: constants) {
            let insecure = call.argument("shouldUseAnInsecureConnection")?.expression.as(BooleanLiteralExprSyntax.self)
            add(endpoint(literal, .lenient, .grpc, insecure.map { $0.literal.tokenKind == .keyword(.true) }, "`\(name)(endpoint:)`", .swiftOTel))
        }
    }
    if swiftOTel {
        for assignment in model.assignments {
            guard let path = assignment.target.memberPath, path.count >= 2, path.suffix(2) == ["otlpExporter", "endpoint"],
                  let literal = resolvedStringLiteral(assignment.value, constants: constants)
            else { continue }
            let exporter = path.dropLast().joined(separator: ".")
            // swift-otel's default protocol is OTLP/HTTP (protobuf).
            let transport: ExporterEndpoint.Transport = grpcProtocols.contains(exporter) ? .grpc : .http
            var found = endpoint(literal, .url, transport, nil, "`\(path.joined(separator: "."))`", .swiftOTel)
            let signal = path.count >= 3 ? path[path.count - 3] : ""
            let isSignal = ["traces", "metrics", "logs"].contains(signal)
            found?.signal = isSignal ? signal : ""
            found?.usedAsIs = isSignal
                        add(found)
        }
    }
    return result
}

private func endpoint(
    _ literal: StringLiteralExprSyntax, _ shape: ExporterEndpoint.Shape, _ transport: ExporterEndpoint.Transport,
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

enum GRPCConnectionSecurity {
    case plaintext, tls

    var builder: String { self == .plaintext ? "insecure" : "usingPlatformAppropriateTLS" }
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

/// `target = value` statements (a sequence of exactly three elements).
struct Assignment {
    let target: ExprSyntax
    /// The value without `try` / `await`.
    let value: ExprSyntax
    /// The value as written.
    let writtenValue: ExprSyntax
    let node: SequenceExprSyntax
}

func findAssignments(in model: SwiftSourceModel) -> [Assignment] {
    model.nodes.sequences.compactMap { sequence in
        let elements = sequence.elements
        guard elements.count == 3 else { return nil }
        var element = elements.makeIterator()
        guard let target = element.next(), element.next()?.is(AssignmentExprSyntax.self) == true, let value = element.next() else {
            return nil
        }
        return Assignment(target: target, value: value.unwrappingEffects, writtenValue: value, node: sequence)
    }
}

/// A loose reading of an endpoint string: `scheme://host:port/path`, tolerating missing parts.
struct EndpointText {
    var scheme: String?
    var host: String?
    var port: String?
    var path: String = ""
    /// Text between `:` and `//` was absent: `collector:4318/v1/traces` reads as scheme `collector`.
    var hasAuthority = false

    init(_ text: String) {
        var rest = Substring(text)
        if let range = rest.range(of: "://") {
            scheme = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
            hasAuthority = true
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        path = String(rest[authorityEnd...])
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let afterClose = authority[authority.index(after: close)...]
            if afterClose.hasPrefix(":") { port = String(afterClose.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        } else {
            host = String(authority)
        }
        if host?.isEmpty == true { host = nil }
    }
}

/// Whether a host is this machine, a private network, a placeholder, or a name that only resolves inside a
/// cluster or compose project (see `HostClassification`).
func isLocalOrInternalHost(_ rawHost: String) -> Bool {
    [.local, .privateNetwork, .documentation, .internalName].contains(HostClassification.classify(rawHost))
}

/// Whether a host is on the internet (see `HostClassification`).
func isPublicHostName(_ rawHost: String) -> Bool {
    HostClassification.classify(rawHost).isRemote
}

/// `let name = "literal"` constants of a file (global, static or local), by name; names declared more than once
/// (or with `var`) are left out, because which declaration a use refers to is then unclear.
func findStringConstants(in model: SwiftSourceModel) -> [String: StringLiteralExprSyntax] {
    var constants: [String: StringLiteralExprSyntax] = [:]
    var ambiguous: Set<String> = []
    for declaration in model.nodes.variableDeclarations {
        for binding in declaration.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { continue }
            let literal = binding.initializer?.value.as(StringLiteralExprSyntax.self)
            if constants[name] != nil || ambiguous.contains(name) || declaration.bindingSpecifier.tokenKind != .keyword(.let) || literal == nil {
                ambiguous.insert(name)
                constants[name] = nil
            } else {
                constants[name] = literal
            }
        }
    }
    // A parameter of the same name may shadow the constant where it is used.
    for parameter in model.nodes.functionParameters {
        constants[(parameter.secondName ?? parameter.firstName).text] = nil
    }
    for parameter in model.nodes.closureShorthandParameters { constants[parameter.name.text] = nil }
    for parameter in model.nodes.closureParameters { constants[(parameter.secondName ?? parameter.firstName).text] = nil }
    return constants
}

/// The string literal an expression is or names: `"x"`, or `token` / `Self.token` / `Config.token` for a constant
/// of `stringConstants`.
func resolvedStringLiteral(_ expression: ExprSyntax, constants: [String: StringLiteralExprSyntax]) -> StringLiteralExprSyntax? {
    let expression = expression.unwrappingEffects
    if let literal = expression.as(StringLiteralExprSyntax.self) { return literal }
    guard let path = expression.memberPath, (1...2).contains(path.count), let name = path.last else { return nil }
    return constants[name]
}

/// Scheme (lower-cased) and the path after the authority of an endpoint URL ("" when there is none); no scheme
/// without `://`.
func endpointParts(_ url: String) -> (scheme: String?, path: String) {
    guard url.contains("://") else { return (nil, "") }
    let text = EndpointText(url)
    var path = text.path
    if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
    return (text.scheme?.lowercased(), path)
}
