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
/// - swift-otel 0.9–0.12: `OTLPGRPCSpanExporterConfiguration(environment:endpoint:shouldUseAnInsecureConnection:)`,
///   also as `OTLPGRPCSpanExporter(configuration: .init(...))`.
/// - swift-otel up to 0.8: `OtlpGRPCSpanExporter(config: OtlpGRPCSpanExporter.Config(eventLoopGroup:host:port:))`, a
///   bare host, always plaintext.
struct ExporterEndpoint {
    let literal: StringLiteralExprSyntax
    let value: String
    let shape: EndpointSetting.Shape
    let transport: EndpointSetting.Transport
    /// The code makes this connection plaintext explicitly (an insecure gRPC connection); nil when the URL decides.
    let explicitlyPlaintext: Bool?
    /// Where the endpoint is used, for messages: "`OtlpHttpTraceExporter(endpoint:)`".
    let usage: String
    /// `traces`, `metrics` or `logs` when the exporter is for one signal.
    var signal: String = ""
    /// The library that reads the endpoint.
    let sdk: SwiftSDK
    /// A Zipkin exporter's endpoint (HTTP, with its own path), not an OTLP one.
    var isZipkin = false
    /// The code sets the endpoint only under a condition (`#if DEBUG`, a branch on the environment).
    var isGuarded = false
}
