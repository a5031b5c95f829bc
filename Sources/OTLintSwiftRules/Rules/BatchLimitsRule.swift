import Foundation
import OTLintCore
import SwiftSyntax

/// OTL202 (Swift part): batch processor settings in code that are contradictory, ignored, or off by a unit.
///
/// - opentelemetry-swift `BatchSpanProcessor` / `BatchLogRecordProcessor(…, scheduleDelay:, exportTimeout:,
///   maxQueueSize:, maxExportBatchSize:)`: delays are `TimeInterval` **seconds** (`scheduleDelay: 5000` waits 83
///   minutes); zero or negative sizes and negative delays are replaced by the defaults; `scheduleDelay: 0` exports in
///   a busy loop; a batch larger than the queue is accepted silently.
/// - swift-otel 1.x `config.traces.batchSpanProcessor.maxExportBatchSize = …` / `.maxQueueSize`, `.scheduleDelay = .zero`.
/// - swift-otel 0.9–0.12 `OTelBatchSpanProcessorConfiguration(maximumQueueSize:maximumExportBatchSize:)`, ≤ 0.8
///   `OTel.BatchSpanProcessor(maxBatchSize:maxQueueSize:)`.
struct BatchLimitsRule: SwiftRule {
    static let id = "OTL202"

    static let defaultQueueSize = 2048.0

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard !model.isTestCode, !model.isBenchmarkCode else { return [] }
        var diagnostics: [Diagnostic] = []
        if model.ecosystems.contains(.openTelemetrySwift) {
            for call in model.nodes.calls {
                guard let name = call.calleeName, name == "BatchSpanProcessor" || name == "BatchLogRecordProcessor",
                      call.calledExpression.memberPath == [name]
                else { continue }
                diagnostics += checkOpenTelemetrySwift(call, name, model)
            }
        }
        if model.ecosystems.contains(.swiftOTel) {
            diagnostics += checkSwiftOTelConfiguration(model)
            for call in model.nodes.calls {
                let path = call.calledExpression.memberPath ?? []
                if path == ["OTelBatchSpanProcessorConfiguration"] || path == ["OTelBatchLogRecordProcessorConfiguration"] {
                    diagnostics += checkBatchAgainstQueue(call, batchLabel: "maximumExportBatchSize", queueLabel: "maximumQueueSize", path.joined(), model)
                } else if path == ["OTel", "BatchSpanProcessor"] {
                    diagnostics += checkBatchAgainstQueue(call, batchLabel: "maxBatchSize", queueLabel: "maxQueueSize", "OTel.BatchSpanProcessor", model)
                }
            }
        }
        return diagnostics
    }

    private func checkOpenTelemetrySwift(_ call: FunctionCallExprSyntax, _ name: String, _ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let why = "`\(name)` takes `scheduleDelay` and `exportTimeout` as `TimeInterval` seconds, not milliseconds like `OTEL_BSP_*`"
        // Above these, seconds are implausible and the number is a millisecond value (`5000`, `30000`).
        let millisecondThresholds = ["scheduleDelay": 500.0, "exportTimeout": 1000.0]
        for (label, defaultValue) in [("scheduleDelay", 5.0), ("exportTimeout", 30.0)] {
            guard let argument = call.argument(label), let value = numericLiteral(argument.expression) else { continue }
            if value < 0 {
                diagnostics.append(model.diagnostic(
                    "OTL202", at: argument.expression,
                    message: "a negative `\(label)` is ignored: `\(name)` falls back to \(format(defaultValue)) seconds",
                    why: "`\(name)` replaces a negative `\(label)` with its default and only prints a notice",
                    help: "remove the argument, or give a positive number of seconds"
                ))
            } else if value == 0 && label == "scheduleDelay" {
                diagnostics.append(model.diagnostic(
                    "OTL202", at: argument.expression,
                    message: "`scheduleDelay: 0` makes `\(name)` export in a busy loop",
                    why: "the worker waits `scheduleDelay` seconds between exports; with 0 it never waits and keeps a core busy",
                    help: "use a delay in seconds, such as the default `5`"
                ))
            } else if value >= millisecondThresholds[label]! {
                let seconds = value / 1000
                var fix: Fix?
                let literal = argument.expression
                if literal.is(IntegerLiteralExprSyntax.self) || literal.is(FloatLiteralExprSyntax.self) {
                    fix = Fix(
                        title: "read \(format(value)) as milliseconds: \(format(seconds)) seconds",
                        edits: [model.edit(replacing: literal, with: format(seconds))], applicability: .unsafe
                    )
                }
                diagnostics.append(model.diagnostic(
                    "OTL202", at: argument.expression,
                    message: "`\(label): \(format(value))` means \(describeSeconds(value)), not \(format(value)) milliseconds",
                    why: why,
                    help: "write seconds: `\(label): \(format(seconds))`",
                    fix: fix
                ))
            }
        }
        for (label, defaultValue) in [("maxQueueSize", 2048.0), ("maxExportBatchSize", 512.0)] {
            guard let argument = call.argument(label), let value = numericLiteral(argument.expression), value <= 0 else { continue }
            diagnostics.append(model.diagnostic(
                "OTL202", at: argument.expression,
                message: "`\(label): \(format(value))` is ignored: `\(name)` falls back to \(format(defaultValue))",
                why: "`\(name)` replaces a size of zero or less with its default and only prints a notice",
                help: "remove the argument, or give a positive size"
            ))
        }
        diagnostics += checkBatchAgainstQueue(call, batchLabel: "maxExportBatchSize", queueLabel: "maxQueueSize", name, model)
        return diagnostics
    }

    /// A batch larger than the queue: the spec requires batch ≤ queue, and no library checks it.
    private func checkBatchAgainstQueue(
        _ call: FunctionCallExprSyntax, batchLabel: String, queueLabel: String, _ name: String, _ model: SwiftSourceModel
    ) -> [Diagnostic] {
        guard let batchArgument = call.argument(batchLabel), let batch = numericLiteral(batchArgument.expression) else { return [] }
        var queue = Self.defaultQueueSize
        var related: [RelatedLocation] = []
        if let queueArgument = call.argument(queueLabel) {
            guard let value = numericLiteral(queueArgument.expression), value > 0 else { return [] }
            queue = value
            related.append(model.related(queueArgument, "the queue size is set here"))
        }
        guard batch > queue else { return [] }
        return [batchLargerThanQueue(at: batchArgument.expression, batch: batch, queue: queue, queueLabel: queueLabel,
                                     explicitQueue: !related.isEmpty, name: "`\(name)`", related: related, model)]
    }

    private func batchLargerThanQueue(
        at node: some SyntaxProtocol, batch: Double, queue: Double, queueLabel: String, explicitQueue: Bool, name: String,
        related: [RelatedLocation], _ model: SwiftSourceModel
    ) -> Diagnostic {
        model.diagnostic(
            "OTL202", at: node,
            message: "the export batch size \(format(batch)) is larger than the queue (\(format(queue))\(explicitQueue ? "" : ", the default")), so a full batch can never form",
            why: "\(name) holds at most \(format(queue)) spans; the specification requires the batch size to be at most the queue size, and spans beyond the queue are dropped before a batch fills",
            help: "make the batch size at most the queue size (defaults: batch 512, queue 2048), or raise `\(queueLabel)`",
            related: related
        )
    }

    /// swift-otel 1.x: `config.traces.batchSpanProcessor.maxExportBatchSize = 4096` and friends.
    private func checkSwiftOTelConfiguration(_ model: SwiftSourceModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var batches: [String: (Assignment, Double)] = [:]
        var queues: [String: (Assignment, Double)] = [:]
        for assignment in model.assignments {
            guard let path = assignment.target.memberPath, path.count >= 2,
                  path[path.count - 2] == "batchSpanProcessor" || path[path.count - 2] == "batchLogRecordProcessor"
            else { continue }
            let processor = path.dropLast().joined(separator: ".")
            switch path.last {
            case "maxExportBatchSize":
                if let value = numericLiteral(assignment.value) { batches[processor] = (assignment, value) }
            case "maxQueueSize":
                if let value = numericLiteral(assignment.value) { queues[processor] = (assignment, value) }
            case "scheduleDelay":
                if isZeroDuration(assignment.value) {
                    diagnostics.append(model.diagnostic(
                        "OTL202", at: assignment.value,
                        message: "a zero `scheduleDelay` makes the batch processor export in a busy loop",
                        why: "swift-otel waits `scheduleDelay` between exports and does not validate it",
                        help: "use a delay such as the default `.seconds(5)` for spans (`.seconds(1)` for logs)"
                    ))
                }
            default:
                break
            }
        }
        for (processor, (assignment, batch)) in batches {
            let queue = queues[processor]
            let queueSize = queue?.1 ?? Self.defaultQueueSize
            guard batch > queueSize, queueSize > 0 else { continue }
            diagnostics.append(batchLargerThanQueue(
                at: assignment.value, batch: batch, queue: queueSize, queueLabel: "maxQueueSize", explicitQueue: queue != nil,
                name: "`\(processor)`", related: queue.map { [model.related($0.0.node, "the queue size is set here")] } ?? [], model
            ))
        }
        return diagnostics.sorted { $0.location.start < $1.location.start }
    }

    private func isZeroDuration(_ expression: ExprSyntax) -> Bool {
        if expression.memberPath?.last == "zero" { return true }
        guard let call = expression.as(FunctionCallExprSyntax.self), let name = call.calleeName,
              ["seconds", "milliseconds", "microseconds", "nanoseconds"].contains(name), call.arguments.count == 1,
              let first = call.firstArgument
        else { return false }
        return numericLiteral(first.expression) == 0
    }
}

/// The value of an integer or floating-point literal, optionally negated; nil for anything else.
func numericLiteral(_ expression: ExprSyntax) -> Double? {
    let expression = expression.unwrappingEffects
    if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
        return numericLiteral(prefix.expression).map { -$0 }
    }
    if let integer = expression.as(IntegerLiteralExprSyntax.self) {
        let text = integer.literal.text.replacingOccurrences(of: "_", with: "")
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16).map(Double.init) }
        return Double(text)
    }
    if let float = expression.as(FloatLiteralExprSyntax.self) {
        return Double(float.literal.text.replacingOccurrences(of: "_", with: ""))
    }
    return nil
}

/// `5`, `0.5`, `2048`: no trailing `.0`.
private func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

private func describeSeconds(_ seconds: Double) -> String {
    if seconds >= 7200 { return "\(format((seconds / 3600 * 10).rounded() / 10)) hours" }
    if seconds >= 120 { return "\(format((seconds / 60 * 10).rounded() / 10)) minutes" }
    return "\(format(seconds)) seconds"
}
