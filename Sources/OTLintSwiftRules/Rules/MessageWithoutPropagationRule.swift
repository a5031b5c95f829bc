import OTLintCore
import SwiftSyntax

/// OTL602: a Kafka message published from traced code without trace context in its headers, or a consumed message
/// whose span ignores the context the producer sent.
///
/// swift-kafka-client (module `Kafka`) has no tracing of its own: `KafkaProducerMessage(topic:partition:headers:key:value:)`
/// sends exactly the headers it is given, and `consumer.messages` hands them back untouched. Context crosses the
/// broker only when the producer injects it into `headers` and the consumer extracts it before starting its span.
struct MessageWithoutPropagationRule: SwiftRule {
    static let id = "OTL602"
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    static let kafkaModules: Set<String> = ["Kafka", "SwiftKafka", "KafkaFoundationCompat"]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.imports.isDisjoint(with: Self.kafkaModules),
              isTraced(model)
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls where isProducerMessage(call) {
            guard let token = call.calleeToken else { continue }
            let scope = call.enclosingFunctionScope
            if callsFunction(named: ["inject"], in: scope) || setsHeadersLater(in: scope) { continue }
            if let headers = call.argument("headers"), !headers.expression.is(ArrayExprSyntax.self) { continue }
            diagnostics.append(model.diagnostic(
                Self.id, at: token,
                message: "this Kafka message carries no trace context: the consumer cannot continue the producer's trace",
                why: "swift-kafka-client sends only the headers it is given; without an injected `traceparent` header the consumer's spans start a new trace",
                help: "inject the current context into the message headers: `InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &headers, using: KafkaHeadersInjector())` with an `Injector` that appends `KafkaHeader(key:value:)`, then pass `headers:`"
            ))
        }
        for loop in model.nodes.forLoops where isConsumerLoop(loop) {
            let scope = loop.enclosingFunctionScope
            if callsFunction(named: ["extract"], in: scope) { continue }
            for call in loop.body.descendants(FunctionCallExprSyntax.self, stoppingAt: { $0.isFunctionBoundary && !$0.is(ClosureExprSyntax.self) }) {
                guard let start = SpanStart.recognise(call, in: model), !start.passesContext,
                      start.ecosystem == .distributedTracing
                else { continue }
                diagnostics.append(model.diagnostic(
                    Self.id, at: start.calleeToken,
                    message: "the span for a consumed Kafka message ignores the producer's trace context, so it starts a new trace",
                    why: "the producer's `traceparent` arrives in `message.headers`; nothing in this function extracts it, so `\(start.calleeToken.text)` uses the current context instead",
                    help: "extract the context from the message headers and start the span in it: `var context = ServiceContext.topLevel; InstrumentationSystem.instrument.extract(message.headers, into: &context, using: KafkaHeadersExtractor())`, then `withSpan(\"process\", context: context, ofKind: .consumer) { ... }`",
                    related: [model.related(loop.sequence, "messages are consumed here")]
                ))
                break
            }
        }
        return diagnostics
    }

    private func isTraced(_ model: SwiftSourceModel) -> Bool {
        let tracingModules: Set<String> = ["Tracing", "Instrumentation", "OTel", "OpenTelemetryApi", "OpenTelemetrySdk"]
        return !model.imports.isDisjoint(with: tracingModules) || model.project.bootstrapsTracing
    }

    /// `KafkaProducerMessage(topic:...value:)`, also with generic arguments.
    private func isProducerMessage(_ call: FunctionCallExprSyntax) -> Bool {
        guard call.calleeName == "KafkaProducerMessage" || (call.calleeName == "init" && call.receiver?.memberPath == ["KafkaProducerMessage"])
        else { return false }
        return call.argumentLabels.contains("topic") && call.argumentLabels.contains("value")
    }

    /// `for try await message in consumer.messages`.
    private func isConsumerLoop(_ loop: ForStmtSyntax) -> Bool {
        guard loop.awaitKeyword != nil, let path = loop.sequence.memberPath, path.count >= 2, path.last == "messages" else { return false }
        return identifierWords(path[path.count - 2]).contains("consumer")
    }

    private func callsFunction(named names: Set<String>, in scope: Syntax) -> Bool {
        scope.descendants(FunctionCallExprSyntax.self).contains { $0.calleeName.map(names.contains) == true }
    }

    /// `message.headers = ...` or `message.headers.append(...)`: headers built after the message, maybe by a helper.
    private func setsHeadersLater(in scope: Syntax) -> Bool {
        scope.descendants(MemberAccessExprSyntax.self).contains { access in
            access.declName.baseName.text == "headers" && access.base != nil
                && (access.parent?.is(ExprListSyntax.self) == true || access.parent?.is(MemberAccessExprSyntax.self) == true)
        }
    }
}
