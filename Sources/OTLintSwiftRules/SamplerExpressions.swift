import SwiftSyntax

/// A sampler written in code, recognised in both ecosystems (otel-facts/swift-api.md §2), in the shape of the
/// declarative configuration's samplers: `always_on`, `always_off`, `trace_id_ratio_based`, each optionally the
/// root of `parent_based`.
struct SamplerExpression {
    enum Root {
        /// `Samplers.alwaysOn`, `.alwaysOn`, `.parentBasedAlwaysOn`, `OTelConstantSampler(isOn: true)`.
        case alwaysOn
        /// `Samplers.alwaysOff`, `.alwaysOff`, `.parentBasedAlwaysOff`, `OTelConstantSampler(isOn: false)`.
        case alwaysOff
        /// `Samplers.traceIdRatio(ratio:)`, `.traceIDRatio(ratio:)!`, `OTelTraceIDRatioBasedSampler(ratio:)`, and the
        /// bare swift-otel properties `.traceIDRatio` / `.parentBasedTraceIDRatio`, which mean ratio 1.0.
        case traceIDRatio
    }

    /// The whole sampler expression (for swift-otel's `config.traces.sampler = …`, the right-hand side).
    let node: ExprSyntax
    let root: Root
    /// The root of a parent-based sampler: `Samplers.parentBased(root: …)`, `OTelParentBasedSampler(rootSampler: …)`,
    /// swift-otel's `.parentBased…` spellings.
    let isParentBased: Bool
    /// The `ratio:` argument; nil for the constant samplers and the bare swift-otel ratio properties.
    let ratioNode: ExprSyntax?
    let ecosystem: SwiftEcosystems
    /// The token naming the sampler (`alwaysOn`, `traceIdRatio`, `OTelConstantSampler`).
    let nameToken: TokenSyntax
}

/// Every sampler expression of a file that chooses how root spans are sampled. otel-swift spellings need an
/// opentelemetry-swift import; swift-otel's leading-dot spellings count only on the right of an assignment to
/// `…sampler` (they are common member names). A sampler given as one of a parent-based sampler's parent-state
/// samplers (`remoteParentNotSampled: Samplers.alwaysOff`) decides nothing about root spans and is not listed.
func findSamplerExpressions(in model: SwiftSourceModel) -> [SamplerExpression] {
    var result: [SamplerExpression] = []
    if model.ecosystems.contains(.openTelemetrySwift) {
        for member in model.nodes.memberAccesses {
            guard let path = ExprSyntax(member).memberPath, path.count == 2, path[0] == "Samplers" else { continue }
            let name = member.declName.baseName
            switch path[1] {
            case "alwaysOn", "alwaysOff":
                let role = ParentBasedRole(of: member)
                guard role != .parentState else { continue }
                result.append(SamplerExpression(node: ExprSyntax(member), root: path[1] == "alwaysOn" ? .alwaysOn : .alwaysOff,
                                                isParentBased: role == .root, ratioNode: nil, ecosystem: .openTelemetrySwift, nameToken: name))
            case "traceIdRatio":
                guard let call = member.parent?.as(FunctionCallExprSyntax.self) else { continue }
                let role = ParentBasedRole(of: call)
                guard role != .parentState else { continue }
                result.append(SamplerExpression(node: ExprSyntax(call), root: .traceIDRatio, isParentBased: role == .root,
                                                ratioNode: call.argument("ratio")?.expression, ecosystem: .openTelemetrySwift, nameToken: name))
            default:
                break
            }
        }
    }
    if model.ecosystems.contains(.swiftOTel) {
        for sequence in model.nodes.sequences {
            let elements = Array(sequence.elements)
            guard elements.count == 3, elements[1].is(AssignmentExprSyntax.self), elements[0].memberPath?.last == "sampler" else { continue }
            if let sampler = swiftOTelSampler(elements[2]) { result.append(sampler) }
        }
        for call in model.nodes.calls {
            guard let token = call.calleeToken else { continue }
            let role = ParentBasedRole(of: call)
            guard role != .parentState else { continue }
            let parentBased = role == .root
            switch token.text {
            case "OTelConstantSampler":
                let isOn = call.argument("isOn")?.expression.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind
                let decision = call.argument("decision")?.expression.memberPath?.last
                let root: SamplerExpression.Root? = isOn == .keyword(.true) || decision == "recordAndSample" ? .alwaysOn
                    : isOn == .keyword(.false) || decision == "drop" ? .alwaysOff : nil
                if let root {
                    result.append(SamplerExpression(node: ExprSyntax(call), root: root, isParentBased: parentBased, ratioNode: nil,
                                                    ecosystem: .swiftOTel, nameToken: token))
                }
            case "OTelTraceIDRatioBasedSampler":
                result.append(SamplerExpression(node: ExprSyntax(call), root: .traceIDRatio, isParentBased: parentBased,
                                                ratioNode: call.argument("ratio")?.expression, ecosystem: .swiftOTel, nameToken: token))
            default:
                break
            }
        }
    }
    return result
}

/// `.alwaysOn`, `.traceIDRatio(ratio: 0.5)!`, `.traceIDRatio(ratio: 0.2) ?? .parentBasedAlwaysOn` (judges the first).
private func swiftOTelSampler(_ value: ExprSyntax) -> SamplerExpression? {
    var expression = value
    if let sequence = expression.as(SequenceExprSyntax.self), let first = sequence.elements.first { expression = first }
    if let forced = expression.as(ForceUnwrapExprSyntax.self) { expression = forced.expression }
    var ratioNode: ExprSyntax?
    if let call = expression.as(FunctionCallExprSyntax.self) {
        ratioNode = call.argument("ratio")?.expression
        expression = call.calledExpression
    }
    guard let member = expression.as(MemberAccessExprSyntax.self),
          member.base == nil || member.base?.memberPath?.last == "SamplerConfiguration" else { return nil }
    let name = member.declName.baseName
    let shapes: [String: (SamplerExpression.Root, parentBased: Bool)] = [
        "alwaysOn": (.alwaysOn, false), "parentBasedAlwaysOn": (.alwaysOn, true),
        "alwaysOff": (.alwaysOff, false), "parentBasedAlwaysOff": (.alwaysOff, true),
        "traceIDRatio": (.traceIDRatio, false), "parentBasedTraceIDRatio": (.traceIDRatio, true),
    ]
    guard let shape = shapes[name.text], ratioNode == nil || shape.0 == .traceIDRatio else { return nil }
    return SamplerExpression(node: value, root: shape.0, isParentBased: shape.parentBased, ratioNode: ratioNode, ecosystem: .swiftOTel,
                             nameToken: name)
}

/// Where a sampler sits relative to a parent-based sampler (`Samplers.parentBased(root: …)`,
/// `OTelParentBasedSampler(rootSampler: …)`).
private enum ParentBasedRole {
    /// Not inside a parent-based sampler: it decides for every span.
    case none
    /// Its root argument: it decides for spans without a parent.
    case root
    /// One of its parent-state arguments (`remoteParentNotSampled:`): it decides nothing about root spans.
    case parentState

    init(of node: some SyntaxProtocol) {
        var argument: LabeledExprSyntax?
        var current = node.parent
        while let parent = current {
            if let call = parent.as(FunctionCallExprSyntax.self), call.calleeName == "parentBased" || call.calleeName == "OTelParentBasedSampler" {
                let label = argument?.label?.text
                self = label == "root" || label == "rootSampler" ? .root : .parentState
                return
            }
            if let labeled = parent.as(LabeledExprSyntax.self) { argument = labeled }
            if parent.isFunctionBoundary || parent.is(CodeBlockItemSyntax.self) { break }
            current = parent.parent
        }
        self = .none
    }
}

/// Code that only runs in some environments: `#if DEBUG`, or a branch of `if`/`switch`/`? :`.
func isConditionalConfiguration(_ node: some SyntaxProtocol) -> Bool {
    var current = node.parent
    while let parent = current {
        if let clause = parent.as(IfConfigClauseSyntax.self), let condition = clause.condition?.trimmedDescription,
           condition.contains("DEBUG") && !condition.contains("!DEBUG") {
            return true
        }
        if parent.is(IfExprSyntax.self) || parent.is(SwitchCaseSyntax.self) || parent.is(TernaryExprSyntax.self)
            || parent.is(GuardStmtSyntax.self) {
            return true
        }
        if let sequence = parent.as(SequenceExprSyntax.self), sequence.elements.contains(where: { $0.is(UnresolvedTernaryExprSyntax.self) }) {
            return true
        }
        if parent.isTypeOrFunctionDeclaration { return false }
        current = parent.parent
    }
    return false
}
