import OTLintCore

/// Reads the batching processors and the OTLP exporter timeouts from an environment scope, each number in the unit
/// the SDK reads it.
extension EnvironmentSettings {
    /// `OTEL_BSP_*` and `OTEL_BLRP_*`: durations in milliseconds, defaults from the specification (env-vars.md §3).
    static func batchProcessors(of scope: EnvironmentScope) -> [BatchProcessorSetting] {
        let processors: [(prefix: String, signal: BatchProcessorSetting.Signal, defaultDelay: Double)] = [
            ("OTEL_BSP", .spans, 5000), ("OTEL_BLRP", .logRecords, 1000),
        ]
        return processors.map { processor in
            func read(_ field: String, _ unit: Quantity.Unit) -> QuantitySetting? {
                number(scope.setting("\(processor.prefix)_\(field)"), unit)
            }
            return BatchProcessorSetting(
                signal: processor.signal, api: nil, scheduleDelay: read("SCHEDULE_DELAY", .milliseconds),
                exportTimeout: read("EXPORT_TIMEOUT", .milliseconds), maxQueueSize: read("MAX_QUEUE_SIZE", .count),
                maxExportBatchSize: read("MAX_EXPORT_BATCH_SIZE", .count), queueSizeLabel: "\(processor.prefix)_MAX_QUEUE_SIZE",
                defaultScheduleDelay: Quantity(processor.defaultDelay, .milliseconds))
        }
    }

    /// `OTEL_EXPORTER_OTLP[_SIGNAL]_TIMEOUT`: milliseconds by the specification, but seconds for a service whose
    /// language's SDK reads them so (opentelemetry-python).
    static func exporterTimeouts(of scope: EnvironmentScope, project: ConfigProject?) -> [ExporterTimeoutSetting] {
        let runtime = project?.runtime(of: scope)
        let readsSeconds = runtime.flatMap { LanguageProfile.profile($0.language)?.otlpTimeoutInSeconds } == true
        let names = ["OTEL_EXPORTER_OTLP_TIMEOUT"] + VariableCatalog.signals.map { "OTEL_EXPORTER_OTLP_\($0)_TIMEOUT" }
        return names.compactMap { name in
            number(scope.setting(name), readsSeconds ? .seconds : .milliseconds).map { timeout in
                ExporterTimeoutSetting(timeout: timeout, secondsReader: readsSeconds ? runtime.map { ($0.language.rawValue, $0.evidence) } : nil)
            }
        }
    }

    /// A variable holding a whole number, read as the SDKs read it.
    private static func number(_ definition: VariableDefinition?, _ unit: Quantity.Unit) -> QuantitySetting? {
        definition.map { definition in
            QuantitySetting(setting: Setting(definition), quantity: definition.value.flatMap { Int($0.blankTrimmed) }.map { Quantity(Double($0), unit) },
                            label: definition.name)
        }
    }
}
