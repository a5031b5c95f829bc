import OTLintCore
import OTLintYAML

/// OTL706: settings the collector rejects (or stopped honouring) in components whose settings otlint knows:
/// `memory_limiter` without interval or limit, `debug` with the `logging` exporter's `loglevel`, `batch` sizes that
/// contradict each other, TLS versions, TLS keys outside `tls:`, exporter batching keys of the wrong release, and
/// `service.telemetry.metrics.address` after it was dropped.
struct InvalidComponentSettingRule: CollectorRule {
    static let id = "OTL706"

    static let otlpExporterTypes: Set<String> = ["otlp", "otlp_grpc", "otlphttp", "otlp_http"]
    /// Client TLS settings, which OTLP exporters read only under `tls:`.
    static let tlsKeys: Set<String> = ["insecure", "insecure_skip_verify", "ca_file", "ca_pem", "cert_file", "cert_pem", "key_file", "key_pem",
                                       "min_version", "max_version", "server_name_override"]
    static let tlsVersions: [String: Int] = ["1.0": 0, "1.1": 1, "1.2": 2, "1.3": 3]
    static let verbosities: Set<String> = ["basic", "normal", "detailed"]
    /// `loglevel` of the old `logging` exporter and the `verbosity` that prints the same.
    static let verbosityForLogLevel: [String: String] = ["debug": "detailed", "info": "normal", "warn": "basic", "error": "basic"]
    static let exporterBatching = SemanticVersion([0, 123, 0])
    static let batcherRemoved = SemanticVersion([0, 130, 0])
    static let metricsAddressDeprecated = SemanticVersion([0, 111, 0])

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let version = collector.release?.version
        for component in collector.config.components {
            switch (component.kind, component.type) {
            case (.processor, "memory_limiter"): found += memoryLimiter(component, in: collector)
            case (.processor, "batch"): found += batch(component, in: collector)
            case (.exporter, "debug"): found += debugExporter(component, in: collector)
            default: break
            }
            if component.kind == .exporter, InvalidComponentSettingRule.otlpExporterTypes.contains(component.type) {
                found += misplacedTLS(component, in: collector)
                found += exporterBatching(component, version: version, in: collector)
            }
            found += tlsVersions(in: component.settings, component: component, collector: collector)
        }
        found += unknownSections(in: collector)
        if let version, version >= InvalidComponentSettingRule.metricsAddressDeprecated,
           let address = collector.config.telemetry?["metrics"]?.pair("address") {
            let ignored = version >= InvalidComponentSettingRule.exporterBatching
            found.append(diagnostic(address.key, in: collector,
                                    message: "`service.telemetry.metrics.address` is \(ignored ? "ignored since v0.123.0" : "deprecated since v0.111.0"): the collector's own metrics are \(ignored ? "not served where it says" : "served there for now, but later releases ignore it")",
                                    severity: ignored ? .warning : .info,
                                    why: collector.image.map { "the collector runs \($0.description)" },
                                    help: "configure `service.telemetry.metrics.readers` with a `pull` Prometheus exporter (`host: 0.0.0.0`, `port: 8888`) instead"))
        }
        return found
    }

    /// Top-level keys the collector does not know (`recievers:`): it decodes the file strictly and refuses it.
    private func unknownSections(in collector: CollectorInstance) -> [Diagnostic] {
        let known = YAMLInputKind.collectorKeys.sorted()
        return (collector.config.root.pairs ?? []).compactMap { pair in
            guard let key = pair.key.scalar, !pair.isMergeKey, !YAMLInputKind.collectorKeys.contains(key) else { return nil }
            let near = CollectorEdits.nearest(key, among: known)
            return diagnostic(pair.key, in: collector,
                              message: "`\(key)` is no section of a collector configuration: the collector refuses the file (has invalid keys: \(key))",
                              help: near.map { "did you mean `\($0)`?" } ?? "the sections are \(known.map { "`\($0)`" }.joined(separator: ", ")); remove `\(key)`")
        }
    }

    private func memoryLimiter(_ component: CollectorComponent, in collector: CollectorInstance) -> [Diagnostic] {
        let settings = component.settings
        var found: [Diagnostic] = []
        if let ballast = settings.pair("ballast_size_mib") {
            found.append(diagnostic(ballast.key, in: collector,
                                    message: "`ballast_size_mib` is no setting of `memory_limiter` any more (the ballast moved to an extension, which was removed too): the collector refuses the file",
                                    help: "remove it; set the `GOMEMLIMIT` environment variable to about 80% of the container's memory instead"))
        }
        let interval = settings.pair("check_interval")
        if interval == nil || interval.map({ CollectorDuration.isZero($0.value.scalar) }) == true {
            found.append(diagnostic(interval?.value ?? component.key, in: collector,
                                    message: "`\(component.id)` has \(interval == nil ? "no `check_interval` (the default is 0s)" : "`check_interval` 0"): the collector refuses the file (checkInterval must be greater than zero)",
                                    help: "set `check_interval: 1s`"))
        }
        let limit = Int(settings["limit_mib"]?.scalar ?? ""), percentage = Int(settings["limit_percentage"]?.scalar ?? "")
        let hasInterpolatedLimit = [settings["limit_mib"], settings["limit_percentage"]].contains { $0?.scalar?.containsText("$") == true }
        if (limit ?? 0) <= 0 && (percentage ?? 0) <= 0 && !hasInterpolatedLimit {
            found.append(diagnostic(component.key, in: collector,
                                    message: "`\(component.id)` sets no memory limit (`limit_mib` or `limit_percentage`): the collector refuses the file",
                                    help: "set `limit_percentage: 80` (in a container with a memory limit) or `limit_mib` to about 80% of the memory available"))
        }
        for (limitKey, spikeKey, limitValue) in [("limit_mib", "spike_limit_mib", limit), ("limit_percentage", "spike_limit_percentage", percentage)] {
            guard let limitValue, limitValue > 0, let spike = settings[spikeKey], let spikeValue = spike.scalar.flatMap(Int.init), spikeValue >= limitValue else { continue }
            found.append(diagnostic(spike, in: collector,
                                    message: "`\(spikeKey)` (\(spikeValue)) is not below `\(limitKey)` (\(limitValue)): the collector refuses the file",
                                    help: "set `\(spikeKey)` to about 20% of `\(limitKey)`"))
        }
        return found
    }

    private func batch(_ component: CollectorComponent, in collector: CollectorInstance) -> [Diagnostic] {
        guard let maximum = component.settings["send_batch_max_size"], let maximumValue = maximum.scalar.flatMap(Int.init), maximumValue > 0 else { return [] }
        let size = component.settings["send_batch_size"]?.scalar.flatMap(Int.init) ?? 8192
        guard maximumValue < size else { return [] }
        return [diagnostic(maximum, in: collector,
                           message: "`send_batch_max_size` (\(maximumValue)) is below `send_batch_size` (\(size)\(component.settings["send_batch_size"] == nil ? ", the default" : "")): the collector refuses the file",
                           help: "make `send_batch_max_size` at least `send_batch_size`, or 0 for no cap")]
    }

    private func debugExporter(_ component: CollectorComponent, in collector: CollectorInstance) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let level = component.settings.pair("loglevel") {
            let verbosity = level.value.scalar.flatMap { InvalidComponentSettingRule.verbosityForLogLevel[$0.lowercased()] }
            var fix: Fix?
            if let verbosity, component.settings["verbosity"] == nil, level.key.scalarStyle == .plain, level.value.scalarStyle == .plain {
                fix = Fix(title: "write `verbosity: \(verbosity)`",
                          edits: [TextEdit(path: collector.config.file.path, range: ByteRange(level.key.range.start, level.value.range.end), replacement: "verbosity: \(verbosity)")],
                          applicability: .safe)
            }
            found.append(diagnostic(level.key, in: collector,
                                    message: "the `debug` exporter has no `loglevel` (that was the removed `logging` exporter's setting): the collector refuses the file (has invalid keys: loglevel)",
                                    help: verbosity.map { "write `verbosity: \($0)`" } ?? "use `verbosity: basic`, `normal` or `detailed`", fix: fix))
        }
        if let verbosity = component.settings["verbosity"], let value = verbosity.scalar, !value.containsText("$"),
           !InvalidComponentSettingRule.verbosities.contains(value) {
            found.append(diagnostic(verbosity, in: collector,
                                    message: "`verbosity: \(value)` is not a verbosity of the `debug` exporter: the collector refuses the file",
                                    help: "use `basic` (one line per batch), `normal` (one line per record) or `detailed` (every field)"))
        }
        return found
    }

    /// TLS settings written beside `endpoint` instead of under `tls:` are unknown keys to an OTLP exporter.
    private func misplacedTLS(_ component: CollectorComponent, in collector: CollectorInstance) -> [Diagnostic] {
        (component.settings.mergedPairs ?? []).compactMap { pair in
            guard let key = pair.key.scalar, InvalidComponentSettingRule.tlsKeys.contains(key) else { return nil }
            return diagnostic(pair.key, in: collector,
                              message: "`\(key)` is a TLS setting, which exporter `\(component.id)` reads only under `tls:`: the collector refuses the file (has invalid keys: \(key))",
                              help: "move it under `tls:` (`tls: {\(key): \(pair.value.scalar ?? "…")}`)")
        }
    }

    /// Exporter batching moved from `batcher:` to `sending_queue: {batch: …}` in v0.123.0; `batcher` went in v0.130.0.
    private func exporterBatching(_ component: CollectorComponent, version: SemanticVersion?, in collector: CollectorInstance) -> [Diagnostic] {
        guard let version else { return [] }
        var found: [Diagnostic] = []
        if let batcher = component.settings.pair("batcher"), version >= InvalidComponentSettingRule.exporterBatching {
            let removed = version >= InvalidComponentSettingRule.batcherRemoved
            found.append(diagnostic(batcher.key, in: collector,
                                    message: "`batcher` \(removed ? "was removed in v0.130.0: the collector refuses the file" : "is deprecated since v0.123.0 and removed in v0.130.0")",
                                    severity: removed ? .error : .warning,
                                    help: "configure exporter batching under `sending_queue: {batch: …}`"))
        }
        if version < InvalidComponentSettingRule.exporterBatching, let batch = component.settings["sending_queue"]?.pair("batch") {
            found.append(diagnostic(batch.key, in: collector,
                                    message: "`sending_queue.batch` exists from v0.123.0 on; this collector's release does not know it: the collector refuses the file",
                                    why: collector.image.map { "the collector runs \($0.description)" },
                                    help: "use the `batch` processor on this release, or upgrade the image"))
        }
        return found
    }

    /// `min_version`/`max_version` of any `tls:` block of a component.
    private func tlsVersions(in settings: YAMLNode, component: CollectorComponent, collector: CollectorInstance) -> [Diagnostic] {
        var blocks: [YAMLNode] = []
        if let tls = settings["tls"] { blocks.append(tls) }
        for pair in settings["protocols"]?.mergedPairs ?? [] { if let tls = pair.value["tls"] { blocks.append(tls) } }
        var found: [Diagnostic] = []
        for block in blocks {
            var versions: [String: Int] = [:]
            for key in ["min_version", "max_version"] {
                guard let node = block[key], let value = node.scalar, !value.containsText("$") else { continue }
                guard let rank = InvalidComponentSettingRule.tlsVersions[value] else {
                    found.append(diagnostic(node, in: collector,
                                            message: "`\(key): \(value)` is no TLS version the collector knows: it refuses the file",
                                            help: "use \"1.2\" or \"1.3\""))
                    continue
                }
                versions[key] = rank
            }
            if let minimum = versions["min_version"], let maximum = versions["max_version"], minimum > maximum, let node = block["min_version"] {
                found.append(diagnostic(node, in: collector,
                                        message: "`min_version` is above `max_version` in `\(component.id)`: no TLS version is allowed, and the collector refuses the file",
                                        help: "lower `min_version` or raise `max_version`"))
            }
        }
        return found
    }
}

/// Collector durations (`1s`, `500ms`, `0s`).
enum CollectorDuration {
    static func isZero(_ text: String?) -> Bool {
        guard let text = text?.blankTrimmed, !text.isEmpty, !text.containsText("$") else { return false }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        return !digits.isEmpty && Double(digits) == 0
    }
}
