import OTLintCore

/// OTL716: a `debug` exporter in a production pipeline, and the collector's own logs at `debug` level in production.
struct DebugOutputInProductionRule: CollectorRule {
    static let id = "OTL716"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        guard collector.tier.isProduction else { return [] }
        let config = collector.config
        var found: [Diagnostic] = []
        for exporter in config.components(.exporter) where exporter.type == "debug" || exporter.type == "logging" {
            let pipelines = config.pipelines(using: exporter)
            guard !pipelines.isEmpty else { continue }
            let verbosity = exporter.settings["verbosity"]?.scalar ?? exporter.settings["loglevel"]?.scalar
            let volume = verbosity == "detailed" || verbosity == "debug"
                ? "with `\(verbosity ?? "")` output it prints every attribute of every record, secrets and personal data included"
                : "it writes telemetry to the collector's console, which costs CPU and log storage"
            found.append(diagnostic(exporter.key, in: collector,
                                    message: "exporter `\(exporter.id)` prints the telemetry of pipeline\(pipelines.count > 1 ? "s" : "") \(pipelines.map { "`\($0.id)`" }.joined(separator: ", ")) in production: \(volume)",
                                    why: collector.tier.explanation, help: "remove `\(exporter.id)` from the production pipelines (keep it in a development configuration)",
                                    related: collector.tier.related))
        }
        if let level = config.telemetry?["logs"]?["level"], level.scalar?.lowercased() == "debug" {
            found.append(diagnostic(level, in: collector,
                                    message: "the collector's own logs are at `debug` level in production: every batch and connection is logged",
                                    why: collector.tier.explanation, help: "use `info` (the default) or `warn`", related: collector.tier.related))
        }
        return found
    }
}
