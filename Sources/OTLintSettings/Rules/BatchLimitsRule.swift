#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// OTL202: batch processor settings that break or defeat batching: a batch size above the queue size, a zero,
/// negative or very long delay, no export timeout, sizes the library ignores, and durations that look written in the
/// other unit (milliseconds where seconds are read, or the reverse).
struct BatchLimitsRule: SettingsRule {
    static let id = "OTL202"

    /// Above this, data waits minutes before export and is lost when the process dies.
    static let longestSensibleDelay = 60_000.0
    static let longestSensibleTimeout = 300_000.0
    /// Above these a number of seconds is implausible, and it is a millisecond value (`5000`, `30000`).
    static let largestPlausibleSeconds = (scheduleDelay: 500.0, exportTimeout: 1000.0)

    func check(_ process: TelemetryProcess) -> [Diagnostic] {
        // Benchmarks try extreme batch settings on purpose.
        guard process.purpose != .benchmarkCode else { return [] }
        return process.batchProcessors.flatMap { processor in
            [batchLargerThanQueue(processor)].compactMap { $0 }
                + (processor.api == nil ? environmentDurations(processor) : codeValues(processor))
        } + process.exporterTimeouts.compactMap(exporterTimeoutInSeconds)
    }

    // MARK: - Batch size against queue size (every source)

    /// The specification requires the batch size to be at most the queue size, and no library checks it.
    private func batchLargerThanQueue(_ processor: BatchProcessorSetting) -> Diagnostic? {
        guard let batch = processor.maxExportBatchSize, let batchSize = batch.value, batchSize > 0 else { return nil }
        let queue = processor.maxQueueSize
        let queueSize: Double
        if let queue {
            guard let value = queue.value, value > 0 else { return nil }
            queueSize = value
        } else {
            queueSize = BatchProcessorSetting.defaultQueueSize
        }
        guard batchSize > queueSize else { return nil }
        let related = queue.map { [RelatedLocation(location: $0.setting.location, message: "the queue size is set here")] } ?? []
        guard let api = processor.api else {
            let queueText = queue == nil ? "the default queue size \(format(queueSize)) (`\(processor.queueSizeLabel)` is not set)"
                : "`\(processor.queueSizeLabel)=\(format(queueSize))`"
            return batch.setting.diagnostic(
                id, severity: .error, message: "`\(batch.label)=\(format(batchSize))` is larger than \(queueText): a batch can never fill",
                why: "the specification requires the batch size to be at most the queue size; the Python SDK refuses to start (`max_export_batch_size must be less than or equal to max_queue_size`), other SDKs clamp or ignore it",
                help: "lower `\(batch.label)` to at most \(format(queueSize)), or raise `\(processor.queueSizeLabel)` to at least \(format(batchSize))",
                related: related)
        }
        return batch.setting.diagnostic(
            id, message: "the export batch size \(format(batchSize)) is larger than the queue (\(format(queueSize))\(queue == nil ? ", the default" : "")), so a full batch can never form",
            why: "\(api) holds at most \(format(queueSize)) spans; the specification requires the batch size to be at most the queue size, and spans beyond the queue are dropped before a batch fills",
            help: "make the batch size at most the queue size (defaults: batch 512, queue 2048), or raise `\(processor.queueSizeLabel)`",
            related: related)
    }

    // MARK: - Environment: milliseconds

    private func environmentDurations(_ processor: BatchProcessorSetting) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let items = processor.signal.items
        let defaultDelay = format(processor.defaultScheduleDelay.value)
        if let delay = processor.scheduleDelay, let quantity = delay.quantity {
            let milliseconds = format(quantity.value)
            if quantity.value == 0 {
                diagnostics.append(delay.setting.diagnostic(
                    id, message: "`\(delay.label)=0` exports \(items) as soon as they end: batching is defeated",
                    why: "with no delay the processor sends many tiny requests, costing CPU and network on every export",
                    help: "keep the default \(defaultDelay) ms, or a few hundred milliseconds if data must arrive quickly"))
            } else if quantity.looksWrittenInTheOtherUnit(largestPlausibleSeconds: Self.largestPlausibleSeconds.scheduleDelay) {
                diagnostics.append(delay.setting.diagnostic(
                    id, message: "`\(delay.label)=\(milliseconds)` is read as \(milliseconds) milliseconds, not seconds",
                    why: "the schedule delay is in milliseconds (default \(defaultDelay)); \(milliseconds) ms exports tiny batches many times a second",
                    help: "write `\(format(quantity.value * 1000))` for \(milliseconds) seconds"))
            } else if quantity.value > Self.longestSensibleDelay {
                diagnostics.append(delay.setting.diagnostic(
                    id, message: "`\(delay.label)=\(milliseconds)` holds \(items) for \(Self.describe(milliseconds: quantity.value)) before exporting",
                    why: "queued \(items) are lost when the process stops, and the queue fills (dropping data) before the delay passes under load",
                    help: "keep the delay at a few seconds (default \(defaultDelay) ms)"))
            }
        }
        if let timeout = processor.exportTimeout, let quantity = timeout.quantity {
            let milliseconds = format(quantity.value)
            if quantity.value == 0 {
                diagnostics.append(timeout.setting.diagnostic(
                    id, message: "`\(timeout.label)=0` removes the export timeout: a hanging backend blocks the processor forever",
                    why: "a timeout of 0 means no limit; while an export hangs nothing else is exported and the queue fills and drops \(items)",
                    help: "keep the default 30000 ms, or a value of a few seconds"))
            } else if quantity.looksWrittenInTheOtherUnit(largestPlausibleSeconds: Self.largestPlausibleSeconds.exportTimeout) {
                diagnostics.append(timeout.setting.diagnostic(
                    id, message: "`\(timeout.label)=\(milliseconds)` is read as \(milliseconds) milliseconds, not seconds: exports are cancelled before they can finish",
                    why: "the export timeout is in milliseconds (default 30000); a network round trip alone often takes longer than \(milliseconds) ms",
                    help: "write `\(format(quantity.value * 1000))` for \(milliseconds) seconds"))
            } else if quantity.value > Self.longestSensibleTimeout {
                diagnostics.append(timeout.setting.diagnostic(
                    id, message: "`\(timeout.label)=\(milliseconds)` lets one export hang for \(Self.describe(milliseconds: quantity.value))",
                    why: "while an export hangs nothing else is exported; the queue fills and drops \(items)",
                    help: "keep the default 30000 ms, or a value of a few seconds"))
            }
        }
        return diagnostics
    }

    /// The OTLP exporter timeout of an SDK that reads it in seconds (opentelemetry-python): 1000 or more (at least
    /// 17 minutes there) was written in milliseconds.
    private func exporterTimeoutInSeconds(_ exporter: ExporterTimeoutSetting) -> Diagnostic? {
        guard let reader = exporter.secondsReader, let quantity = exporter.timeout.quantity,
              quantity.looksWrittenInTheOtherUnit(largestPlausibleSeconds: 1000) else { return nil }
        let timeout = exporter.timeout, seconds = Int(quantity.value)
        let meant = seconds % 1000 == 0 ? seconds / 1000 : nil
        return timeout.setting.diagnostic(
            id, message: "`\(timeout.label)=\(seconds)` is read in seconds by the \(reader.sdk) SDK: an export may wait \(Self.duration(seconds: seconds)) before it times out",
            why: "the specification defines the OTLP timeout in milliseconds, but opentelemetry-python reads `OTEL_EXPORTER_OTLP[_SIGNAL]_TIMEOUT` in seconds (default 10); a stalled collector then blocks the exporter for that long and data queues up and is dropped",
            help: meant.map { "write `\($0)` (seconds) for this Python service" } ?? "write the timeout in seconds for this Python service, e.g. `10`",
            related: [reader.evidence],
            fix: meant.flatMap { value in timeout.setting.replacement(String(value)).map {
                Fix(title: "write `\(value)` seconds", edits: [$0], applicability: .unsafe)
            } })
    }

    // MARK: - Code

    /// Delays and sizes in code. Sizes are counts; opentelemetry-swift reads delays in `TimeInterval` seconds and
    /// replaces invalid values with its defaults; swift-otel takes a `Duration` and validates nothing.
    private func codeValues(_ processor: BatchProcessorSetting) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let name = processor.api ?? ""
        let durations = [(processor.scheduleDelay, processor.defaultScheduleDelay.value, Self.largestPlausibleSeconds.scheduleDelay),
                         (processor.exportTimeout, 30.0, Self.largestPlausibleSeconds.exportTimeout)]
        for case let (setting?, defaultValue, largestPlausible) in durations {
            guard let quantity = setting.quantity else { continue }
            let label = setting.label, value = quantity.value
            if value < 0 && processor.replacesInvalidValuesWithDefaults {
                diagnostics.append(setting.setting.diagnostic(
                    id, message: "a negative `\(label)` is ignored: \(name) falls back to \(format(defaultValue)) seconds",
                    why: "\(name) replaces a negative `\(label)` with its default and only prints a notice",
                    help: "remove the argument, or give a positive number of seconds"))
            } else if value == 0 && label == "scheduleDelay" {
                diagnostics.append(quantity.isUnitWritten
                    ? setting.setting.diagnostic(
                        id, message: "a zero `scheduleDelay` makes the batch processor export in a busy loop",
                        why: "swift-otel waits `scheduleDelay` between exports and does not validate it",
                        help: "use a delay such as the default `.seconds(5)` for spans (`.seconds(1)` for logs)")
                    : setting.setting.diagnostic(
                        id, message: "`scheduleDelay: 0` makes \(name) export in a busy loop",
                        why: "the worker waits `scheduleDelay` seconds between exports; with 0 it never waits and keeps a core busy",
                        help: "use a delay in seconds, such as the default `5`"))
            } else if quantity.looksWrittenInTheOtherUnit(largestPlausibleSeconds: largestPlausible) {
                let seconds = value / 1000
                let fix = setting.setting.replacement(format(seconds)).map {
                    Fix(title: "read \(format(value)) as milliseconds: \(format(seconds)) seconds", edits: [$0], applicability: .unsafe)
                }
                diagnostics.append(setting.setting.diagnostic(
                    id, message: "`\(label): \(format(value))` means \(describe(seconds: value)), not \(format(value)) milliseconds",
                    why: "\(name) takes `scheduleDelay` and `exportTimeout` as `TimeInterval` seconds, not milliseconds like `OTEL_BSP_*`",
                    help: "write seconds: `\(label): \(format(seconds))`", fix: fix))
            }
        }
        if processor.replacesInvalidValuesWithDefaults {
            for case let (setting?, defaultValue) in [(processor.maxQueueSize, 2048.0), (processor.maxExportBatchSize, 512.0)] {
                guard let value = setting.value, value <= 0 else { continue }
                diagnostics.append(setting.setting.diagnostic(
                    id, message: "`\(setting.label): \(format(value))` is ignored: \(name) falls back to \(format(defaultValue))",
                    why: "\(name) replaces a size of zero or less with its default and only prints a notice",
                    help: "remove the argument, or give a positive size"))
            }
        }
        return diagnostics
    }

    // MARK: - Formatting

    /// `5`, `0.5`, `2048`: no trailing `.0`.
    private func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `300000` seconds → "83.3 hours"; `5000` → "83.3 minutes".
    private func describe(seconds: Double) -> String {
        if seconds >= 7200 { return "\(format((seconds / 3600 * 10).rounded() / 10)) hours" }
        if seconds >= 120 { return "\(format((seconds / 60 * 10).rounded() / 10)) minutes" }
        return "\(format(seconds)) seconds"
    }

    /// `90000` → "1 min 30 s".
    static func describe(milliseconds value: Double) -> String {
        let milliseconds = Int(value)
        let parts = [(milliseconds / 3_600_000, "h"), ((milliseconds % 3_600_000) / 60_000, "min"), ((milliseconds % 60_000) / 1000, "s")]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: " ")
        return text.isEmpty ? "\(milliseconds) ms" : text
    }

    /// `10000` seconds → "2.8 hours".
    static func duration(seconds: Int) -> String {
        guard seconds >= 3600 else { return "\(seconds / 60) minutes" }
        let tenths = tenthsOfAnHour(seconds)
        return "\(tenths / 10).\(tenths % 10) hours"
    }

    /// The hours rounded to tenths as `String(format: "%.1f", Double(seconds) / 3600)` rounded them: `%.1f` rounds
    /// the `Double` to the nearest tenth. Halfway between two tenths, that `Double` is exact for quarter hours (1.25,
    /// 1.75: ties go to the even tenth) and otherwise a little above or below the exact value (1.15 has no binary
    /// spelling), which decides.
    private static func tenthsOfAnHour(_ seconds: Int) -> Int {
        let (tenths, remainder) = seconds.quotientAndRemainder(dividingBy: 360)
        if remainder != 180 { return remainder < 180 ? tenths : tenths + 1 }
        // hours × 3600 − seconds with one rounding: zero exactly when the Double is exact, else of the right sign.
        let error = (-Double(seconds)).addingProduct(Double(seconds) / 3600, 3600)
        if error == 0 { return tenths.isMultiple(of: 2) ? tenths : tenths + 1 }
        return error > 0 ? tenths + 1 : tenths
    }
}
