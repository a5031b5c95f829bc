import OTLintCore
import SwiftSyntax

// Small questions rules ask about syntax nodes. swift-syntax gives the shape of the code, not its types, so
// every rule combines these shapes with the file's imports before it judges a call.

extension FunctionCallExprSyntax {
    /// The token naming the called function: `withSpan` in `tracer.withSpan(...)`, `SimpleSpanProcessor` in
    /// `SimpleSpanProcessor(spanExporter:)`.
    var calleeToken: TokenSyntax? {
        if let reference = calledExpression.as(DeclReferenceExprSyntax.self) { return reference.baseName }
        if let member = calledExpression.as(MemberAccessExprSyntax.self) { return member.declName.baseName }
        if let specialized = calledExpression.as(GenericSpecializationExprSyntax.self) {
            if let reference = specialized.expression.as(DeclReferenceExprSyntax.self) { return reference.baseName }
            if let member = specialized.expression.as(MemberAccessExprSyntax.self) { return member.declName.baseName }
        }
        return nil
    }

    var calleeName: String? { calleeToken?.text }

    /// `tracer` in `tracer.withSpan(...)`; nil for a free function.
    var receiver: ExprSyntax? { calledExpression.as(MemberAccessExprSyntax.self)?.base }

    /// The argument with this label (`nil` label: the first unlabeled one).
    func argument(_ label: String?) -> LabeledExprSyntax? {
        arguments.first { ($0.label?.text) == label }
    }

    var firstArgument: LabeledExprSyntax? { arguments.first }

    var argumentLabels: [String?] { arguments.map { $0.label?.text } }

    /// Every closure handed to the call: trailing, additional trailing and closure arguments.
    var closures: [ClosureExprSyntax] {
        var result: [ClosureExprSyntax] = arguments.compactMap { $0.expression.as(ClosureExprSyntax.self) }
        if let trailingClosure { result.append(trailingClosure) }
        result += additionalTrailingClosures.map(\.closure)
        return result
    }

    /// Whether a call named `name` appears in the receiver chain (`tracer.spanBuilder(spanName:).setX().startSpan()`).
    func receiverChainContainsCall(named names: Set<String>) -> Bool {
        var current: ExprSyntax? = receiver
        while let expression = current {
            if let call = expression.as(FunctionCallExprSyntax.self) {
                if let name = call.calleeName, names.contains(name) { return true }
                current = call.receiver
            } else if let member = expression.as(MemberAccessExprSyntax.self) {
                current = member.base
            } else if let forced = expression.as(ForceUnwrapExprSyntax.self) {
                current = forced.expression
            } else if let optional = expression.as(OptionalChainingExprSyntax.self) {
                current = optional.expression
            } else {
                return false
            }
        }
        return false
    }
}

extension ClosureExprSyntax {
    /// Names of the closure's parameters (`span` in `{ span in ... }`); `_` stays `_`.
    var parameterNames: [String] {
        guard let clause = signature?.parameterClause else { return [] }
        switch clause {
        case .simpleInput(let list): return list.map(\.name.text)
        case .parameterClause(let parameters): return parameters.parameters.map { ($0.secondName ?? $0.firstName).text }
        }
    }

    /// The first parameter's name, or `$0` when the closure uses anonymous arguments.
    var firstParameterName: String? {
        if let first = parameterNames.first { return first }
        return signature == nil ? "$0" : nil
    }
}

extension SyntaxProtocol {
    /// The nearest ancestor of a type.
    func ancestor<T: SyntaxProtocol>(_ type: T.Type) -> T? {
        var current = parent
        while let node = current {
            if let match = node.as(type) { return match }
            current = node.parent
        }
        return nil
    }

    /// Whether this node lies inside `other` (or is it).
    func isDescendant(of other: some SyntaxProtocol) -> Bool {
        var current: Syntax? = Syntax(self)
        let target = other.id
        while let node = current {
            if node.id == target { return true }
            current = node.parent
        }
        return false
    }

    /// Every descendant of a type, in source order, not descending into nodes for which `stop` is true.
    /// Whole-file searches use `SwiftSourceModel.nodes` instead, which walks the tree once for every rule.
    func descendants<T: SyntaxProtocol>(_ type: T.Type, stoppingAt stop: (Syntax) -> Bool = { _ in false }) -> [T] {
        withoutActuallyEscaping(stop) { stop in
            let collector = DescendantCollector<T>(root: id, stop: stop)
            collector.walk(self)
            return collector.found
        }
    }

    /// The function, initializer or accessor this node is in (closures included, so that a search for what the
    /// function does sees its callbacks too); the file's top level for code outside any.
    var enclosingFunctionScope: Syntax {
        var scope = Syntax(self)
        while let parent = scope.parent {
            scope = parent
            if scope.is(FunctionDeclSyntax.self) || scope.is(InitializerDeclSyntax.self) || scope.is(AccessorDeclSyntax.self) { break }
        }
        return scope
    }

    var startOffset: Int { positionAfterSkippingLeadingTrivia.utf8Offset }
    var endOffset: Int { endPositionBeforeTrailingTrivia.utf8Offset }
}

extension Syntax {
    /// A declaration or closure that starts a new function body: code inside it runs at another time.
    var isFunctionBoundary: Bool {
        self.is(FunctionDeclSyntax.self) || self.is(InitializerDeclSyntax.self) || self.is(DeinitializerDeclSyntax.self)
            || self.is(AccessorDeclSyntax.self) || self.is(ClosureExprSyntax.self) || self.is(SubscriptDeclSyntax.self)
            || self.is(VariableDeclSyntax.self) && self.parent?.parent?.is(MemberBlockItemSyntax.self) == true
    }

    var isTypeOrFunctionDeclaration: Bool {
        self.is(FunctionDeclSyntax.self) || self.is(InitializerDeclSyntax.self) || self.is(DeinitializerDeclSyntax.self)
            || self.is(AccessorDeclSyntax.self) || self.is(SubscriptDeclSyntax.self) || self.is(ClassDeclSyntax.self)
            || self.is(StructDeclSyntax.self) || self.is(EnumDeclSyntax.self) || self.is(ActorDeclSyntax.self)
            || self.is(ExtensionDeclSyntax.self) || self.is(ProtocolDeclSyntax.self)
    }
}

extension ExprSyntax {
    /// The value of a plain string literal (no interpolation).
    var stringLiteralValue: String? {
        self.as(StringLiteralExprSyntax.self)?.representedLiteralValue
    }

    /// `a.b.c` as ["a", "b", "c"] for a chain of member accesses on a name; nil for anything else.
    var memberPath: [String]? {
        if let reference = self.as(DeclReferenceExprSyntax.self) { return [reference.baseName.text] }
        if let member = self.as(MemberAccessExprSyntax.self) {
            guard let base = member.base else { return [member.declName.baseName.text] }  // `.alwaysOn`
            guard let basePath = base.memberPath else { return nil }
            return basePath + [member.declName.baseName.text]
        }
        if let forced = self.as(ForceUnwrapExprSyntax.self) { return forced.expression.memberPath }
        if let optional = self.as(OptionalChainingExprSyntax.self) { return optional.expression.memberPath }
        return nil
    }

    /// The value of an integer or floating-point literal (`1`, `0.25`, `5_000`, `0x10`), optionally negated; nil for
    /// anything else. The one reader of numeric literals: sampler ratios, batch sizes and delays.
    var numericLiteralValue: Double? {
        let expression = unwrappingEffects
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            return prefix.expression.numericLiteralValue.map { -$0 }
        }
        if let integer = expression.as(IntegerLiteralExprSyntax.self) {
            let text = integer.literal.text.filter { $0 != "_" }
            if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16).map(Double.init) }
            return Double(text)
        }
        if let float = expression.as(FloatLiteralExprSyntax.self) {
            return Double(float.literal.text.filter { $0 != "_" })
        }
        return nil
    }

    /// The expression with `try`, `await` and parentheses removed.
    var unwrappingEffects: ExprSyntax {
        var current = self
        while true {
            if let tryExpr = current.as(TryExprSyntax.self) { current = tryExpr.expression; continue }
            if let awaitExpr = current.as(AwaitExprSyntax.self) { current = awaitExpr.expression; continue }
            if let tuple = current.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first,
               only.label == nil {
                current = only.expression
                continue
            }
            return current
        }
    }
}

/// Splits an identifier or attribute key into lowercase words: `userEmail` → [user, email],
/// `http.request.header.authorization` → [http, request, header, authorization], `api_key` → [api, key].
func identifierWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previous: Character?
    for character in text {
        if !(character.isLetter || character.isNumber) {
            if !current.isEmpty { words.append(current.lowercased()); current = "" }
            previous = nil
            continue
        }
        if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
            words.append(current.lowercased())
            current = ""
        }
        current.append(character)
        previous = character
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
}

extension StringLiteralExprSyntax {
    /// `x` in `"\(x)"`: a literal that is nothing but one interpolation.
    var soleInterpolation: ExprSyntax? {
        var found: ExprSyntax?
        for segment in segments {
            if let text = segment.as(StringSegmentSyntax.self) {
                if !text.content.text.isEmpty { return nil }
            } else if let interpolation = segment.as(ExpressionSegmentSyntax.self) {
                guard found == nil, interpolation.expressions.count == 1 else { return nil }
                found = interpolation.expressions.first?.expression
            }
        }
        return found
    }
}

/// The walk behind `descendants`: a visitor reuses the nodes it creates, which makes it several times cheaper than
/// recursing through `children(viewMode:)`.
private final class DescendantCollector<T: SyntaxProtocol>: SyntaxAnyVisitor {
    private let root: SyntaxIdentifier
    private let stop: (Syntax) -> Bool
    private(set) var found: [T] = []

    init(root: SyntaxIdentifier, stop: @escaping (Syntax) -> Bool) {
        self.root = root
        self.stop = stop
        super.init(viewMode: .sourceAccurate)
    }

    override func visitAny(_ node: Syntax) -> SyntaxVisitorContinueKind {
        if node.id == root { return .visitChildren }
        if let match = node.as(T.self) { found.append(match) }
        return stop(node) ? .skipChildren : .visitChildren
    }
}

/// The bytes between a plain string literal's quotes.
func contentRange(_ literal: StringLiteralExprSyntax) -> ByteRange? {
    guard literal.openingQuote.tokenKind == .stringQuote, literal.segments.count == 1,
          literal.segments.first?.is(StringSegmentSyntax.self) == true
    else { return nil }
    return ByteRange(
        literal.openingQuote.endPositionBeforeTrailingTrivia.utf8Offset,
        literal.closingQuote.positionAfterSkippingLeadingTrivia.utf8Offset
    )
}
