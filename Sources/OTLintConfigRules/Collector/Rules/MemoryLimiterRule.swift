import OTLintCore
import OTLintYAML

/// OTL713: in production, pipelines without `memory_limiter` or with it not first; in any tier, a `limit_mib` at or
/// above the container's memory limit, where the collector is killed before it can shed load.
struct MemoryLimiterRule: CollectorRule {
    static let id = "OTL713"

    func check(_ collector: CollectorInstance, project: ConfigProject) -> [Diagnostic] {
        let config = collector.config
        var found: [Diagnostic] = []
        let limiterIDs = Set(config.components(.processor).filter { $0.type == "memory_limiter" }.map(\.id))
        if collector.tier.isProduction, !collector.isPartial {
            let lacking = config.pipelines.filter { pipeline in !pipeline.processors.contains { limiterIDs.contains($0.id) } }
            if let first = lacking.first {
                found.append(diagnostic(first.key, in: collector,
                                        message: "pipeline \(lacking.count > 1 ? "`\(first.id)` (and \(lacking.count - 1) more) has" : "`\(first.id)` has") no `memory_limiter` in production: under load the collector grows until the container is killed, and every buffered record is lost",
                                        why: collector.tier.explanation,
                                        help: "define a `memory_limiter` processor (`check_interval: 1s`, `limit_percentage: 80`, `spike_limit_percentage: 20`) and list it first in each pipeline",
                                        related: lacking.dropFirst().map { RelatedLocation(location: config.location($0.key), message: "pipeline `\($0.id)` lacks it too") }
                                            + collector.tier.related))
            }
            for pipeline in config.pipelines {
                guard let index = pipeline.processors.firstIndex(where: { limiterIDs.contains($0.id) }), index > 0 else { continue }
                let reference = pipeline.processors[index]
                found.append(diagnostic(reference.node, in: collector,
                                        message: "`\(reference.id)` is not the first processor of pipeline `\(pipeline.id)`: the processors before it buffer data it can no longer refuse",
                                        why: collector.tier.explanation, help: "list `\(reference.id)` first under `processors:`", related: collector.tier.related))
            }
        }
        if let containerLimit = collector.deployment.flatMap(MemoryLimiterRule.containerMemoryLimit) {
            for limiter in config.components(.processor) where limiter.type == "memory_limiter" {
                guard let node = limiter.settings["limit_mib"], let limit = node.scalar.flatMap(Int.init),
                      Double(limit) >= containerLimit.mebibytes else { continue }
                found.append(diagnostic(node, in: collector,
                                        message: "`limit_mib: \(limit)` is at or above the container's memory limit (\(containerLimit.text)): the container is killed before `\(limiter.id)` starts refusing data",
                                        help: "set `limit_mib` to about 80% of the container limit, or use `limit_percentage: 80`",
                                        related: [RelatedLocation(location: containerLimit.location, message: "the container's memory limit")]))
            }
        }
        return found
    }

    /// `deploy.resources.limits.memory` or `mem_limit` of the collector's service, in MiB.
    static func containerMemoryLimit(_ deployment: CollectorDeployment) -> (mebibytes: Double, text: String, location: SourceLocation)? {
        let service = deployment.service
        for (file, node) in [service.field("deploy").map { ($0.file, $0.node["resources"]?["limits"]?["memory"]) },
                             service.field("mem_limit").map { ($0.file, Optional($0.node)) }].compactMap({ $0 }) {
            guard let node, let text = node.scalar, let bytes = byteSize(text) else { continue }
            return (bytes / 1_048_576, text, file.source.location(node.range))
        }
        return nil
    }

    /// Compose byte values: `512m`, `1g`, `2GiB`, `1073741824`, `512MB`.
    static func byteSize(_ text: String) -> Double? {
        let lower = text.lowercased().replacingEvery(" ", with: "")
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits) else { return nil }
        var unit = String(lower.dropFirst(digits.count))
        if unit.hasSuffix("ib") { unit.removeLast(2) } else if unit.hasSuffix("b") { unit.removeLast() }
        let scale: Double
        switch unit {
        case "": scale = 1
        case "k": scale = 1024
        case "m": scale = 1_048_576
        case "g": scale = 1_073_741_824
        default: return nil
        }
        return number * scale
    }
}
