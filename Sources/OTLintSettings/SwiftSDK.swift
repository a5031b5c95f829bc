/// The Swift OpenTelemetry SDKs otlint knows: where a setting is written in code, this says which library reads it.
public enum SwiftSDK: String, Sendable {
    case opentelemetrySwift = "opentelemetry-swift"
    case swiftOTel = "swift-otel"
}
