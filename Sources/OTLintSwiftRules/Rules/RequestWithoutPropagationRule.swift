import OTLintCore
import SwiftSyntax

/// OTL601: an outgoing HTTP request from traced code that carries no trace context.
///
/// AsyncHTTPClient's async `execute(_ request: HTTPClientRequest, timeout:)` injects `traceparent` itself since
/// 1.29.1; its legacy API (`execute(request:)`, `get(url:)`, `post(url:)`, …) creates a client span but injects
/// nothing, Vapor's `req.client` goes through that legacy API, and URLSession on Linux is not instrumented in
/// either ecosystem. Not reported when the surrounding function injects context itself (`inject(` or a
/// `traceparent` header), in tests, or in a project that never sets tracing up.
struct RequestWithoutPropagationRule: SwiftRule {
    static let id = "OTL601"
    static let skippedCode: SkippedCode = [.tests]

    static let verbs: Set<String> = ["get", "post", "put", "delete", "patch"]
    static let urlSessionMethods: Set<String> = ["data", "dataTask", "upload", "uploadTask", "download", "downloadTask", "bytes"]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.distributedTracing) || model.ecosystems.contains(.openTelemetrySwift)
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls {
            guard let token = call.calleeToken, let kind = requestKind(call, model) else { continue }
            guard isTraced(model) else { return [] }
            if injectsContext(around: call) || sendsTelemetry(call) { continue }
            // A request handed in by the caller was built elsewhere: where the file injects context, it is built there.
            if isHandedIn(call), model.nodes.calls.contains(where: isInjection) { continue }
            diagnostics.append(model.diagnostic(
                Self.id, at: token,
                message: kind.message,
                why: "without a `traceparent` header the called service starts a new trace, so the trace breaks at this request"
                    + (kind.evidence.map { "; \($0)" } ?? ""),
                help: kind.help
            ))
        }
        return diagnostics
    }

    struct RequestKind {
        let message: String
        let help: String
        /// Why the code is believed to run on Linux, where that is what makes the request uninstrumented.
        var evidence: String?
    }

    private static let injectHelp = "inject the current context before sending: `InstrumentationSystem.instrument.inject(ServiceContext.current ?? .topLevel, into: &headers, using: HTTPHeadersInjector())` with your own `Injector`"

    private func requestKind(_ call: FunctionCallExprSyntax, _ model: SwiftSourceModel) -> RequestKind? {
        guard let name = call.calleeName, let receiverPath = call.receiver?.memberPath else { return nil }
        let labels = call.argumentLabels
        if model.imports.contains("Vapor"), receiverPath.last == "client", Self.verbs.union(["send"]).contains(name), isVaporClientCall(call, receiverPath) {
            return RequestKind(
                message: "Vapor's `\(receiverPath.joined(separator: ".")).\(name)` sends no trace context: it uses AsyncHTTPClient's legacy API, which creates a client span but does not inject `traceparent`",
                help: "send the request with AsyncHTTPClient's `HTTPClient.shared.execute(HTTPClientRequest, timeout:)` (injects context since 1.29.1), or " + Self.injectHelp
            )
        }
        if model.imports.contains("AsyncHTTPClient") {
            let legacyVerb = Self.verbs.contains(name) && labels.first == "url"
            let legacyExecute = name == "execute" && (labels.first == "request" || labels.contains("url"))
            if legacyVerb || legacyExecute {
                return RequestKind(
                    message: "AsyncHTTPClient's legacy `\(name)(\(labels.first.map { ($0 ?? "_") + ":" } ?? ""))` sends no trace context: it creates a client span but does not inject `traceparent`",
                    help: "use the async API `client.execute(HTTPClientRequest, timeout:)`, which injects the context (AsyncHTTPClient 1.29.1 and later), or " + Self.injectHelp
                )
            }
        }
        if Self.urlSessionMethods.contains(name), receiverPath.first == "URLSession" || receiverPath.last?.lowercased().hasSuffix("session") == true,
           labels.first == "for" || labels.first == "from" || labels.first == "with" {
            // opentelemetry-swift's URLSessionInstrumentation injects on Apple platforms; only judge code that runs on
            // Linux, and not where the project installs it (the target may well run on Apple platforms only).
            let evidence = model.linuxEvidence(at: call)
            if model.ecosystems.contains(.openTelemetrySwift) && (evidence == nil || model.project.instrumentsURLSession) { return nil }
            return RequestKind(
                message: "`URLSession.\(name)` sends no trace context on Linux: no tracing library instruments URLSession there",
                help: "use AsyncHTTPClient's `execute(HTTPClientRequest, timeout:)`, or " + Self.injectHelp,
                evidence: evidence
            )
        }
        return nil
    }

    /// `inject(…)`, or a helper of the project that does it (`injectTraceContext(into: &request)`).
    private func isInjection(_ call: FunctionCallExprSyntax) -> Bool {
        call.calleeName.map { identifierWords($0).first == "inject" } == true
    }

    /// Telemetry of its own sent over HTTP (an error tracker's envelope, OTLP): the receiver continues no trace, and
    /// exporters leave such requests out on purpose.
    private func sendsTelemetry(_ call: FunctionCallExprSyntax) -> Bool {
        let text = call.arguments.trimmedDescription.lowercased()
        return ["sentry", "/envelope/", "/v1/traces", "/v1/metrics", "/v1/logs"].contains(where: text.contains)
    }

    /// The request sent is a parameter of the enclosing function or closure (`self.init { request in
    /// try await session.data(for: request) }`).
    private func isHandedIn(_ call: FunctionCallExprSyntax) -> Bool {
        guard let name = call.firstArgument?.expression.memberPath?.first else { return false }
        var current = call.parent
        while let node = current {
            if let closure = node.as(ClosureExprSyntax.self), closure.parameterNames.contains(name) { return true }
            if let function = node.as(FunctionDeclSyntax.self) {
                return function.signature.parameterClause.parameters.contains { ($0.secondName ?? $0.firstName).text == name }
            }
            current = node.parent
        }
        return false
    }

    /// Vapor's `Client`: reached through a request or the application (`req.client.get(…)`), or given a URL
    /// (`client.get("https://…")`, `client.post(URI(…))`, `client.send(.GET, to: url)`). Another library's
    /// `client.get(ValkeyKey(key))` in the same file is no HTTP request.
    private func isVaporClientCall(_ call: FunctionCallExprSyntax, _ receiverPath: [String]) -> Bool {
        if receiverPath.count >= 2, ["req", "request", "app", "application"].contains(receiverPath[receiverPath.count - 2]) { return true }
        guard let target = call.argument("to")?.expression ?? call.firstArgument.flatMap({ $0.label == nil ? $0.expression : nil }) else { return false }
        if target.is(StringLiteralExprSyntax.self) { return true }
        if let constructor = target.as(FunctionCallExprSyntax.self)?.calleeName { return ["URI", "URL"].contains(constructor) }
        guard let name = target.memberPath?.last else { return false }
        return !Set(identifierWords(name)).isDisjoint(with: ["url", "uri", "endpoint", "address", "link"])
    }

    /// Tracing is on: this file imports a tracing API, or some file of the run bootstraps tracing.
    private func isTraced(_ model: SwiftSourceModel) -> Bool {
        let tracingModules: Set<String> = ["Tracing", "Instrumentation", "OTel", "OpenTelemetryApi", "OpenTelemetrySdk", "OpenTelemetry"]
        return !model.imports.isDisjoint(with: tracingModules) || model.project.bootstrapsTracing
    }

    /// The enclosing function calls `inject(` or sets a `traceparent` header itself.
    private func injectsContext(around call: FunctionCallExprSyntax) -> Bool {
        let scope = call.enclosingFunctionScope
        if scope.descendants(FunctionCallExprSyntax.self).contains(where: isInjection) { return true }
        return scope.descendants(StringLiteralExprSyntax.self).contains {
            $0.representedLiteralValue?.lowercased() == "traceparent"
        }
    }
}
