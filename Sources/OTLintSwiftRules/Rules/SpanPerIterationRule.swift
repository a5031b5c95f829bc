import OTLintCore
import SwiftSyntax

/// OTL501: a span started once per element of a collection.
struct SpanPerIterationRule: SwiftRule {
    static let id = "OTL501"
    // Tests and benchmarks create spans in loops to exercise the tracer; they export nothing real.
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    /// Collection methods whose closure runs once per element.
    static let perElementMethods: Set<String> = [
        "forEach", "map", "compactMap", "flatMap", "filter", "reduce", "contains", "allSatisfy", "first", "sorted",
        "concurrentMap", "concurrentForEach", "asyncMap", "asyncForEach",
    ]
    /// Calls whose closure runs right away, inside the enclosing loop iteration.
    static let immediateClosureCalls: Set<String> = [
        "withSpan", "withAnySpan", "withActiveSpan", "withStartedSpan", "addTask", "addTaskUnlessCancelled",
        "addDiscardingTask", "withValue", "withTaskGroup", "withThrowingTaskGroup", "withDiscardingTaskGroup",
        "withThrowingDiscardingTaskGroup", "withLock", "sync", "autoreleasepool", "measure",
    ]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for start in model.spanStarts {
            guard let loop = enclosingIteration(of: start.call) else { continue }
            diagnostics.append(model.diagnostic(
                Self.id, at: start.calleeToken,
                message: "a span is started for every element of \(loop.description): as many spans as the collection has elements, in one trace when the loop runs inside a span",
                why: "spans are meant for units of work worth timing on their own; per-element spans inflate traces, exporter traffic and backend cost, and often hit the 128-span-event limits",
                help: "start one span around the whole \(loop.kind) and record per-element details as span events or attributes (a count, the failing element); keep per-element spans only for independent work such as messages of a batch, and then link them to the batch span",
                related: [model.related(loop.node, "the \(loop.kind) that repeats the span")]
            ))
        }
        return diagnostics
    }

    struct Iteration {
        let node: Syntax
        let kind: String
        let description: String
    }

    /// The loop or per-element closure that runs `call` once per element, walking out through closures that run
    /// immediately. Stops (nil) at a function boundary or an escaping closure (a route handler registered in a
    /// loop runs per request, not per iteration).
    private func enclosingIteration(of call: FunctionCallExprSyntax) -> Iteration? {
        var current: Syntax = Syntax(call)
        while let parent = current.parent {
            defer { current = parent }
            if let forStmt = parent.as(ForStmtSyntax.self), current.id == forStmt.body.id {
                return isExemptFor(forStmt) ? nil : Iteration(node: Syntax(forStmt.forKeyword), kind: "`for` loop",
                                                             description: "this `for` loop")
            }
            if let whileStmt = parent.as(WhileStmtSyntax.self), current.id == whileStmt.body.id {
                return isExemptWhile(whileStmt) ? nil : Iteration(node: Syntax(whileStmt.whileKeyword), kind: "`while` loop",
                                                                 description: "this `while` loop")
            }
            if let closure = parent.as(ClosureExprSyntax.self) {
                guard let owner = closureOwner(closure), let name = owner.calleeName else { return nil }
                if Self.perElementMethods.contains(name), owner.receiver != nil {
                    if isSmallLiteralCollection(owner.receiver) { return nil }
                    return Iteration(node: Syntax(owner.calleeToken!), kind: "`\(name)` closure",
                                     description: "this `\(name)` closure")
                }
                if Self.immediateClosureCalls.contains(name) { continue }
                return nil
            }
            if parent.isTypeOrFunctionDeclaration { return nil }
        }
        return nil
    }

    private func closureOwner(_ closure: ClosureExprSyntax) -> FunctionCallExprSyntax? {
        if let call = closure.parent?.as(FunctionCallExprSyntax.self) { return call }  // trailing closure
        if let call = closure.parent?.parent?.as(MultipleTrailingClosureElementListSyntax.self)?.parent?.as(FunctionCallExprSyntax.self) {
            return call
        }
        if let argument = closure.parent?.as(LabeledExprSyntax.self),
           let call = argument.parent?.parent?.as(FunctionCallExprSyntax.self) {
            return call
        }
        return nil
    }

    /// Loops that are not "per element of a collection": `for await` over an async sequence (each element is an
    /// independent unit of work such as a message or request), retry loops (a span per attempt is what the HTTP
    /// conventions ask for), and loops over a handful of literal values.
    private func isExemptFor(_ loop: ForStmtSyntax) -> Bool {
        if loop.awaitKeyword != nil { return true }
        if mentionsRetry(loop.pattern.trimmedDescription + " " + loop.sequence.trimmedDescription) { return true }
        return isSmallLiteralCollection(loop.sequence)
    }

    private func isExemptWhile(_ loop: WhileStmtSyntax) -> Bool {
        let condition = loop.conditions.trimmedDescription
        // `while true`, `while !Task.isCancelled`, `while let next = await queue.next()`: processing loops that
        // handle one independent unit of work per turn.
        if condition == "true" || condition.contains("await") || condition.contains("isCancelled") { return true }
        return mentionsRetry(condition)
    }

    private func mentionsRetry(_ text: String) -> Bool {
        let words = identifierWords(text)
        return words.contains { ["attempt", "attempts", "retry", "retries", "tries", "try"].contains($0) }
    }

    /// `[a, b, c]` or `0..<3`: at most a few iterations, written out in the code.
    private func isSmallLiteralCollection(_ expression: ExprSyntax?) -> Bool {
        guard let expression else { return false }
        if let array = expression.as(ArrayExprSyntax.self) { return array.elements.count <= 5 }
        if let sequence = expression.as(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            if elements.count == 3, let op = elements[1].as(BinaryOperatorExprSyntax.self),
               ["..<", "..."].contains(op.operator.text),
               let upper = elements[2].as(IntegerLiteralExprSyntax.self)?.representedLiteralValue {
                return upper <= 5
            }
        }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return isSmallLiteralCollection(only.expression)
        }
        return false
    }
}
