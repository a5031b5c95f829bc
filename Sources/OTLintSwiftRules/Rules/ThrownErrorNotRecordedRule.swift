import OTLintCore
import SwiftSyntax

/// OTL505: opentelemetry-swift `withActiveSpan` / `withStartedSpan` closures that throw without recording.
///
/// Unlike swift-distributed-tracing's `withSpan`, these end the span on the way out but neither record the error
/// nor set an error status: the failed operation is exported as a successful span.
struct ThrownErrorNotRecordedRule: SwiftRule {
    static let id = "OTL505"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for start in model.spanStarts where start.ecosystem == .openTelemetrySwift && start.lifetime == .scoped {
            guard let closure = start.body, isTried(start.call) else { continue }
            let throwing = throwingPoints(in: closure)
            guard let first = throwing.first, !recordsErrors(closure) else { continue }
            let name = start.calleeToken.text
            diagnostics.append(model.diagnostic(
                Self.id, at: start.calleeToken,
                message: "an error thrown out of `\(name)` is not recorded: the span ends with status unset, as if the operation succeeded",
                why: "opentelemetry-swift's `\(name)` ends the span when the closure throws but neither calls `recordException` nor sets `status`",
                help: "wrap the body in `do { ... } catch { span.status = .error(description: \"\\(error)\"); (span as? Span)?.recordException(error); throw error }`",
                related: [model.related(first, "the error can leave the closure here")]
            ))
        }
        return diagnostics
    }

    /// `try tracer.spanBuilder(...).withActiveSpan { ... }`: only then can the closure throw.
    private func isTried(_ call: FunctionCallExprSyntax) -> Bool {
        var node = Syntax(call)
        while let parent = node.parent {
            if parent.is(TryExprSyntax.self) { return parent.as(TryExprSyntax.self)?.questionOrExclamationMark == nil }
            if parent.is(AwaitExprSyntax.self) { node = parent; continue }
            return false
        }
        return false
    }

    /// `throw` statements and `try` expressions that can leave the closure (not inside a `do` with a catch-all).
    private func throwingPoints(in closure: ClosureExprSyntax) -> [Syntax] {
        var result: [Syntax] = []
        func visit(_ node: Syntax) {
            for child in node.children(viewMode: .sourceAccurate) {
                if child.isFunctionBoundary { continue }
                if child.is(ThrowStmtSyntax.self) && !isCaught(child, in: closure) { result.append(child) }
                if let tryExpr = child.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil, !isCaught(child, in: closure) {
                    result.append(child)
                }
                visit(child)
            }
        }
        visit(Syntax(closure.statements))
        return result
    }

    private func isCaught(_ node: Syntax, in closure: ClosureExprSyntax) -> Bool {
        var current = node.parent
        while let parent = current, parent.id != closure.id {
            if let body = parent.as(CodeBlockSyntax.self), let doStmt = body.parent?.as(DoStmtSyntax.self), doStmt.body.id == body.id,
               doStmt.catchClauses.contains(where: { $0.catchItems.isEmpty }) {
                return true
            }
            current = parent.parent
        }
        return false
    }

    /// The closure records failures itself: `recordException`, or an assignment to `status`.
    private func recordsErrors(_ closure: ClosureExprSyntax) -> Bool {
        for call in closure.descendants(FunctionCallExprSyntax.self) where call.calleeName == "recordException" { return true }
        for member in closure.descendants(MemberAccessExprSyntax.self) where member.declName.baseName.text == "status" {
            if let sequence = member.parent?.parent?.as(SequenceExprSyntax.self),
               sequence.elements.dropFirst().first?.is(AssignmentExprSyntax.self) == true {
                return true
            }
        }
        return false
    }
}
