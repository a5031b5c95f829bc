import OTLintCore
import SwiftSyntax

/// OTL504: opentelemetry-swift's imperative "make this span current" calls, which do nothing on Linux.
///
/// On Linux opentelemetry-swift's default context manager is `TaskLocalContextManager`, whose
/// `setCurrentContextValue` is empty: `setActive(true)` and `contextProvider.setActiveSpan(_:)` are silently
/// ignored and spans started afterwards become new root traces. Reported only where the code evidently runs on a
/// server or on Linux (see `linuxEvidence(at:)`) and not in an Apple UI app.
struct ActiveSpanNoopOnLinuxRule: SwiftRule {
    static let id = "OTL504"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.openTelemetrySwift) else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls {
            guard let token = call.calleeToken, ["setActive", "setActiveSpan"].contains(token.text),
                  let evidence = model.linuxEvidence(at: call) else { continue }
            if token.text == "setActive", call.arguments.count == 1,
               call.firstArgument?.expression.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.true),
               call.receiverChainContainsCall(named: ["spanBuilder"]) || call.receiver?.memberPath != nil {
                diagnostics.append(model.diagnostic(
                    Self.id, at: token,
                    message: "`setActive(true)` does nothing on Linux: spans started afterwards do not become children of this span",
                    why: "opentelemetry-swift's context manager on Linux (`TaskLocalContextManager`) ignores imperative activation; \(evidence)",
                    help: "run the work inside `spanBuilder(spanName:).withActiveSpan { span in ... }`, or pass the parent explicitly with `setParent(span)` on the child's builder"
                ))
            } else if token.text == "setActiveSpan", call.arguments.count == 1,
                      call.receiver?.memberPath?.last == "contextProvider" {
                diagnostics.append(model.diagnostic(
                    Self.id, at: token,
                    message: "`contextProvider.setActiveSpan(_:)` does nothing on Linux: spans started afterwards become new root traces",
                    why: "opentelemetry-swift's context manager on Linux (`TaskLocalContextManager`) ignores imperative activation; \(evidence)",
                    help: "scope the work with `OpenTelemetry.instance.contextProvider.withActiveSpan(span) { ... }`, or pass the parent explicitly with `setParent(span)`"
                ))
            }
        }
        return diagnostics
    }
}
