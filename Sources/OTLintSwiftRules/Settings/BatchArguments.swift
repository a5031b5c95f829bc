import OTLintCore
import SwiftSyntax

/// Reads the batching processors a Swift file configures into the settings model, each number with the unit the
/// library reads it in:
///
/// - opentelemetry-swift `BatchSpanProcessor` / `BatchLogRecordProcessor(…, scheduleDelay:, exportTimeout:,
///   maxQueueSize:, maxExportBatchSize:)`: delays are `TimeInterval` seconds.
/// - swift-otel 1.x `config.traces.batchSpanProcessor.maxExportBatchSize = …` / `.maxQueueSize` / `.scheduleDelay`
///   (a `Duration`, whose unit is written).
/// - swift-otel 0.9–0.12 `OTelBatchSpanProcessorConfiguration(maximumQueueSize:maximumExportBatchSize:)`, ≤ 0.8
///   `OTel.BatchSpanProcessor(maxBatchSize:maxQueueSize:)`: sizes only.
extension CodeSettings {
    static func batchProcessors(in model: SwiftSourceModel) -> [BatchProcessorSetting] {
        var result: [BatchProcessorSetting] = []
        if model.ecosystems.contains(.openTelemetrySwift) {
            for call in model.nodes.calls {
                guard let name = call.calleeName, name == "BatchSpanProcessor" || name == "BatchLogRecordProcessor",
                      call.calledExpression.memberPath == [name] else { continue }
                func read(_ label: String, _ unit: Quantity.Unit) -> QuantitySetting? {
                    argument(call, label, unit, api: name, sdk: .opentelemetrySwift, in: model)
                }
                result.append(BatchProcessorSetting(
                    signal: name == "BatchSpanProcessor" ? .spans : .logRecords, api: "`\(name)`",
                    scheduleDelay: read("scheduleDelay", .seconds), exportTimeout: read("exportTimeout", .seconds),
                    maxQueueSize: read("maxQueueSize", .count), maxExportBatchSize: read("maxExportBatchSize", .count),
                    queueSizeLabel: "maxQueueSize", defaultScheduleDelay: Quantity(5, .seconds), replacesInvalidValuesWithDefaults: true))
            }
        }
        guard model.ecosystems.contains(.swiftOTel) else { return result }
        result += configuredProcessors(in: model)
        for call in model.nodes.calls {
            let path = call.calledExpression.memberPath ?? []
            let labels: (batch: String, queue: String)
            switch path {
            case ["OTelBatchSpanProcessorConfiguration"], ["OTelBatchLogRecordProcessorConfiguration"]:
                labels = ("maximumExportBatchSize", "maximumQueueSize")
            case ["OTel", "BatchSpanProcessor"]:
                labels = ("maxBatchSize", "maxQueueSize")
            default:
                continue
            }
            let name = path.joined(separator: ".")
            result.append(BatchProcessorSetting(
                signal: name.contains("Log") ? .logRecords : .spans, api: "`\(name)`",
                maxQueueSize: argument(call, labels.queue, .count, api: name, sdk: .swiftOTel, in: model),
                maxExportBatchSize: argument(call, labels.batch, .count, api: name, sdk: .swiftOTel, in: model),
                queueSizeLabel: labels.queue, defaultScheduleDelay: Quantity(name.contains("Log") ? 1 : 5, .seconds, isUnitWritten: true)))
        }
        return result
    }

    /// swift-otel 1.x: `config.traces.batchSpanProcessor.maxExportBatchSize = 4096` and friends, one processor per
    /// configuration path.
    private static func configuredProcessors(in model: SwiftSourceModel) -> [BatchProcessorSetting] {
        var processors: [String: BatchProcessorSetting] = [:]
        var order: [String] = []
        for assignment in model.assignments {
            guard let path = assignment.target.memberPath, path.count >= 2,
                  path[path.count - 2] == "batchSpanProcessor" || path[path.count - 2] == "batchLogRecordProcessor",
                  let field = path.last else { continue }
            let name = path.dropLast().joined(separator: ".")
            let isLogs = path[path.count - 2] == "batchLogRecordProcessor"
            if processors[name] == nil {
                order.append(name)
                processors[name] = BatchProcessorSetting(signal: isLogs ? .logRecords : .spans, api: "`\(name)`", queueSizeLabel: "maxQueueSize",
                                                         defaultScheduleDelay: Quantity(isLogs ? 1 : 5, .seconds, isUnitWritten: true))
            }
            let value = assignment.value
            let origin = SettingOrigin.code(api: "`\(name).\(field)`", sdk: .swiftOTel)
            switch field {
            case "maxExportBatchSize", "maxQueueSize":
                let number = value.numericLiteralValue
                let setting = QuantitySetting(setting: Setting(syntax: value, value: number.map { _ in value.trimmedDescription }, origin: origin, in: model),
                                              quantity: number.map { Quantity($0, .count) }, label: field)
                if field == "maxQueueSize" { processors[name]?.maxQueueSize = setting } else { processors[name]?.maxExportBatchSize = setting }
            case "scheduleDelay":
                processors[name]?.scheduleDelay = QuantitySetting(
                    setting: Setting(syntax: value, value: value.trimmedDescription, origin: origin, in: model),
                    quantity: durationSeconds(value).map { Quantity($0, .seconds, isUnitWritten: true) }, label: field)
            default:
                break
            }
        }
        return order.compactMap { processors[$0] }
    }

    /// A labelled numeric argument; its quantity is nil when it is not a literal. A fix may rewrite it only when it is
    /// a plain literal.
    private static func argument(_ call: FunctionCallExprSyntax, _ label: String, _ unit: Quantity.Unit, api: String, sdk: SwiftSDK,
                                 in model: SwiftSourceModel) -> QuantitySetting? {
        guard let expression = call.argument(label)?.expression else { return nil }
        let number = expression.numericLiteralValue
        let isPlainLiteral = expression.is(IntegerLiteralExprSyntax.self) || expression.is(FloatLiteralExprSyntax.self)
        let setting = Setting(syntax: expression, value: number.map { _ in expression.trimmedDescription },
                              origin: .code(api: "`\(api)(\(label):)`", sdk: sdk), in: model, isEditable: isPlainLiteral)
        return QuantitySetting(setting: setting, quantity: number.map { Quantity($0, unit) }, label: label)
    }

    /// `.zero`, `.seconds(5)`, `.milliseconds(500)` in seconds; nil for anything else.
    private static func durationSeconds(_ expression: ExprSyntax) -> Double? {
        if expression.memberPath?.last == "zero" { return 0 }
        let scales = ["seconds": 1.0, "milliseconds": 1e-3, "microseconds": 1e-6, "nanoseconds": 1e-9]
        guard let call = expression.as(FunctionCallExprSyntax.self), let name = call.calleeName, let scale = scales[name],
              call.arguments.count == 1, let value = call.firstArgument?.expression.numericLiteralValue else { return nil }
        return value * scale
    }
}
