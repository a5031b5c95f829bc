import SwiftSyntax

/// A call that starts a span, recognised by shape and by the file's imports.
struct SpanStart {
    enum Lifetime {
        /// `withSpan`, `withActiveSpan`, `withStartedSpan`: the library ends the span when the closure returns.
        case scoped
        /// `startSpan`: the caller must call `end()`.
        case manual
    }

    let call: FunctionCallExprSyntax
    let lifetime: Lifetime
    let ecosystem: SwiftEcosystems
    /// The operation name expression (`"op"` in `withSpan("op")`, the `spanName:` of `spanBuilder`).
    let operationName: ExprSyntax?
    /// The token to point at: `withSpan`, `startSpan`, `withActiveSpan`.
    var calleeToken: TokenSyntax { call.calleeToken ?? call.calledExpression.firstToken(viewMode: .sourceAccurate)! }
    /// swift-distributed-tracing: the span starts in a context the caller passes (`context:`, spelled `baggage:`
    /// before 1.0), not in the task's current one.
    var passesContext: Bool { call.argument("context") != nil || call.argument("baggage") != nil }
    /// The closure whose body runs inside the span, for scoped starts.
    var body: ClosureExprSyntax? { lifetime == .scoped ? call.closures.last : nil }

    /// Recognises `call` as a span start, or returns nil.
    ///
    /// swift-distributed-tracing: `withSpan`/`startSpan`/`withAnySpan`/`startAnySpan` whose first argument is the
    /// unlabeled operation name (this excludes W3C `TraceID.withSpan { bytes in }` and the standard library's
    /// `Span<T>` accessors, which take no name). opentelemetry-swift: `startSpan()`, `withActiveSpan {}` and
    /// `withStartedSpan {}` on a `spanBuilder(spanName:)` chain (or a value named like a builder);
    /// `contextProvider.withActiveSpan(span) {}` scopes an existing span and is not a start.
    static func recognise(_ call: FunctionCallExprSyntax, in model: SwiftSourceModel) -> SpanStart? {
        guard let name = call.calleeName else { return nil }
        switch name {
        case "withSpan", "startSpan", "withAnySpan", "startAnySpan":
            if model.ecosystems.contains(.distributedTracing), let first = call.firstArgument, first.label == nil,
               !first.expression.is(ClosureExprSyntax.self) {
                return SpanStart(
                    call: call, lifetime: name.hasPrefix("with") ? .scoped : .manual, ecosystem: .distributedTracing,
                    operationName: first.expression
                )
            }
            if name == "startSpan", model.ecosystems.contains(.openTelemetrySwift), call.arguments.isEmpty,
               call.trailingClosure == nil, let builderName = otelBuilderSpanName(call) {
                return SpanStart(call: call, lifetime: .manual, ecosystem: .openTelemetrySwift, operationName: builderName)
            }
            return nil
        case "withActiveSpan", "withStartedSpan":
            guard model.ecosystems.contains(.openTelemetrySwift), call.arguments.allSatisfy({ $0.expression.is(ClosureExprSyntax.self) }),
                  !call.closures.isEmpty, let builderName = otelBuilderSpanName(call)
            else { return nil }
            return SpanStart(call: call, lifetime: .scoped, ecosystem: .openTelemetrySwift, operationName: builderName)
        default:
            return nil
        }
    }

    /// The `spanName:` argument of the `spanBuilder` call this terminal call is chained on. When the builder was
    /// bound to a variable first (`let builder = tracer.spanBuilder(...)`), the name is unknown but the call is
    /// still a start: an empty tuple expression stands in for it.
    private static func otelBuilderSpanName(_ call: FunctionCallExprSyntax) -> ExprSyntax? {
        var current: ExprSyntax? = call.receiver
        while let expression = current {
            if let inner = expression.as(FunctionCallExprSyntax.self) {
                if inner.calleeName == "spanBuilder", let argument = inner.argument("spanName") { return argument.expression }
                current = inner.receiver
            } else if let member = expression.as(MemberAccessExprSyntax.self) {
                current = member.base
            } else if let reference = expression.as(DeclReferenceExprSyntax.self) {
                let words = identifierWords(reference.baseName.text)
                return words.contains("builder") ? ExprSyntax(reference) : nil
            } else {
                return nil
            }
        }
        return nil
    }
}

/// Every span start of a file, found once and shared by the rules.
func findSpanStarts(in model: SwiftSourceModel) -> [SpanStart] {
    model.nodes.calls.compactMap { SpanStart.recognise($0, in: model) }
}
