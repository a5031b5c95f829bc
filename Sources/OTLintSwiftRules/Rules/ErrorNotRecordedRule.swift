import OTLintCore
import SwiftSyntax

/// OTL503: an error caught inside a span that the span never hears about.
///
/// Catching an error and recovering is often right and is not reported; the rule needs the code's own evidence
/// that the error is a failure, so the span stays "successful" only where the code disagrees with itself. Three
/// kinds of evidence:
///
/// - the error is treated as a failure: logged with `logger.error` / `critical` / `fault`, or answered with a 5xx;
/// - the error is swallowed: printed, or logged below error level, and then the span's work ends as if it
///   succeeded (see `swallowedEvidence` in `SwallowedError.swift` for every condition: this is where precision is
///   won or lost);
/// - the error is thrown out of a function whose span was started by hand and is ended by a `defer`: nothing
///   records a thrown error on such a span, unlike `withSpan`, which records what escapes its closure.
///
/// A catch that mentions cancellation (`catch is CancellationError`, `error is CancellationError`,
/// `Task.isCancelled`) is never reported: a cancelled task is not a failed operation.
struct ErrorNotRecordedRule: SwiftRule {
    static let id = "OTL503"

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let starts = model.spanStarts
        for catchClause in model.nodes.catchClauses {
            guard let scope = spanScope(of: catchClause, starts: starts, model: model) else { continue }
            let body = catchClause.body
            if records(body) || mentionsCancellation(catchClause) { continue }
            let errorName = caughtErrorName(catchClause)
            let evidence: Evidence
            if throwsAgain(body) {
                guard let escaping = escapingThrow(from: catchClause, scope: scope) else { continue }
                evidence = escaping
            } else if let failure = failureEvidence(in: body) {
                evidence = failure
            } else if let errorName, let swallowed = swallowedEvidence(catchClause, errorName: errorName, scope: scope) {
                evidence = swallowed
            } else {
                continue
            }
            let spanText = scope.spanName.map { $0 == "_" || $0 == "$0" ? "the span" : "span `\($0)`" } ?? "the span"
            let named = scope.spanName.flatMap { $0 == "_" || $0 == "$0" ? nil : $0 } ?? "span"
            let span = scope.isOptional ? named + "?" : named
            let error = errorName ?? "error"
            let recordHint = scope.ecosystem == .openTelemetrySwift
                ? "set `\(span).status = .error(description: \"\\(\(error))\")` and call `(\(named) as? Span)?.recordException(\(error))`"
                : "call `\(span).recordError(\(error))` and `\(span).setStatus(SpanStatus(code: .error))`"
            diagnostics.append(model.diagnostic(
                Self.id, at: catchClause.catchKeyword,
                message: "this error is \(evidence.description) but not recorded on \(spanText), which is exported as successful",
                why: "the span's status stays unset and it has no exception event, so error rates and error traces miss this failure",
                help: recordHint + (scope.spanName == "_" ? " (name the closure parameter instead of `_`)" : ""),
                related: [model.related(evidence.node, evidence.note),
                          model.related(scope.startToken, "the span is started here")],
                fix: fix(for: catchClause, errorName: errorName, scope: scope, model: model)
            ))
        }
        return diagnostics
    }

    /// Inserts the record lines at the start of the catch block, when the span and the error have names the
    /// block can use.
    private func fix(for catchClause: CatchClauseSyntax, errorName: String?, scope: Scope, model: SwiftSourceModel) -> Fix? {
        guard let spanName = scope.spanName, spanName != "_", spanName != "$0", let errorName, scope.fixReaches(catchClause),
              let firstStatement = catchClause.body.statements.first
        else { return nil }
        let indent = model.indentation(ofLineAt: firstStatement.startOffset)
        let receiver = scope.isOptional ? "\(spanName)?" : spanName
        let line = scope.ecosystem == .openTelemetrySwift
            ? "\(receiver).status = .error(description: \"\\(\(errorName))\")"
            : "\(receiver).recordError(\(errorName))\n\(indent)\(receiver).setStatus(SpanStatus(code: .error))"
        let offset = model.file.lineStarts[model.file.lineIndex(containing: firstStatement.startOffset)]
        guard model.file.slice(ByteRange(offset, firstStatement.startOffset)).allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        return Fix(
            title: "record the error on `\(spanName)`",
            edits: [TextEdit(path: model.file.path, range: ByteRange(offset, offset), replacement: "\(indent)\(line)\n")],
            applicability: .unsafe
        )
    }

    struct Scope {
        let spanName: String?
        let ecosystem: SwiftEcosystems
        let startToken: TokenSyntax
        /// The closure or function whose code runs inside the span.
        let boundary: Syntax
        /// `startSpan` (the caller ends the span) rather than a closure API.
        let isManual: Bool
        /// `let span = tracer?.startSpan(...)`: the span is optional.
        var isOptional = false
        /// The `#if` clause the span is declared in, if any.
        var ifConfigClause: IfConfigClauseSyntax?

        /// A span declared inside `#if` is named only where that clause also holds.
        func fixReaches(_ node: some SyntaxProtocol) -> Bool {
            guard let ifConfigClause else { return true }
            return node.isDescendant(of: ifConfigClause)
        }
    }

    /// The span the catch clause runs inside: the closure of a scoped span start (the nearest enclosing closure),
    /// or a span started by hand earlier in the same function body.
    private func spanScope(of catchClause: CatchClauseSyntax, starts: [SpanStart], model: SwiftSourceModel) -> Scope? {
        var current = catchClause.parent
        while let node = current {
            if let closure = node.as(ClosureExprSyntax.self) {
                if let start = starts.first(where: { $0.body?.id == closure.id }) {
                    return Scope(spanName: closure.firstParameterName, ecosystem: start.ecosystem, startToken: start.calleeToken,
                                 boundary: Syntax(closure), isManual: false)
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
            var scope = Scope(spanName: name, ecosystem: start.ecosystem, startToken: start.calleeToken, boundary: body, isManual: true)
            scope.isOptional = binding.typeAnnotation?.type.is(OptionalTypeSyntax.self) == true
                || !start.call.calledExpression.descendants(OptionalChainingExprSyntax.self).isEmpty
            scope.ifConfigClause = start.call.ancestor(IfConfigClauseSyntax.self)
            return scope
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

    /// `catch is CancellationError`, `error is CancellationError`, `Task.isCancelled`, `Task.checkCancellation()`,
    /// `.cancelled`: the code knows the task may have been cancelled, which is not a failure of the span's work.
    private func mentionsCancellation(_ catchClause: CatchClauseSyntax) -> Bool {
        let cancellationWords: Set<String> = ["cancellation", "cancelled", "canceled"]
        return catchClause.tokens(viewMode: .sourceAccurate).contains { token in
            guard case .identifier = token.tokenKind else { return false }
            return identifierWords(token.text).contains(where: cancellationWords.contains)
        }
    }

    /// The name the caught error has in the block: `error` for a bare `catch`, `e` for `catch let e`; nil for a
    /// catch with a pattern (`catch is NotFound`, `catch let e as DecodingError`, `catch Store.Error.missing`),
    /// which picks errors the code expected.
    private func caughtErrorName(_ catchClause: CatchClauseSyntax) -> String? {
        if catchClause.catchItems.isEmpty { return "error" }
        guard catchClause.catchItems.count == 1, let item = catchClause.catchItems.first, item.whereClause == nil,
              let binding = item.pattern?.as(ValueBindingPatternSyntax.self),
              let identifier = binding.pattern.as(IdentifierPatternSyntax.self)
        else { return nil }
        return identifier.identifier.text
    }

    struct Evidence {
        let node: Syntax
        let description: String
        let note: String
    }

    /// `logger.error(...)` / `.critical` / `.fault`, or a 5xx response.
    private func failureEvidence(in body: CodeBlockSyntax) -> Evidence? {
        for call in body.descendants(FunctionCallExprSyntax.self, stoppingAt: { $0.isFunctionBoundary }) {
            guard let name = call.calleeName, ["error", "critical", "fault"].contains(name), isLoggerCall(call) else { continue }
            return Evidence(node: Syntax(call), description: "logged with `\(name)`", note: "the code treats the error as a failure here")
        }
        for member in body.descendants(MemberAccessExprSyntax.self, stoppingAt: { $0.isFunctionBoundary })
        where Self.serverErrors.contains(member.declName.baseName.text) {
            return Evidence(node: Syntax(member), description: "answered with `.\(member.declName.baseName.text)`",
                            note: "the code treats the error as a failure here")
        }
        return nil
    }

    private static let serverErrors: Set<String> = ["internalServerError", "badGateway", "serviceUnavailable", "gatewayTimeout"]

    func isLoggerCall(_ call: FunctionCallExprSyntax) -> Bool {
        guard let receiver = call.receiver else { return false }
        if let last = receiver.memberPath?.last?.lowercased() { return last.contains("logger") || last == "log" }
        // `Logger(subsystem: ..., category: ...).warning(...)` (os)
        return receiver.as(FunctionCallExprSyntax.self)?.calleeName == "Logger"
    }

    /// A thrown error that leaves a function whose span was started by hand and is ended by `defer`: the span
    /// ends with the error unrecorded. Inside `withSpan` (and the other closure APIs) the library records what
    /// escapes the closure, so a rethrow there is fine. An enclosing `do` in the same function catches the error
    /// again and is judged on its own.
    private func escapingThrow(from catchClause: CatchClauseSyntax, scope: Scope) -> Evidence? {
        guard scope.isManual, let spanName = scope.spanName, isEndedByDefer(spanName, in: scope.boundary) else { return nil }
        var current = catchClause.parent
        while let node = current, node.id != scope.boundary.id {
            if let doStmt = node.as(DoStmtSyntax.self), !doStmt.catchClauses.isEmpty,
               catchClause.isDescendant(of: doStmt.body) { return nil }
            current = node.parent
        }
        guard let thrown = catchClause.body.descendants(ThrowStmtSyntax.self, stoppingAt: { $0.isFunctionBoundary }).first
        else { return nil }
        return Evidence(node: Syntax(thrown), description: "thrown out of the function",
                        note: "the error leaves the function here; the `defer` ends the span without it")
    }

    private func isEndedByDefer(_ name: String, in boundary: Syntax) -> Bool {
        boundary.descendants(DeferStmtSyntax.self, stoppingAt: { $0.id != boundary.id && $0.isFunctionBoundary }).contains { deferStmt in
            deferStmt.body.descendants(FunctionCallExprSyntax.self).contains {
                $0.calleeName == "end" && $0.receiver?.memberPath == [name]
            }
        }
    }
}
