import OTLintCore
import SwiftSyntax

/// OTL503: an error caught inside a span, treated as a failure (logged as an error, answered with a 5xx), but
/// neither recorded on the span nor marked as its status.
///
/// Catching an error and recovering is often right and is not reported; the rule needs the code's own evidence
/// that the error is a failure, so the span stays "successful" only where the code disagrees with itself.
struct ErrorNotRecordedRule: SwiftRule {
    static let id = "OTL503"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let starts = model.spanStarts
        for catchClause in model.nodes.catchClauses {
            guard let scope = spanScope(of: catchClause, starts: starts, model: model) else { continue }
            let body = catchClause.body
            if throwsAgain(body) || records(body) { continue }
            guard let evidence = failureEvidence(in: body) else { continue }
            var fix: Fix?
            if let spanName = scope.spanName, spanName != "_", spanName != "$0", catchClause.catchItems.isEmpty,
               let firstStatement = body.statements.first {
                let indent = model.indentation(ofLineAt: firstStatement.startOffset)
                let line = scope.ecosystem == .openTelemetrySwift
                    ? "\(spanName).status = .error(description: \"\\(error)\")"
                    : "\(spanName).recordError(error)\n\(indent)\(spanName).setStatus(SpanStatus(code: .error))"
                let offset = model.file.lineStarts[model.file.lineIndex(containing: firstStatement.startOffset)]
                if model.file.slice(ByteRange(offset, firstStatement.startOffset)).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fix = Fix(
                        title: "record the error on `\(spanName)`",
                        edits: [TextEdit(path: model.file.path, range: ByteRange(offset, offset), replacement: "\(indent)\(line)\n")],
                        applicability: .unsafe
                    )
                }
            }
            let spanText = scope.spanName.map { $0 == "_" || $0 == "$0" ? "the span" : "span `\($0)`" } ?? "the span"
            let recordHint = scope.ecosystem == .openTelemetrySwift
                ? "set `span.status = .error(description: \"\\(error)\")` and call `(span as? Span)?.recordException(error)`"
                : "call `span.recordError(error)` and `span.setStatus(SpanStatus(code: .error))`"
            diagnostics.append(model.diagnostic(
                Self.id, at: catchClause.catchKeyword,
                message: "this error is \(evidence.description) but not recorded on \(spanText), which is exported as successful",
                why: "the span's status stays unset and it has no exception event, so error rates and error traces miss this failure",
                help: recordHint + (scope.spanName == "_" ? " (name the closure parameter instead of `_`)" : ""),
                related: [model.related(evidence.node, "the code treats the error as a failure here"),
                          model.related(scope.startToken, "the span is started here")],
                fix: fix
            ))
        }
        return diagnostics
    }

    struct Scope {
        let spanName: String?
        let ecosystem: SwiftEcosystems
        let startToken: TokenSyntax
    }

    /// The span the catch clause runs inside: the closure of a scoped span start (the nearest enclosing closure),
    /// or a span started by hand earlier in the same function body.
    private func spanScope(of catchClause: CatchClauseSyntax, starts: [SpanStart], model: SwiftSourceModel) -> Scope? {
        var current = catchClause.parent
        while let node = current {
            if let closure = node.as(ClosureExprSyntax.self) {
                if let start = starts.first(where: { $0.body?.id == closure.id }) {
                    return Scope(spanName: closure.firstParameterName, ecosystem: start.ecosystem, startToken: start.calleeToken)
                }
                return manualSpan(before: catchClause, in: Syntax(closure), starts: starts)
            }
            if node.isFunctionBoundary { return manualSpan(before: catchClause, in: node, starts: starts) }
            current = node.parent
        }
        return nil
    }

    private func manualSpan(before catchClause: CatchClauseSyntax, in body: Syntax, starts: [SpanStart]) -> Scope? {
        for start in starts where start.lifetime == .manual && start.call.isDescendant(of: body)
            && start.call.endOffset < catchClause.startOffset {
            guard let binding = start.call.ancestor(PatternBindingSyntax.self),
                  let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
                  innermostBoundary(of: start.call)?.id == body.id,
                  !isEnded(name, between: start.call.endOffset, and: catchClause.startOffset, in: body)
            else { continue }
            return Scope(spanName: name, ecosystem: start.ecosystem, startToken: start.calleeToken)
        }
        return nil
    }

    /// `name.end()` (not in a `defer`) between the start and the catch: the span is over before the error.
    private func isEnded(_ name: String, between start: Int, and end: Int, in body: Syntax) -> Bool {
        body.descendants(FunctionCallExprSyntax.self).contains { call in
            guard call.startOffset > start, call.startOffset < end, call.calleeName == "end",
                  call.receiver?.memberPath == [name] else { return false }
            return call.ancestor(DeferStmtSyntax.self) == nil
        }
    }

    private func innermostBoundary(of node: some SyntaxProtocol) -> Syntax? {
        var current = node.parent
        while let parent = current {
            if parent.isFunctionBoundary { return parent }
            current = parent.parent
        }
        return nil
    }

    private func throwsAgain(_ body: CodeBlockSyntax) -> Bool {
        !body.descendants(ThrowStmtSyntax.self, stoppingAt: { $0.isFunctionBoundary }).isEmpty
    }

    private func records(_ body: CodeBlockSyntax) -> Bool {
        let recording: Set<String> = ["recordError", "recordException", "setStatus", "putHttpStatusCode"]
        if body.descendants(FunctionCallExprSyntax.self).contains(where: { recording.contains($0.calleeName ?? "") }) { return true }
        return body.descendants(MemberAccessExprSyntax.self).contains { member in
            member.declName.baseName.text == "status"
                && member.parent?.parent?.as(SequenceExprSyntax.self)?.elements.dropFirst().first?.is(AssignmentExprSyntax.self) == true
        }
    }

    struct Evidence {
        let node: Syntax
        let description: String
    }

    /// `logger.error(...)` / `.critical` / `.fault`, or a 5xx response.
    private func failureEvidence(in body: CodeBlockSyntax) -> Evidence? {
        for call in body.descendants(FunctionCallExprSyntax.self, stoppingAt: { $0.isFunctionBoundary }) {
            guard let name = call.calleeName, ["error", "critical", "fault"].contains(name),
                  let receiver = call.receiver?.memberPath?.last?.lowercased(),
                  receiver.contains("logger") || receiver == "log"
            else { continue }
            return Evidence(node: Syntax(call), description: "logged with `\(name)`")
        }
        let serverErrors: Set<String> = ["internalServerError", "badGateway", "serviceUnavailable", "gatewayTimeout"]
        for member in body.descendants(MemberAccessExprSyntax.self, stoppingAt: { $0.isFunctionBoundary })
        where serverErrors.contains(member.declName.baseName.text) {
            return Evidence(node: Syntax(member), description: "answered with `.\(member.declName.baseName.text)`")
        }
        return nil
    }
}
