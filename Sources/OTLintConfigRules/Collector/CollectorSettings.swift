import OTLintCore
import OTLintYAML

/// What a collector configuration says about the concepts the settings rules judge, as a `TelemetryProcess`: the
/// headers its exporters send (and the credentials of its auth extensions), written literally in the file.
enum CollectorSettings {
    /// Auth extensions that hold a credential, and where: `bearertokenauth.token`, `basicauth.client_auth.password`.
    static let credentialSettings: [String: (path: [String], header: String)] = [
        "bearertokenauth": (["token"], "authorization"),
        "basicauth": (["client_auth", "password"], "authorization"),
    ]

    static func process(_ collector: CollectorInstance) -> TelemetryProcess {
        let config = collector.config
        var process = TelemetryProcess(displayName: collector.deployment.map { "service `\($0.service.name)`" } ?? "`\(ConfigPaths.fileName(config.file.path))`",
                                       purpose: .deployment, tier: collector.tier, isTelemetryBackend: true)
        // A file git ignores is where secrets belong.
        guard !GitTracking.isUntracked(config.file.path) else { return process }
        let exposure = EnvironmentHeaders.exposure(of: config.file.path)
        for exporter in config.components(.exporter) {
            for pair in exporter.settings["headers"]?.mergedPairs ?? [] {
                guard let name = pair.key.scalar, let header = literalHeader(name: name, value: pair.value, path: "exporters.\(exporter.id).headers",
                                                                              exposure: exposure, in: config.file) else { continue }
                process.exporterHeaders.append(header)
            }
        }
        for component in config.components(.extension) {
            guard let (path, name) = credentialSettings[component.type] else { continue }
            let node = path.reduce(Optional(component.settings)) { $0?[$1] }
            guard let node, let header = literalHeader(name: name, value: node, path: "extensions.\(component.id).\(path.joined(separator: "."))",
                                                       exposure: exposure, in: config.file) else { continue }
            process.exporterHeaders.append(header)
        }
        return process
    }

    /// A header whose value is written in the file (not `${env:…}`), with the bytes that hold it.
    private static func literalHeader(name: String, value node: YAMLNode, path: String, exposure: String, in file: SourceFile) -> ExporterHeader? {
        guard let value = node.scalar, !node.isNull, !value.containsText("$"),
              let content = ComposeParser.content(of: node, in: file) else { return nil }
        return ExporterHeader(name: name, value: value, origin: .collectorSetting(path), location: file.location(content.range),
                              maskedRange: content.range, exposure: exposure)
    }
}
