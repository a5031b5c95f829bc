import SwiftSyntax

/// A sampler written in code, recognised in both ecosystems (otel-facts/swift-api.md §2).
struct SamplerExpression {
    enum Shape {
        /// Keeps every root trace: `Samplers.alwaysOn`, `.alwaysOn`, `.parentBasedAlwaysOn`, `OTelConstantSampler(isOn: true)`.
        case alwaysOn(parentBased: Bool)
        /// A ratio sampler; `ratio` is nil when not a literal. The bare swift-otel properties `.traceIDRatio` /
        /// `.parentBasedTraceIDRatio` mean ratio 1.0.
        case ratio(Double?, parentBased: Bool, ratioNode: ExprSyntax?)
    }

    let node: ExprSyntax
    let shape: Shape
    let ecosystem: SwiftEcosystems
    /// The token naming the sampler (`alwaysOn`, `traceIdRatio`).
    let nameToken: TokenSyntax
}

/// Every sampler expression of a file. otel-swift spellings need an opentelemetry-swift import; swift-otel's
/// leading-dot spellings count only on the right of an assignment to `…sampler` (they are common member names).
func findSamplerExpressions(in model: SwiftSourceModel) -> [SamplerExpression] {
    var result: [SamplerExpression] = []
    if model.ecosystems.contains(.openTelemetrySwift) {
        for member in model.nodes.memberAccesses {
            guard let path = ExprSyntax(member).memberPath, path.count == 2, path[0] == "Samplers" else { continue }
            let name = member.declName.baseName
            if path[1] == "alwaysOn" {
                result.append(SamplerExpression(node: ExprSyntax(member), shape: .alwaysOn(parentBased: isParentBasedRoot(member)),
                                                ecosystem: .openTelemetrySwift, nameToken: name))
            } else if path[1] == "traceIdRatio", let call = member.parent?.as(FunctionCallExprSyntax.self) {
                let ratio = call.argument("ratio")?.expression
                result.append(SamplerExpression(node: ExprSyntax(call), shape: .ratio(ratio.flatMap(numericValue),
                                                parentBased: isParentBasedRoot(call), ratioNode: ratio),
                                                ecosystem: .openTelemetrySwift, nameToken: name))
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
            switch call.calleeName {
            case "OTelConstantSampler":
                let isOn = call.argument("isOn")?.expression.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.true)
                let sampleAll = call.argument("decision")?.expression.memberPath?.last == "recordAndSample"
                if isOn || sampleAll {
                    result.append(SamplerExpression(node: ExprSyntax(call), shape: .alwaysOn(parentBased: false),
                                                    ecosystem: .swiftOTel, nameToken: call.calleeToken!))
                }
            case "OTelTraceIDRatioBasedSampler":
                let ratio = call.argument("ratio")?.expression
                result.append(SamplerExpression(node: ExprSyntax(call), shape: .ratio(ratio.flatMap(numericValue), parentBased: false, ratioNode: ratio),
                                                ecosystem: .swiftOTel, nameToken: call.calleeToken!))
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
    if let member = expression.as(MemberAccessExprSyntax.self), member.base == nil || member.base?.memberPath?.last == "SamplerConfiguration" {
        let name = member.declName.baseName
        switch name.text {
        case "alwaysOn": return SamplerExpression(node: value, shape: .alwaysOn(parentBased: false), ecosystem: .swiftOTel, nameToken: name)
        case "parentBasedAlwaysOn": return SamplerExpression(node: value, shape: .alwaysOn(parentBased: true), ecosystem: .swiftOTel, nameToken: name)
        case "traceIDRatio": return SamplerExpression(node: value, shape: .ratio(1.0, parentBased: false, ratioNode: nil), ecosystem: .swiftOTel, nameToken: name)
        case "parentBasedTraceIDRatio":
            return SamplerExpression(node: value, shape: .ratio(1.0, parentBased: true, ratioNode: nil), ecosystem: .swiftOTel, nameToken: name)
        default: return nil
        }
    }
    if let call = expression.as(FunctionCallExprSyntax.self), let member = call.calledExpression.as(MemberAccessExprSyntax.self),
       member.base == nil || member.base?.memberPath?.last == "SamplerConfiguration" {
        let ratio = call.argument("ratio")?.expression
        let name = member.declName.baseName
        switch name.text {
        case "traceIDRatio":
            return SamplerExpression(node: value, shape: .ratio(ratio.flatMap(numericValue), parentBased: false, ratioNode: ratio), ecosystem: .swiftOTel, nameToken: name)
        case "parentBasedTraceIDRatio":
            return SamplerExpression(node: value, shape: .ratio(ratio.flatMap(numericValue), parentBased: true, ratioNode: ratio), ecosystem: .swiftOTel, nameToken: name)
        default: return nil
        }
    }
    return nil
}

/// Inside `Samplers.parentBased(...)` (as root or as one of the parent-state samplers).
private func isParentBasedRoot(_ node: some SyntaxProtocol) -> Bool {
    var current = node.parent
    while let parent = current {
        if let call = parent.as(FunctionCallExprSyntax.self), call.calleeName == "parentBased" { return true }
        if parent.isFunctionBoundary || parent.is(CodeBlockItemSyntax.self) { return false }
        current = parent.parent
    }
    return false
}

/// `1`, `1.0`, `0.25`, `-1` as a number.
func numericValue(_ expression: ExprSyntax) -> Double? {
    let expression = expression.unwrappingEffects
    if let float = expression.as(FloatLiteralExprSyntax.self) { return Double(float.literal.text.replacingOccurrences(of: "_", with: "")) }
    if let integer = expression.as(IntegerLiteralExprSyntax.self) { return Double(integer.literal.text.replacingOccurrences(of: "_", with: "")) }
    if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
        return numericValue(prefix.expression).map { -$0 }
    }
    return nil
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
