import SwiftSyntax

/// OTL503's evidence that a caught error was swallowed: printed or logged below error level, and then the span's
/// work ends as if it had succeeded.
extension ErrorNotRecordedRule {
    /// The caught error is printed or logged below error level, and then the span's work ends as if it had
    /// succeeded. Each condition below keeps a recovery the code intends out of the report; a missed finding
    /// costs less than a wrong one.
    ///
    /// - The error itself is printed or logged (`print("sync failed: \(error)")`, `metadata: ["error": "\(error)"]`).
    ///   A message without the error (`logger.warning("cache miss")`, `print("retrying")`) reads like an outcome
    ///   the code expects.
    /// - Levels: `print`, `debugPrint`, `NSLog`, `os_log` (unless its type is `.debug` / `.info`), and
    ///   `logger.warning` / `notice` / `info` / `log(level:)` at those levels. `debug` and `trace` stay quiet: a
    ///   caught error logged only for debugging is how code marks an outcome as expected (a probe that may fail,
    ///   an optional value that did not decode, a best-effort cleanup), and production runs drop those levels.
    /// - The log call is the error's only use: an error returned (`return .failure(error)`), stored, resumed into a
    ///   continuation, or inspected (`error as? HTTPError`) is handed on or handled, not swallowed.
    /// - The catch ends the span's work: it returns, or its `do` is the last statement of the span's closure (or of
    ///   the function, for a span started by hand). A logged error followed by more work is a best-effort step
    ///   (a cache write, a metric push) whose failure the operation survives. What it returns is a constant
    ///   (`nil`, `false`, `[]`, `.empty`) or nothing: a computed value is a fallback.
    /// - No retry or fallback: not inside a loop in the span (retries, per-item processing that skips a bad item),
    ///   no `try` in the catch (a second attempt), no name or message with retry / attempt / backoff / fallback /
    ///   ignore / skip.
    /// - The `do` block is not a lookup: no call or receiver named like cache / find / lookup / get / optional /
    ///   exists / present, where a miss is an expected answer.
    /// - A returned 4xx response (`.badRequest`, `.notFound`): a client error is not a server span failure.
    ///
    /// Returning a default without printing or logging (`catch { return nil }`, `return []`, `return false`) is
    /// deliberately not evidence: it is the spelled-out form of `try? f()` / `(try? f()) ?? []`, the idiomatic
    /// way to say "absence is a valid answer", and on real code it is mostly exactly that.
    func swallowedEvidence(_ catchClause: CatchClauseSyntax, errorName: String, scope: Scope) -> Evidence? {
        let body = catchClause.body
        guard let doStmt = catchClause.ancestor(DoStmtSyntax.self) else { return nil }
        let reports = body.descendants(FunctionCallExprSyntax.self, stoppingAt: { $0.isFunctionBoundary })
            .compactMap { call in reportDescription(call).map { (call, $0) } }
            .filter { call, _ in mentions(errorName, in: Syntax(call.arguments)) || call.trailingClosure.map { mentions(errorName, in: Syntax($0)) } == true }
        guard let (report, description) = reports.first else { return nil }
        // The error's only uses are inside the reporting calls.
        let uses = body.descendants(DeclReferenceExprSyntax.self, stoppingAt: { $0.isFunctionBoundary })
            .filter { isReference(to: errorName, $0) }
        let reportIDs = Set(reports.map { $0.0.id })
        guard uses.allSatisfy({ use in ancestorCall(of: use, in: reportIDs, stoppingAt: body.id) }) else { return nil }
        // A returned value other than a constant is a fallback (`return staleCopy`, `return plainExporter`).
        let returns = body.descendants(ReturnStmtSyntax.self, stoppingAt: { $0.isFunctionBoundary })
        guard returns.allSatisfy({ $0.expression.map(isConstant) ?? true }),
              endsTheWork(catchClause, doStmt: doStmt, scope: scope),
              !isInLoop(catchClause, scope: scope),
              !retriesOrFallsBack(body),
              !isLookup(doStmt.body),
              !answersClientError(body)
        else { return nil }
        return Evidence(node: Syntax(report), description: description,
                        note: "the error is reported here, then the span's work ends as if it succeeded")
    }

    /// "printed" / "logged at `warning` level" for a call that prints or logs below error level; nil otherwise.
    private func reportDescription(_ call: FunctionCallExprSyntax) -> String? {
        guard let name = call.calleeName else { return nil }
        if call.receiver == nil || call.receiver?.memberPath == ["Swift"] {
            switch name {
            case "print", "debugPrint": return "printed"
            case "NSLog": return "logged with `NSLog`"
            case "os_log":
                let quiet: Set<String> = ["debug", "info"]
                let types = call.arguments.compactMap { $0.expression.as(MemberAccessExprSyntax.self)?.declName.baseName.text }
                return types.contains(where: quiet.contains) ? nil : "logged with `os_log`"
            default: return nil
            }
        }
        guard isLoggerCall(call) else { return nil }
        let reported: Set<String> = ["warning", "notice", "info"]
        if reported.contains(name) { return "logged at `\(name)` level" }
        if name == "log" {
            // swift-log `log(level: .warning, ...)`, os `log(level: .error, ...)`, os `log("...")` (default level).
            guard let level = call.argument("level") else { return "logged" }
            let levelName = level.expression.as(MemberAccessExprSyntax.self)?.declName.baseName.text ?? ""
            if reported.contains(levelName) || ["default", "error", "critical", "fault"].contains(levelName) {
                return "logged at `\(levelName)` level"
            }
        }
        return nil
    }

    private func mentions(_ name: String, in node: Syntax) -> Bool {
        node.descendants(DeclReferenceExprSyntax.self).contains { isReference(to: name, $0) }
    }

    /// `error` as a value, not as the member name in `logger.error` or `.error`.
    private func isReference(to name: String, _ reference: DeclReferenceExprSyntax) -> Bool {
        reference.baseName.text == name && reference.parent?.as(MemberAccessExprSyntax.self)?.declName.id != reference.id
    }

    private func ancestorCall(of node: some SyntaxProtocol, in ids: Set<SyntaxIdentifier>, stoppingAt stop: SyntaxIdentifier) -> Bool {
        var current = node.parent
        while let parent = current, parent.id != stop {
            if ids.contains(parent.id) { return true }
            current = parent.parent
        }
        return false
    }

    /// The catch returns, or its `do` is the last statement of the span's closure or function, followed at most by
    /// `span.end()` and a `return` of a constant (`return nil`, `return false`, `return []`).
    private func endsTheWork(_ catchClause: CatchClauseSyntax, doStmt: DoStmtSyntax, scope: Scope) -> Bool {
        if catchClause.body.statements.contains(where: { $0.item.is(ReturnStmtSyntax.self) }) { return true }
        guard let item = doStmt.parent?.as(CodeBlockItemSyntax.self), let list = item.parent?.as(CodeBlockItemListSyntax.self)
        else { return false }
        let owner = list.parent.flatMap { $0.is(CodeBlockSyntax.self) ? $0.parent : $0 }
        guard owner?.id == scope.boundary.id else { return false }
        let after = list.drop(while: { $0.id != item.id }).dropFirst()
        return after.allSatisfy { statement in
            if let returnStmt = statement.item.as(ReturnStmtSyntax.self) {
                return returnStmt.expression.map(isConstant) ?? true
            }
            guard let call = statement.item.as(FunctionCallExprSyntax.self), let spanName = scope.spanName else { return false }
            return call.calleeName == "end" && call.receiver?.memberPath == [spanName]
        }
    }

    /// `nil`, `false`, `0`, `""`, `[]`, `[:]`, `.none`, `.empty`, `.init()`.
    private func isConstant(_ expression: ExprSyntax) -> Bool {
        if expression.is(NilLiteralExprSyntax.self) || expression.is(BooleanLiteralExprSyntax.self)
            || expression.is(IntegerLiteralExprSyntax.self) || expression.is(FloatLiteralExprSyntax.self) { return true }
        if let string = expression.as(StringLiteralExprSyntax.self) { return string.representedLiteralValue != nil }
        if let array = expression.as(ArrayExprSyntax.self) { return array.elements.isEmpty }
        if let dictionary = expression.as(DictionaryExprSyntax.self) { return dictionary.content.is(TokenSyntax.self) }
        if let member = expression.as(MemberAccessExprSyntax.self) { return member.base == nil }
        if let call = expression.as(FunctionCallExprSyntax.self) {
            return call.arguments.isEmpty && call.trailingClosure == nil
                && call.calledExpression.as(MemberAccessExprSyntax.self).map { $0.base == nil && $0.declName.baseName.text == "init" } == true
        }
        return false
    }

    private func isInLoop(_ catchClause: CatchClauseSyntax, scope: Scope) -> Bool {
        var current = catchClause.parent
        while let node = current, node.id != scope.boundary.id {
            if node.is(ForStmtSyntax.self) || node.is(WhileStmtSyntax.self) || node.is(RepeatStmtSyntax.self) { return true }
            current = node.parent
        }
        return false
    }

    private func retriesOrFallsBack(_ body: CodeBlockSyntax) -> Bool {
        if body.descendants(TryExprSyntax.self, stoppingAt: { $0.isFunctionBoundary }).contains(where: { $0.questionOrExclamationMark == nil }) {
            return true
        }
        let words: Set<String> = ["retry", "retries", "retrying", "attempt", "attempts", "backoff", "fallback", "ignore", "ignoring", "skip", "skipping"]
        for token in body.tokens(viewMode: .sourceAccurate) {
            switch token.tokenKind {
            case .identifier:
                if identifierWords(token.text).contains(where: words.contains) { return true }
            case .stringSegment:
                let text = token.text.lowercased()
                if words.contains(where: text.contains) || text.contains("fall back") || text.contains("falling back") { return true }
            default:
                continue
            }
        }
        return false
    }

    private func isLookup(_ doBody: CodeBlockSyntax) -> Bool {
        let words: Set<String> = ["cache", "cached", "find", "lookup", "get", "optional", "exists", "present"]
        for call in doBody.descendants(FunctionCallExprSyntax.self) {
            var names = [call.calleeName ?? ""]
            if let path = call.receiver?.memberPath { names += path }
            for name in names {
                let nameWords = identifierWords(name)
                if nameWords.contains(where: words.contains) { return true }
                if let look = nameWords.firstIndex(of: "look"), nameWords.dropFirst(look + 1).first == "up" { return true }
            }
        }
        return false
    }

    private func answersClientError(_ body: CodeBlockSyntax) -> Bool {
        let clientErrors: Set<String> = [
            "badRequest", "unauthorized", "paymentRequired", "forbidden", "notFound", "methodNotAllowed", "notAcceptable",
            "requestTimeout", "conflict", "gone", "preconditionFailed", "payloadTooLarge", "contentTooLarge",
            "unsupportedMediaType", "unprocessableEntity", "unprocessableContent", "tooManyRequests",
        ]
        return body.descendants(MemberAccessExprSyntax.self).contains { clientErrors.contains($0.declName.baseName.text) }
    }
}
