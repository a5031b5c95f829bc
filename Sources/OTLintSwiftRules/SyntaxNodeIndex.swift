import SwiftSyntax

/// Every node of the kinds the rules search a whole file for, gathered in one walk of the tree.
///
/// Why: walking a tree costs about as much as parsing it, and the rules ask a file for its calls, member accesses
/// and assignments some twenty times. One walk here, in source order (the order `descendants` gives), makes the
/// rule pass a small fraction of the parse.
final class SyntaxNodeIndex: SyntaxVisitor {
    private(set) var calls: [FunctionCallExprSyntax] = []
    private(set) var memberAccesses: [MemberAccessExprSyntax] = []
    private(set) var sequences: [SequenceExprSyntax] = []
    private(set) var declReferences: [DeclReferenceExprSyntax] = []
    private(set) var variableDeclarations: [VariableDeclSyntax] = []
    private(set) var functionParameters: [FunctionParameterSyntax] = []
    private(set) var closureParameters: [ClosureParameterSyntax] = []
    private(set) var closureShorthandParameters: [ClosureShorthandParameterSyntax] = []
    private(set) var catchClauses: [CatchClauseSyntax] = []
    private(set) var forLoops: [ForStmtSyntax] = []

    init(_ tree: SourceFileSyntax) {
        super.init(viewMode: .sourceAccurate)
        walk(tree)
    }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind { calls.append(node); return .visitChildren }
    override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind { memberAccesses.append(node); return .visitChildren }
    override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind { sequences.append(node); return .visitChildren }
    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind { declReferences.append(node); return .visitChildren }
    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind { variableDeclarations.append(node); return .visitChildren }
    override func visit(_ node: FunctionParameterSyntax) -> SyntaxVisitorContinueKind { functionParameters.append(node); return .visitChildren }
    override func visit(_ node: ClosureParameterSyntax) -> SyntaxVisitorContinueKind { closureParameters.append(node); return .visitChildren }
    override func visit(_ node: ClosureShorthandParameterSyntax) -> SyntaxVisitorContinueKind {
        closureShorthandParameters.append(node)
        return .visitChildren
    }
    override func visit(_ node: CatchClauseSyntax) -> SyntaxVisitorContinueKind { catchClauses.append(node); return .visitChildren }
    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind { forLoops.append(node); return .visitChildren }
}
