import Foundation
import OTLintCore

/// OTL202: batch processor settings that break or defeat batching: a batch size above the queue size, a zero or
/// very long delay, no export timeout, and values that look like seconds where milliseconds are read.
struct BatchLimitsRule: ScopeRule {
    static let id = "OTL202"

    /// One batching processor's variables and defaults (env-vars.md §3).
    struct Processor {
        var prefix: String
        var what: String
        var defaultDelay: Int
    }

    static let processors = [
        Processor(prefix: "OTEL_BSP", what: "spans", defaultDelay: 5000),
        Processor(prefix: "OTEL_BLRP", what: "log records", defaultDelay: 1000),
    ]
    static let defaultQueueSize = 2048
    /// Above this, data waits minutes before export and is lost when the process dies.
    static let longestSensibleDelay = 60_000
    static let longestSensibleTimeout = 300_000

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        Self.processors.flatMap { check(scope, $0) } + secondsTimeouts(scope, project: project)
    }

    /// The OTLP exporter timeouts, which SDKs read in milliseconds but Python reads in seconds: in a Python service,
    /// a value of 1000 or more (at least 17 minutes there) was written in milliseconds.
    private func secondsTimeouts(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let runtime = project.runtime(of: scope), LanguageProfile.profile(runtime.language)?.otlpTimeoutInSeconds == true else { return [] }
        let names = ["OTEL_EXPORTER_OTLP_TIMEOUT"] + VariableCatalog.signals.map { "OTEL_EXPORTER_OTLP_\($0)_TIMEOUT" }
        return names.compactMap { name in
            guard let definition = scope.setting(name), let seconds = integer(definition), seconds >= 1000 else { return nil }
            let meant = seconds % 1000 == 0 ? seconds / 1000 : nil
            return valueDiagnostic(
                definition,
                message: "`\(name)=\(seconds)` is read in seconds by the \(runtime.language.rawValue) SDK: an export may wait \(Self.duration(seconds)) before it times out",
                why: "the specification defines the OTLP timeout in milliseconds, but opentelemetry-python reads `OTEL_EXPORTER_OTLP[_SIGNAL]_TIMEOUT` in seconds (default 10); a stalled collector then blocks the exporter for that long and data queues up and is dropped",
                help: meant.map { "write `\($0)` (seconds) for this Python service" } ?? "write the timeout in seconds for this Python service, e.g. `10`",
                related: [runtime.evidence],
                fix: meant.flatMap { value in definition.valueReplacement(String(value)).map {
                    Fix(title: "write `\(value)` seconds", edits: [$0], applicability: .unsafe)
                } })
        }
    }

    /// `10000` seconds → "2.8 hours".
    static func duration(_ seconds: Int) -> String {
        if seconds >= 3600 { return String(format: "%.1f hours", Double(seconds) / 3600) }
        return "\(seconds / 60) minutes"
    }

    private func integer(_ definition: VariableDefinition?) -> Int? {
        definition?.value.flatMap { Int($0.blankTrimmed) }
    }

    private func check(_ scope: EnvironmentScope, _ processor: Processor) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let prefix = processor.prefix
        let queueDefinition = scope.setting("\(prefix)_MAX_QUEUE_SIZE")
        if let batch = scope.setting("\(prefix)_MAX_EXPORT_BATCH_SIZE"), let batchSize = integer(batch), batchSize > 0 {
            let queueSize: Int?
            if let queueDefinition {
                queueSize = integer(queueDefinition).flatMap { $0 > 0 ? $0 : nil }
            } else {
                queueSize = Self.defaultQueueSize
            }
            if let queueSize, batchSize > queueSize {
                let queueText = queueDefinition == nil ? "the default queue size \(queueSize) (`\(prefix)_MAX_QUEUE_SIZE` is not set)"
                    : "`\(prefix)_MAX_QUEUE_SIZE=\(queueSize)`"
                diagnostics.append(valueDiagnostic(
                    batch, message: "`\(batch.name)=\(batchSize)` is larger than \(queueText): a batch can never fill", severity: .error,
                    why: "the specification requires the batch size to be at most the queue size; the Python SDK refuses to start (`max_export_batch_size must be less than or equal to max_queue_size`), other SDKs clamp or ignore it",
                    help: "lower `\(batch.name)` to at most \(queueSize), or raise `\(prefix)_MAX_QUEUE_SIZE` to at least \(batchSize)",
                    related: queueDefinition.map { [RelatedLocation(location: $0.valueLocation, message: "the queue size is set here")] } ?? []))
            }
        }
        if let delay = scope.setting("\(prefix)_SCHEDULE_DELAY"), let milliseconds = integer(delay) {
            if milliseconds == 0 {
                diagnostics.append(valueDiagnostic(
                    delay, message: "`\(delay.name)=0` exports \(processor.what) as soon as they end: batching is defeated",
                    why: "with no delay the processor sends many tiny requests, costing CPU and network on every export",
                    help: "keep the default \(processor.defaultDelay) ms, or a few hundred milliseconds if data must arrive quickly"))
            } else if milliseconds <= 60 {
                diagnostics.append(valueDiagnostic(
                    delay, message: "`\(delay.name)=\(milliseconds)` is read as \(milliseconds) milliseconds, not seconds",
                    why: "the schedule delay is in milliseconds (default \(processor.defaultDelay)); \(milliseconds) ms exports tiny batches many times a second",
                    help: "write `\(milliseconds * 1000)` for \(milliseconds) seconds"))
            } else if milliseconds > Self.longestSensibleDelay {
                diagnostics.append(valueDiagnostic(
                    delay, message: "`\(delay.name)=\(milliseconds)` holds \(processor.what) for \(Self.describe(milliseconds)) before exporting",
                    why: "queued \(processor.what) are lost when the process stops, and the queue fills (dropping data) before the delay passes under load",
                    help: "keep the delay at a few seconds (default \(processor.defaultDelay) ms)"))
            }
        }
        if let timeout = scope.setting("\(prefix)_EXPORT_TIMEOUT"), let milliseconds = integer(timeout) {
            if milliseconds == 0 {
                diagnostics.append(valueDiagnostic(
                    timeout, message: "`\(timeout.name)=0` removes the export timeout: a hanging backend blocks the processor forever",
                    why: "a timeout of 0 means no limit; while an export hangs nothing else is exported and the queue fills and drops \(processor.what)",
                    help: "keep the default 30000 ms, or a value of a few seconds"))
            } else if milliseconds <= 60 {
                diagnostics.append(valueDiagnostic(
                    timeout, message: "`\(timeout.name)=\(milliseconds)` is read as \(milliseconds) milliseconds, not seconds: exports are cancelled before they can finish",
                    why: "the export timeout is in milliseconds (default 30000); a network round trip alone often takes longer than \(milliseconds) ms",
                    help: "write `\(milliseconds * 1000)` for \(milliseconds) seconds"))
            } else if milliseconds > Self.longestSensibleTimeout {
                diagnostics.append(valueDiagnostic(
                    timeout, message: "`\(timeout.name)=\(milliseconds)` lets one export hang for \(Self.describe(milliseconds))",
                    why: "while an export hangs nothing else is exported; the queue fills and drops \(processor.what)",
                    help: "keep the default 30000 ms, or a value of a few seconds"))
            }
        }
        return diagnostics
    }

    /// `90000` → "1 min 30 s".
    static func describe(_ milliseconds: Int) -> String {
        let parts = [(milliseconds / 3_600_000, "h"), ((milliseconds % 3_600_000) / 60_000, "min"), ((milliseconds % 60_000) / 1000, "s")]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: " ")
        return text.isEmpty ? "\(milliseconds) ms" : text
    }
}
