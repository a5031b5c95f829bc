import OTLintCore
import OTLintYAML

/// A `host:port` a Prometheus service of a compose project scrapes, read from the configuration file the service
/// mounts (`scrape_configs[].static_configs[].targets`): OTL710 knows from it who scrapes a collector's metrics.
public struct ScrapeTarget: Sendable {
    /// Lower case, as compose resolves service names.
    public var host: String
    public var port: Int
    /// The target in the Prometheus configuration.
    public var location: SourceLocation
    /// The compose service that scrapes, and the folder of its compose project.
    public var service: String
    public var directory: String

    /// The static targets of a Prometheus configuration (`scrape_configs` at its top level); empty for any other file.
    static func targets(in root: YAMLNode, file: SourceFile) -> [(host: String, port: Int, location: SourceLocation)] {
        var found: [(String, Int, SourceLocation)] = []
        for job in root["scrape_configs"]?.sequence ?? [] {
            for group in job["static_configs"]?.sequence ?? [] {
                for target in group["targets"]?.sequence ?? [] {
                    guard let text = target.scalar, !text.containsText("$"), !text.containsText("/"),
                          let (host, port) = ListeningEndpoint.hostAndPort(text), !host.isEmpty else { continue }
                    found.append((host.lowercased(), port, file.location(target.range)))
                }
            }
        }
        return found
    }
}
