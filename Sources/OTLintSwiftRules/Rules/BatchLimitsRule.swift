import OTLintCore
import SwiftSyntax

/// OTL202 (Swift): batch span processor settings that defeat batching or confuse units.
///
/// opentelemetry-swift's `BatchSpanProcessor(spanExporter:scheduleDelay:exportTimeout:maxQueueSize:maxExportBatchSize:)`
/// takes `TimeInterval` seconds and does not check `maxExportBatchSize <= maxQueueSize`; swift-otel 1.x takes
/// `Duration`s in `config.traces.batchSpanProcessor`.
struct BatchLimitsRule: SwiftRule {
    var ruleIDs: [String] { ["OTL202"] }

    func check(_ model: SwiftSourceModel) -> [Diagnostic] {
        guard model.ecosystems.contains(.openTelemetrySwift), !model.isTestCode else { return [] }
        var diagnostics: [Diagnostic] = []
        for call in model.tree.descendants(FunctionCallExprSyntax.self)
        where ["BatchSpanProcessor", "BatchLogRecordProcessor"].contains(call.calleeName ?? "") && call.receiver == nil {
            let queue = call.argument("maxQueueSize")?.expression
            let batch = call.argument("maxExportBatchSize")?.expression
            let queueSize = queue.flatMap(numericValue) ?? 2048
            if let batch, let batchSize = numericValue(batch), batchSize > queueSize {
                diagnostics.append(model.diagnostic(
                    "OTL202", at: batch,
                    message: "`maxExportBatchSize` \(batch.trimmedDescription) is larger than the queue (\(Int(queueSize))): a batch can never fill, and spans beyond the queue size are dropped",
                    why: "the specification requires the batch size to be at most the queue size; opentelemetry-swift does not check it",
                    help: "make `maxExportBatchSize` at most `maxQueueSize` (defaults: 512 and 2048)"
                ))
            }
            for label in ["scheduleDelay", "exportTimeout"] {
                guard let argument = call.argument(label)?.expression, let seconds = numericValue(argument) else { continue }
                if seconds >= 1000 {
                    diagnostics.append(model.diagnostic(
                        "OTL202", at: argument,
                        message: "`\(label): \(argument.trimmedDescription)` is \(Int(seconds / 60)) minutes: opentelemetry-swift takes seconds (`TimeInterval`), not milliseconds",
                        why: "the `OTEL_BSP_*` environment variables are in milliseconds, opentelemetry-swift's initializer is in seconds",
                        help: "write seconds: `\(label): \(formatSeconds(seconds / 1000))`"
                    ))
                } else if label == "scheduleDelay" && seconds == 0 {
                    diagnostics.append(model.diagnostic(
                        "OTL202", at: argument,
                        message: "`scheduleDelay: 0` exports continuously in a busy loop instead of batching",
                        help: "use a delay of a few seconds (default 5)"
                    ))
                }
            }
        }
        return diagnostics
    }

    private func formatSeconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
