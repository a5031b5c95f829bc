import OTLintCore
import SwiftSyntax

/// OTL201: a simple (one export per span) span processor in application code.
struct SimpleSpanProcessorRule: SwiftRule {
    static let id = "OTL201"
    static let skippedCode: SkippedCode = [.tests]

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for call in model.nodes.calls {
            guard let token = call.calleeToken else { continue }
            let name = token.text
            let path = call.calledExpression.memberPath ?? []
            let isOtelSwift = name == "SimpleSpanProcessor" && path == ["SimpleSpanProcessor"]
                && model.ecosystems.contains(.openTelemetrySwift)
            let isSwiftOTel012 = name == "OTelSimpleSpanProcessor" && model.ecosystems.contains(.swiftOTel)
            let isSwiftOTel08 = name == "SimpleSpanProcessor" && path == ["OTel", "SimpleSpanProcessor"]
                && model.ecosystems.contains(.swiftOTel)
            guard isOtelSwift || isSwiftOTel012 || isSwiftOTel08 else { continue }
            if isInDebugOnlyCode(call) || exportsLocally(call, model) || isAnAlternativeToBatching(call) { continue }

            var fix: Fix?
            var help: String
            if isOtelSwift {
                help = "use `BatchSpanProcessor(spanExporter:)`: it exports up to 512 spans per request every 5 seconds"
                if call.argumentLabels == ["spanExporter"] {
                    fix = Fix(
                        title: "replace `SimpleSpanProcessor` with `BatchSpanProcessor`",
                        edits: [model.edit(replacing: token, with: "BatchSpanProcessor")], applicability: .safe
                    )
                }
            } else if isSwiftOTel012 {
                help = "use `OTelBatchSpanProcessor(exporter:configuration:)`, or upgrade to swift-otel 1.x, whose `OTel.bootstrap` always batches"
            } else {
                help = "use `OTel.BatchSpanProcessor(exportingTo:eventLoopGroup:)`, or upgrade to swift-otel 1.x, whose `OTel.bootstrap` always batches"
            }
            diagnostics.append(model.diagnostic(
                Self.id, at: token,
                message: "`\(name)` exports every span on its own as soon as it ends, one export request per span",
                why: "this is application code (not a test target and not inside `#if DEBUG`); under load the exporter falls behind and spans are dropped",
                help: help, fix: fix
            ))
        }
        return diagnostics
    }

    /// A branch of a `switch` or `if` whose other branch batches (`case .simple: SimpleSpanProcessor(…)`,
    /// `case .batch: BatchSpanProcessor(…)`): a library's setting whose user chooses, not a choice made here.
    private func isAnAlternativeToBatching(_ call: FunctionCallExprSyntax) -> Bool {
        var current = call.parent
        while let node = current, !node.isFunctionBoundary {
            if node.is(SwitchExprSyntax.self) || node.is(IfExprSyntax.self) {
                return node.descendants(FunctionCallExprSyntax.self).contains { $0.calleeName?.hasSuffix("BatchSpanProcessor") == true }
            }
            current = node.parent
        }
        return false
    }

    /// `#if DEBUG` (not `#if !DEBUG`) around the call: a local debugging setup.
    private func isInDebugOnlyCode(_ call: FunctionCallExprSyntax) -> Bool {
        var current = call.parent
        while let node = current {
            if let clause = node.as(IfConfigClauseSyntax.self), let condition = clause.condition {
                let text = condition.trimmedDescription
                if text.contains("DEBUG") && !text.contains("!DEBUG") && !text.contains("! DEBUG") { return true }
            }
            current = node.parent
        }
        return false
    }

    /// `SimpleSpanProcessor(spanExporter: InMemoryExporter())` or `StdoutSpanExporter()`, directly or through a
    /// constant of the file: a test double or a console printer, where exporting each span as it ends is the
    /// point (the projects' own examples pair them this way).
    private func exportsLocally(_ call: FunctionCallExprSyntax, _ model: SwiftSourceModel) -> Bool {
        guard let argument = call.firstArgument?.expression else { return false }
        var exporter = argument.as(FunctionCallExprSyntax.self)
        if exporter == nil, let name = argument.as(DeclReferenceExprSyntax.self)?.baseName.text {
            exporter = model.nodes.variableDeclarations.lazy.flatMap(\.bindings).first { binding in
                binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text == name
            }?.initializer?.value.as(FunctionCallExprSyntax.self)
        }
        guard let callee = exporter?.calleeName else { return false }
        return ["InMemory", "Stdout", "Console"].contains { callee.hasPrefix($0) }
    }
}
