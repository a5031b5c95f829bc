import OTLintCore
import SwiftSyntax

/// OTL502: a manually started span that is not ended on every path out of its scope.
///
/// Judged only when the span stays local: bound with `let`/`var` to a name that is afterwards used only through
/// member calls (`span.setStatus`, `span.end()`). A span that escapes — returned, stored, passed as an argument,
/// or captured by a closure — is ended somewhere this file cannot see, so it is not judged.
struct SpanNotEndedRule: SwiftRule {
    static let id = "OTL502"
    // Tests inspect unfinished spans on in-memory tracers on purpose; nothing they start is exported.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        model.spanStarts.filter { $0.lifetime == .manual }.compactMap { check($0, model) }
    }

    private func check(_ start: SpanStart, _ model: SwiftSourceModel) -> Diagnostic? {
        // Climb over `try`/`await` to the statement or binding that holds the call.
        var node = Syntax(start.call)
        while let parent = node.parent, parent.is(TryExprSyntax.self) || parent.is(AwaitExprSyntax.self) { node = parent }
        if let statement = node.parent?.as(CodeBlockItemSyntax.self), isImplicitReturn(statement) { return nil }
        if node.parent?.is(CodeBlockItemSyntax.self) == true || isDiscardAssignment(node) {
            return model.diagnostic(
                Self.id, at: start.calleeToken,
                message: "the span started here is thrown away, so it is never ended and never exported",
                help: "use `withSpan(...) { span in ... }` (or `withActiveSpan`), which ends the span for you, or keep the span and call `end()` on it"
            )
        }
        guard let initializer = node.parent?.as(InitializerClauseSyntax.self),
              let binding = initializer.parent?.as(PatternBindingSyntax.self),
              let identifier = binding.pattern.as(IdentifierPatternSyntax.self),
              let declaration = binding.parent?.parent?.as(VariableDeclSyntax.self),
              let item = declaration.parent?.as(CodeBlockItemSyntax.self),
              let list = item.parent?.as(CodeBlockItemListSyntax.self),
              isLocalScope(list, model)
        else { return nil }
        let name = identifier.identifier.text
        let rest = Array(list).filter { $0.startOffset > item.startOffset }

        // Every use of the name after the declaration.
        var endCalls: [FunctionCallExprSyntax] = []
        var endedByDefer = false
        for statement in rest {
            for reference in statement.descendants(DeclReferenceExprSyntax.self) where reference.baseName.text == name {
                if isInsideNestedCode(reference, below: list) {
                    // `defer { span.end() }` runs on every exit; anything else in a closure or local function is
                    // outside what this file can follow.
                    if reference.ancestor(DeferStmtSyntax.self).map({ $0.isDescendant(of: list) }) == true,
                       endCall(of: reference) != nil {
                        endedByDefer = true
                        continue
                    }
                    return nil
                }
                guard let member = reference.parent?.as(MemberAccessExprSyntax.self), member.base?.id == reference.id else {
                    return nil  // escapes: returned, stored, passed on
                }
                if let call = endCall(of: reference) {
                    if call.ancestor(DeferStmtSyntax.self)?.isDescendant(of: list) == true { endedByDefer = true }
                    endCalls.append(call)
                }
            }
        }
        if endedByDefer { return nil }

        let startRelated = model.related(start.calleeToken, "`\(name)` is started here")
        if endCalls.isEmpty {
            return model.diagnostic(
                Self.id, at: identifier.identifier,
                message: "span `\(name)` is started but never ended, so it is never exported",
                help: "add `defer { \(name).end() }` right after the start, or use `withSpan(...) { \(name) in ... }`",
                related: [startRelated],
                fix: deferFix(name: name, after: item, removing: [], model)
            )
        }
        let exits = exitPoints(in: rest, list: list).filter { !isDominatedByEnd($0, name: name, list: list, declaration: item) }
        guard let firstExit = exits.first else { return nil }
        let exitName = describe(firstExit)
        let others = exits.count > 1 ? " (and \(exits.count - 1) more exit\(exits.count == 2 ? "" : "s"))" : ""
        return model.diagnostic(
            Self.id, at: exitToken(firstExit),
            message: "\(exitName) leaves span `\(name)` without ending it\(others): `\(name).end()` is only called on other paths",
            why: "a span that is not ended is never exported; on this path the trace loses `\(name)` and every child span that points to it",
            help: "end the span on every path with `defer { \(name).end() }` right after it is started",
            related: [startRelated] + exits.dropFirst().map { model.related(exitToken($0), "another exit that skips `\(name).end()`") },
            fix: deferFix(name: name, after: item, removing: endCalls, model)
        )
    }

    /// The only statement of a function, getter or closure body is its return value (`func f() -> any Span { startSpan("x") }`).
    private func isImplicitReturn(_ statement: CodeBlockItemSyntax) -> Bool {
        guard let list = statement.parent?.as(CodeBlockItemListSyntax.self), list.count == 1 else { return false }
        if list.parent?.is(ClosureExprSyntax.self) == true || list.parent?.is(AccessorBlockSyntax.self) == true { return true }
        guard let block = list.parent?.as(CodeBlockSyntax.self) else { return false }
        return block.parent?.is(FunctionDeclSyntax.self) == true || block.parent?.is(AccessorDeclSyntax.self) == true
    }

    /// `_ = tracer.startSpan("x")`.
    private func isDiscardAssignment(_ node: Syntax) -> Bool {
        guard let sequence = node.parent?.as(ExprListSyntax.self)?.parent?.as(SequenceExprSyntax.self) else { return false }
        let elements = Array(sequence.elements)
        return elements.count == 3 && elements[0].is(DiscardAssignmentExprSyntax.self)
            && elements[1].is(AssignmentExprSyntax.self) && elements[2].id == node.id
            && sequence.parent?.is(CodeBlockItemSyntax.self) == true
    }

    /// Function bodies, closure bodies and statement blocks; top-level code only in `main.swift`.
    private func isLocalScope(_ list: CodeBlockItemListSyntax, _ model: SwiftSourceModel) -> Bool {
        if list.parent?.is(SourceFileSyntax.self) == true { return model.file.path.hasSuffix("main.swift") }
        return true
    }

    private func isInsideNestedCode(_ node: some SyntaxProtocol, below list: CodeBlockItemListSyntax) -> Bool {
        var current = node.parent
        while let parent = current, parent.id != list.id {
            if parent.isFunctionBoundary || parent.is(DeferStmtSyntax.self) { return true }
            current = parent.parent
        }
        return false
    }

    /// `span.end()`, `span.end(at:)`, `span.end(time:)` on this reference.
    private func endCall(of reference: DeclReferenceExprSyntax) -> FunctionCallExprSyntax? {
        guard let member = reference.parent?.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "end",
              let call = member.parent?.as(FunctionCallExprSyntax.self), call.calledExpression.id == member.id
        else { return nil }
        return call
    }

    // MARK: - Exits

    /// `return`, `throw`, a `try` that is not caught, and `break`/`continue` that leave the span's scope.
    private func exitPoints(in rest: [CodeBlockItemSyntax], list: CodeBlockItemListSyntax) -> [Syntax] {
        var exits: [Syntax] = []
        for statement in rest {
            func visit(_ node: Syntax) {
                for child in node.children(viewMode: .sourceAccurate) {
                    if child.isFunctionBoundary || child.is(DeferStmtSyntax.self) { continue }
                    if child.is(ReturnStmtSyntax.self) || child.is(ThrowStmtSyntax.self) {
                        exits.append(child)
                    } else if let tryExpr = child.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil,
                              !isCaught(tryExpr, within: list) {
                        exits.append(child)
                    } else if let breakStmt = child.as(BreakStmtSyntax.self), breakStmt.label == nil,
                              leavesScope(child, list: list, breakable: true) {
                        exits.append(child)
                    } else if let continueStmt = child.as(ContinueStmtSyntax.self), continueStmt.label == nil,
                              leavesScope(child, list: list, breakable: false) {
                        exits.append(child)
                    }
                    visit(child)
                }
            }
            visit(Syntax(statement))
        }
        return exits
    }

    /// A `try` inside a `do` (below the span's scope) that has a catch-all clause.
    private func isCaught(_ tryExpr: TryExprSyntax, within list: CodeBlockItemListSyntax) -> Bool {
        var current = tryExpr.parent
        while let node = current, node.id != list.id {
            if let body = node.as(CodeBlockSyntax.self), let doStmt = body.parent?.as(DoStmtSyntax.self), doStmt.body.id == body.id {
                if doStmt.catchClauses.contains(where: { $0.catchItems.isEmpty || $0.catchItems.contains { $0.pattern == nil && $0.whereClause == nil } }) {
                    return true
                }
            }
            current = node.parent
        }
        return false
    }

    /// Whether an unlabeled `break`/`continue` targets a loop (or `switch`) outside the span's scope.
    private func leavesScope(_ node: Syntax, list: CodeBlockItemListSyntax, breakable: Bool) -> Bool {
        var current = node.parent
        while let parent = current {
            if parent.id == list.id { return true }
            if parent.is(ForStmtSyntax.self) || parent.is(WhileStmtSyntax.self) || parent.is(RepeatStmtSyntax.self) { return false }
            if breakable && (parent.is(SwitchExprSyntax.self)) { return false }
            current = parent.parent
        }
        return true
    }

    /// An exit is covered when `name.end()` is a statement of one of the blocks enclosing it, before it.
    private func isDominatedByEnd(_ exit: Syntax, name: String, list: CodeBlockItemListSyntax, declaration: CodeBlockItemSyntax) -> Bool {
        var current: Syntax = exit
        while let parent = current.parent {
            if let block = parent.as(CodeBlockItemListSyntax.self), let item = current.as(CodeBlockItemSyntax.self) {
                for statement in block where statement.startOffset < item.startOffset {
                    if block.id == list.id && statement.startOffset <= declaration.startOffset { continue }
                    if isEndStatement(statement, name: name) { return true }
                }
                if block.id == list.id { return false }
            }
            // `return span.end()`-style shapes are rare; a `throw`/`return` whose own expression ends the span is fine.
            current = parent
        }
        return false
    }

    private func isEndStatement(_ statement: CodeBlockItemSyntax, name: String) -> Bool {
        guard let call = statement.item.as(ExprSyntax.self)?.unwrappingEffects.as(FunctionCallExprSyntax.self),
              let member = call.calledExpression.as(MemberAccessExprSyntax.self),
              member.declName.baseName.text == "end",
              member.base?.as(DeclReferenceExprSyntax.self)?.baseName.text == name
        else { return false }
        return true
    }

    private func describe(_ exit: Syntax) -> String {
        if exit.is(ReturnStmtSyntax.self) { return "this `return`" }
        if exit.is(ThrowStmtSyntax.self) { return "this `throw`" }
        if exit.is(TryExprSyntax.self) { return "an error thrown here" }
        if exit.is(BreakStmtSyntax.self) { return "this `break`" }
        return "this `continue`"
    }

    private func exitToken(_ exit: Syntax) -> TokenSyntax {
        exit.firstToken(viewMode: .sourceAccurate)!
    }

    // MARK: - Fix

    /// Inserts `defer { name.end() }` on the line after the declaration and removes the explicit `name.end()`
    /// statements it replaces. Offered only when every explicit end is a plain `name.end()` on a line of its own.
    private func deferFix(name: String, after item: CodeBlockItemSyntax, removing endCalls: [FunctionCallExprSyntax],
                          _ model: SwiftSourceModel) -> Fix? {
        let file = model.file
        var edits: [TextEdit] = []
        for call in endCalls {
            guard call.arguments.isEmpty, call.trailingClosure == nil,
                  let statement = call.parent?.as(CodeBlockItemSyntax.self),
                  let lineRange = wholeLineRange(of: statement, file)
            else { return nil }
            edits.append(TextEdit(path: file.path, range: lineRange, replacement: ""))
        }
        let end = item.endOffset
        var lineEnd = end
        while lineEnd < file.bytes.count, file.bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let indent = model.indentation(ofLineAt: item.startOffset)
        edits.append(TextEdit(path: file.path, range: ByteRange(lineEnd, lineEnd), replacement: "\n\(indent)defer { \(name).end() }"))
        return Fix(title: "end `\(name)` on every path with `defer { \(name).end() }`", edits: edits, applicability: .unsafe)
    }

    /// The range of the lines a statement occupies, including the line break, when nothing else is on them.
    private func wholeLineRange(of statement: CodeBlockItemSyntax, _ file: SourceFile) -> ByteRange? {
        let firstLine = file.lineIndex(containing: statement.startOffset)
        let lastLine = file.lineIndex(containing: max(statement.endOffset - 1, statement.startOffset))
        let lineStart = file.lineStarts[firstLine]
        let lineEnd = lastLine + 1 < file.lineStarts.count ? file.lineStarts[lastLine + 1] : file.bytes.count
        let before = file.slice(ByteRange(lineStart, statement.startOffset))
        let after = file.slice(ByteRange(statement.endOffset, lineEnd))
        guard before.allSatisfy({ $0 == " " || $0 == "\t" }),
              after.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return nil }
        return ByteRange(lineStart, lineEnd)
    }
}
