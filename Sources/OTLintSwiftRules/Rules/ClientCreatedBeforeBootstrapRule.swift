import OTLintCore
import SwiftSyntax

/// OTL605: an AsyncHTTPClient `HTTPClient` (or its `Configuration`) created before tracing is bootstrapped.
///
/// `HTTPClient.Configuration` captures `InstrumentationSystem.tracer` when it is created (AsyncHTTPClient 1.29+,
/// `TracingConfiguration.init`). A client made before `OTel.bootstrap` / `InstrumentationSystem.bootstrap` keeps the
/// no-op tracer for its whole life: its requests get no client spans and no `traceparent`. Judged only when both
/// calls run in the same function body (or the same top-level code), one after the other.
struct ClientCreatedBeforeBootstrapRule: SwiftRule {
    static let id = "OTL605"
    static let skippedCode: SkippedCode = [.tests]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.imports.contains("AsyncHTTPClient") else { return [] }
        let calls = model.nodes.calls
        let bootstraps = calls.filter(isTracingBootstrap)
        guard !bootstraps.isEmpty, !disablesTraces(model) else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in calls {
            guard let created = createdType(call) else { continue }
            let scope = executionScope(of: call)
            guard let bootstrap = bootstraps.first(where: { $0.startOffset > call.endOffset && executionScope(of: $0) == scope })
            else { continue }
            // `tracing.tracer = ...` set explicitly after the bootstrap replaces the captured tracer.
            if setsTracerExplicitly(model) { continue }
            let bootstrapName = (bootstrap.calledExpression.memberPath ?? []).joined(separator: ".")
            let token = call.calleeToken ?? call.calledExpression.firstToken(viewMode: .sourceAccurate)!
            diagnostics.append(model.diagnostic(
                Self.id, at: created == "HTTPClient" ? token : call.calledExpression.lastToken(viewMode: .sourceAccurate)!,
                message: "this `\(created)` is created before `\(bootstrapName)`, so its requests are never traced",
                why: "AsyncHTTPClient captures `InstrumentationSystem.tracer` when the client's configuration is created; before the bootstrap that is the no-op tracer, and the client keeps it forever (no client spans, no `traceparent` header)",
                help: "create the client after `\(bootstrapName)(...)`, or use `HTTPClient.shared`, which is created on first use",
                related: [model.related(bootstrap, "tracing is bootstrapped here, after the client exists")]
            ))
        }
        return diagnostics
    }

    /// `OTel.bootstrap(...)` (swift-otel 1.x) and `InstrumentationSystem.bootstrap(...)` set the global tracer.
    private func isTracingBootstrap(_ call: FunctionCallExprSyntax) -> Bool {
        let path = call.calledExpression.memberPath ?? []
        return path == ["OTel", "bootstrap"] || path == ["InstrumentationSystem", "bootstrap"]
    }

    /// `HTTPClient(...)` or `HTTPClient.Configuration(...)` (also spelled `.init`).
    private func createdType(_ call: FunctionCallExprSyntax) -> String? {
        var path = call.calledExpression.memberPath ?? []
        if path.last == "init" { path.removeLast() }
        if path == ["HTTPClient"] { return "HTTPClient" }
        if path == ["HTTPClient", "Configuration"] { return "HTTPClient.Configuration" }
        return nil
    }

    /// The function body, closure or top-level code a node runs in: nodes with the same scope run in order.
    private func executionScope(of node: some SyntaxProtocol) -> SyntaxIdentifier? {
        var current = node.parent
        while let ancestor = current {
            if ancestor.isFunctionBoundary { return ancestor.id }
            current = ancestor.parent
        }
        return nil
    }

    /// `config.traces.enabled = false`: swift-otel then bootstraps no tracer, and the client's capture is moot.
    private func disablesTraces(_ model: SwiftSourceModel) -> Bool {
        model.assignments.contains { assignment in
            let path = assignment.target.memberPath ?? []
            return path.suffix(2) == ["traces", "enabled"] && assignment.value.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.false)
        }
    }

    private func setsTracerExplicitly(_ model: SwiftSourceModel) -> Bool {
        model.nodes.memberAccesses.contains { access in
            access.declName.baseName.text == "tracer" && (access.base?.memberPath?.last == "tracing")
        }
    }
}
