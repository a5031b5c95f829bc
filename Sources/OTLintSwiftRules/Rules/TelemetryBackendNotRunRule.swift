import OTLintCore
import SwiftSyntax

/// OTL211: the service returned by swift-otel's `OTel.bootstrap` / `OTel.make…Backend` is thrown away or never run.
///
/// swift-otel 1.x exports from a `Service` that must run (in a `ServiceGroup`, `app.addServices`, or
/// `try await service.run()`). Without it spans, metrics and logs are created and silently never exported.
struct TelemetryBackendNotRunRule: SwiftRule {
    static let id = "OTL211"
    static let skippedCode: SkippedCode = [.tests, .benchmarks]

    static let factories: Set<String> = ["bootstrap", "makeTracingBackend", "makeMetricsBackend", "makeLoggingBackend"]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.swiftOTel) else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls {
            guard let path = call.calledExpression.memberPath, path.count == 2, path[0] == "OTel",
                  Self.factories.contains(path[1]), let token = call.calleeToken
            else { continue }
            let returnsTuple = path[1] != "bootstrap"
            var node = Syntax(call)
            while let parent = node.parent, parent.is(TryExprSyntax.self) || parent.is(AwaitExprSyntax.self) { node = parent }
            let help = "keep the returned service and run it: `let observability = try OTel.bootstrap(configuration: config)`, then `ServiceGroup(services: [observability, server], ...)` or `app.addServices(observability)` (Hummingbird)"

            if node.parent?.is(CodeBlockItemSyntax.self) == true || isDiscardAssignment(node) {
                diagnostics.append(model.diagnostic(
                    Self.id, at: token,
                    message: "the service returned by `OTel.\(path[1])` is thrown away, so nothing is ever exported",
                    why: "swift-otel exports from the returned `Service`; it only works while that service runs",
                    help: help
                ))
                continue
            }
            guard let binding = node.parent?.as(InitializerClauseSyntax.self)?.parent?.as(PatternBindingSyntax.self) else { continue }
            if let tuple = binding.pattern.as(TuplePatternSyntax.self), returnsTuple {
                // `let (tracer, _) = try OTel.makeTracingBackend()`: the second element is the service.
                let elements = Array(tuple.elements)
                if elements.count == 2, elements[1].pattern.is(WildcardPatternSyntax.self) {
                    diagnostics.append(model.diagnostic(
                        Self.id, at: elements[1].pattern,
                        message: "the service returned by `OTel.\(path[1])` is discarded with `_`, so nothing is ever exported",
                        why: "swift-otel exports from the returned `Service`; it only works while that service runs",
                        help: help
                    ))
                } else if elements.count == 2, let name = elements[1].pattern.as(IdentifierPatternSyntax.self)?.identifier,
                          !isReferenced(name.text, after: binding, model) {
                    diagnostics.append(neverRun(name, path[1], help, model))
                }
                continue
            }
            if let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier,
               !isReferenced(name.text, after: binding, model, member: returnsTuple ? "service" : nil) {
                diagnostics.append(neverRun(name, path[1], help, model))
            }
        }
        return diagnostics
    }

    private func neverRun(_ name: TokenSyntax, _ factory: String, _ help: String, _ model: SwiftSourceModel) -> Diagnostic {
        model.diagnostic(
            Self.id, at: name,
            message: "the service returned by `OTel.\(factory)` is stored in `\(name.text)` but never run, so nothing is ever exported",
            why: "swift-otel exports from the returned `Service`; it only works while that service runs",
            help: help
        )
    }

    private func isDiscardAssignment(_ node: Syntax) -> Bool {
        guard let sequence = node.parent?.as(ExprListSyntax.self)?.parent?.as(SequenceExprSyntax.self) else { return false }
        let elements = Array(sequence.elements)
        return elements.count == 3 && elements[0].is(DiscardAssignmentExprSyntax.self) && elements[1].is(AssignmentExprSyntax.self)
    }

    /// Whether the name is used anywhere in the file after its binding (a property may be run from another
    /// method); with `member`, a use must either pass the whole value on or read that member.
    private func isReferenced(_ name: String, after binding: PatternBindingSyntax, _ model: SwiftSourceModel, member: String? = nil) -> Bool {
        for reference in model.nodes.declReferences
        where reference.baseName.text == name && reference.startOffset > binding.endOffset {
            guard let member else { return true }
            if let access = reference.parent?.as(MemberAccessExprSyntax.self), access.base?.id == reference.id {
                let used = access.declName.baseName.text
                if used == member || used == "1" { return true }
                continue
            }
            return true
        }
        return false
    }
}
