import OTLintCore
import SwiftSyntax

/// OTL605: an AsyncHTTPClient `HTTPClient` created before tracing is bootstrapped in the same function.
///
/// `HTTPClient.Configuration.tracing` captures `InstrumentationSystem.tracer` when the configuration is made; a
/// client made before `OTel.bootstrap` / `InstrumentationSystem.bootstrap` keeps the no-op tracer for its life.
struct ClientCreatedBeforeBootstrapRule: SwiftRule {
    var ruleIDs: [String] { ["OTL605"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.imports.contains("AsyncHTTPClient"), !model.isTestCode else { return [] }
        let calls = model.tree.descendants(FunctionCallExprSyntax.self)
        let bootstraps = calls.filter { call in
            guard let path = call.calledExpression.memberPath else { return false }
            return path == ["OTel", "bootstrap"] || path == ["InstrumentationSystem", "bootstrap"]
        }
        guard !bootstraps.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in calls where call.calledExpression.memberPath == ["HTTPClient"] && !call.arguments.isEmpty {
            let scope = enclosingBody(call)
            guard let bootstrap = bootstraps.first(where: { enclosingBody($0)?.id == scope?.id && $0.startOffset > call.endOffset }),
                  let token = call.calleeToken
            else { continue }
            let line = model.lineColumn(of: bootstrap).line
            diagnostics.append(model.diagnostic(
                "OTL605", at: token,
                message: "this `HTTPClient` is created before tracing is bootstrapped (line \(line)): it keeps the no-op tracer, so its requests get no client spans and send no trace context",
                why: "AsyncHTTPClient captures `InstrumentationSystem.tracer` when the client's configuration is created, and never looks again",
                help: "create the client after `\(bootstrap.calledExpression.trimmedDescription)(...)`, or use `HTTPClient.shared`, which is created on first use",
                related: [model.related(bootstrap, "tracing is bootstrapped here, too late for the client")]
            ))
        }
        return diagnostics
    }

    /// The function (or top-level code) a call runs in.
    private func enclosingBody(_ node: some SyntaxProtocol) -> Syntax? {
        var current = node.parent
        while let parent = current {
            if parent.isFunctionBoundary || parent.is(SourceFileSyntax.self) { return parent }
            current = parent.parent
        }
        return nil
    }
}
