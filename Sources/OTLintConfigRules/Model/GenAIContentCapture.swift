/// The switch that makes GenAI instrumentations record prompts, completions, system instructions and tool
/// arguments (`gen_ai.input.messages`, `gen_ai.output.messages`, …) on spans and events. One name is read by
/// every OpenTelemetry GenAI instrumentation that takes it from the environment:
/// - Python (opentelemetry-python-contrib `util/opentelemetry-util-genai`, `instrumentation-genai/*`): `true`; with
///   `OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental`, the modes `SPAN_ONLY`, `EVENT_ONLY`,
///   `SPAN_AND_EVENT` (`NO_CONTENT` is the default);
/// - Java agent (`otel.instrumentation.genai.capture-message-content`, read from the environment as this name);
/// - JavaScript (`@opentelemetry/instrumentation-openai`, elastic-otel-node) and .NET (Microsoft.Extensions.AI,
///   Aspire): `true`.
/// All default to off because the semantic conventions warn that these attributes likely hold sensitive data.
enum GenAIContentCapture {
    static let variable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
    /// Values (lower case) that turn capture on.
    static let enablingValues: Set<String> = ["true", "span_only", "event_only", "span_and_event"]
}
