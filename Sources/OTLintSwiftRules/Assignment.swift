import SwiftSyntax

/// `target = value` statements (a sequence of exactly three elements).
struct Assignment {
    let target: ExprSyntax
    /// The value without `try` / `await`.
    let value: ExprSyntax
    /// The value as written.
    let writtenValue: ExprSyntax
    let node: SequenceExprSyntax
}

func findAssignments(in model: SwiftSourceModel) -> [Assignment] {
    model.nodes.sequences.compactMap { sequence in
        let elements = sequence.elements
        guard elements.count == 3 else { return nil }
        var element = elements.makeIterator()
        guard let target = element.next(), element.next()?.is(AssignmentExprSyntax.self) == true, let value = element.next() else {
            return nil
        }
        return Assignment(target: target, value: value.unwrappingEffects, writtenValue: value, node: sequence)
    }
}
