import OTLintCore
import SwiftSyntax

/// OTL606: a server span started for an incoming request without the caller's context.
///
/// A `.server` span belongs to the trace of whoever called: the caller's `traceparent` arrives in the request
/// headers and has to be extracted into a `ServiceContext` that the span starts in. Vapor's and Hummingbird's
/// `TracingMiddleware` do this before any handler runs; a handler or a middleware of one's own that starts the
/// server span itself (a swift-openapi `ServerMiddleware`, a router middleware) must do it too, or every request
/// becomes a new trace. Reported only where the function that starts the span handles a request (a parameter
/// typed `…Request`, or a closure's `req`/`request`), extracts nothing and passes no `context:`, and the project
/// installs no framework tracing middleware.
struct IncomingContextIgnoredRule: SwiftRule {
    static let id = "OTL606"
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.distributedTracing), !model.project.installsFrameworkTracingMiddleware else { return [] }
        var diagnostics: [Diagnostic] = []
        for start in model.spanStarts where start.ecosystem == .distributedTracing && !start.passesContext {
            guard start.call.argument("ofKind")?.expression.memberPath?.last == "server",
                  let handler = requestHandler(around: start.call),
                  !handler.scope.descendants(FunctionCallExprSyntax.self).contains(where: { $0.calleeName == "extract" })
            else { continue }
            diagnostics.append(model.diagnostic(
                Self.id, at: start.calleeToken,
                message: "this server span ignores the caller's trace context: every request to it starts a new trace",
                why: "the caller's `traceparent` arrives in the headers of `\(handler.request)`; nothing here extracts it and the project installs no framework `TracingMiddleware`, so `\(start.calleeToken.text)` starts from a context without the caller",
                help: "extract the context and start the span in it: `var context = ServiceContext.topLevel; InstrumentationSystem.instrument.extract(\(handler.headers), into: &context, using: HeadersExtractor())`, then `withSpan(name, context: context, ofKind: .server)`; or install the framework's `TracingMiddleware`, which does this for every request"
            ))
        }
        return diagnostics
    }

    struct Handler {
        /// The function or closure that handles the request.
        let scope: Syntax
        /// The request parameter's name.
        let request: String
        /// Where its headers are: `headerFields` on swift-http-types' `HTTPRequest`, `headers` on Vapor's and
        /// Hummingbird's requests.
        var headersMember = "headers"
        var headers: String { "\(request).\(headersMember)" }
    }

    /// The nearest enclosing function or closure, when it takes a request: a parameter whose type ends in `Request`
    /// (`HTTPRequest`, `Request`), or a closure parameter named `req` or `request`.
    private func requestHandler(around call: FunctionCallExprSyntax) -> Handler? {
        var current = call.parent
        while let node = current {
            if let function = node.as(FunctionDeclSyntax.self) {
                let request = function.signature.parameterClause.parameters.first { parameter in
                    parameter.type.trimmedDescription.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last?.hasSuffix("Request") == true
                }
                return request.map { parameter in
                    var handler = Handler(scope: Syntax(function), request: (parameter.secondName ?? parameter.firstName).text)
                    if parameter.type.trimmedDescription.hasSuffix("HTTPRequest") { handler.headersMember = "headerFields" }
                    return handler
                }
            }
            if let closure = node.as(ClosureExprSyntax.self), let name = closure.parameterNames.first(where: { ["req", "request"].contains($0) }) {
                return Handler(scope: Syntax(closure), request: name)
            }
            if node.is(InitializerDeclSyntax.self) || node.is(AccessorDeclSyntax.self) { return nil }
            current = node.parent
        }
        return nil
    }
}
