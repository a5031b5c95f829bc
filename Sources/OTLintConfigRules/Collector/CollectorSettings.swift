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
        var written: [(name: String, value: YAMLNode, path: String)] = []
        for exporter in config.components(.exporter) {
            for pair in exporter.settings["headers"]?.mergedPairs ?? [] {
                if let name = pair.key.scalar { written.append((name, pair.value, "exporters.\(exporter.id).headers")) }
            }
        }
        for component in config.components(.extension) {
            guard let (path, name) = credentialSettings[component.type],
                  let node = path.reduce(Optional(component.settings), { $0?[$1] }) else { continue }
            written.append((name, node, "extensions.\(component.id).\(path.joined(separator: "."))"))
        }
        // Git is asked only about a file that holds a credential-like value: a file git ignores is where secrets belong.
        let candidates = written.filter { Credentials.isCredentialHeader($0.name) && $0.value.scalar.map(Credentials.looksLikeSecret) == true }
        guard !candidates.isEmpty, !GitTracking.isUntracked(config.file.path) else { return process }
        let exposure = EnvironmentHeaders.exposure(of: config.file.path)
        process.exporterHeaders = candidates.compactMap { literalHeader(name: $0.name, value: $0.value, path: $0.path, exposure: exposure, in: config.file) }
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
