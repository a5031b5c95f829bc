import OTLintCore

/// The OpenTelemetry Java agent an image downloads and loads, with the protocol it exports with when none is set:
/// `grpc` before 2.0.0, `http/protobuf` from 2.0.0 on (opentelemetry-java-instrumentation's 2.0.0 change log:
/// "The default OTLP protocol has been changed from grpc to http/protobuf").
///
/// Judged only where the image makes both certain: its Dockerfile downloads the upstream agent from a release URL
/// that names the version (`…/releases/download/v2.9.0/opentelemetry-javaagent.jar`, or `latest`), and
/// `-javaagent:` loads it (in the Dockerfile, the compose `command:`/`entrypoint:`, or `JAVA_TOOL_OPTIONS` /
/// `JDK_JAVA_OPTIONS`, which the JVM reads itself). Vendor distributions of the agent keep their own defaults and
/// are not judged.
enum JavaAgentLaunch {
    static let releasePath = "github.com/open-telemetry/opentelemetry-java-instrumentation/releases/"
    static let protocolChange = 2

    static func launcherDefault(of scope: EnvironmentScope) -> LauncherDefault? {
        guard let dockerfile = scope.imageDockerfile else { return nil }
        let file = dockerfile.source
        let bytes = file.bytes
        guard let start = dockerfile.firstMention(of: releasePath)?.start else { return nil }
        // `download/v2.9.0/…` or `latest/download/…`.
        let rest = String(decoding: bytes[(start + releasePath.utf8.count)..<min(bytes.count, start + releasePath.utf8.count + 40)], as: UTF8.self)
        let major: Int
        let version: String
        if rest.hasPrefix("latest/") {
            (major, version) = (Int.max, "the latest release")
        } else if rest.hasPrefix("download/v"), let number = Int(rest.dropFirst("download/v".count).prefix { $0.isNumber }) {
            let written = rest.dropFirst("download/v".count).prefix { $0.isNumber || $0 == "." }
            (major, version) = (number, String(written))
        } else {
            return nil
        }
        guard let loaded = loadLocation(in: scope, dockerfile: dockerfile), !mayChooseProtocolElsewhere(scope, dockerfile: dockerfile) else { return nil }
        let defaultProtocol = major >= protocolChange ? "http/protobuf" : "grpc"
        let downloaded = RelatedLocation(location: file.location(ByteRange(start, start + releasePath.utf8.count)),
                                         message: "the image downloads the OpenTelemetry Java agent \(version == "the latest release" ? version : "v\(version)"), which exports with `\(defaultProtocol)` when no protocol is set")
        return LauncherDefault(language: "Java", defaultProtocol: defaultProtocol, evidence: [downloaded, loaded])
    }

    /// The agent also takes its settings from system properties (`-Dotel.exporter.otlp.protocol=grpc`) and from a
    /// configuration file (`otel.javaagent.configuration-file`): where the image or the command names either, the
    /// protocol may be chosen there.
    private static func mayChooseProtocolElsewhere(_ scope: EnvironmentScope, dockerfile: Dockerfile) -> Bool {
        if scope.setting("OTEL_JAVAAGENT_CONFIGURATION_FILE") != nil { return true }
        var texts = [dockerfile.source.text]
        texts += ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS"].compactMap { scope.setting($0)?.value }
        if case .composeService(_, let service) = scope.kind {
            for field in ["entrypoint", "command"] { texts += service.launchWords(field)?.words ?? [] }
        }
        let markers = ["otel.exporter.otlp.protocol", "otel.exporter.otlp.traces.protocol", "otel.javaagent.configuration-file",
                       "otel_javaagent_configuration_file"]
        return texts.contains { text in
            let lower = text.lowercased()
            return markers.contains { lower.contains($0) }
        }
    }

    /// Where `-javaagent:` loads an agent: the JVM options variables, the compose command, or the Dockerfile.
    private static func loadLocation(in scope: EnvironmentScope, dockerfile: Dockerfile) -> RelatedLocation? {
        let marker = "-javaagent:"
        for name in ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"] {
            if let definition = scope.setting(name), definition.value?.contains(marker) == true {
                return RelatedLocation(location: definition.valueLocation, message: "`\(name)` loads the agent here")
            }
        }
        if case .composeService(let compose, let service) = scope.kind {
            for field in ["entrypoint", "command"] {
                guard let (words, node) = service.launchWords(field) else { continue }
                if words.contains(where: { $0.contains(marker) }) {
                    return RelatedLocation(location: compose.source.location(node.range), message: "`-javaagent:` loads the agent here")
                }
            }
        }
        guard let range = dockerfile.firstMention(of: marker) else { return nil }
        return RelatedLocation(location: dockerfile.source.location(range), message: "`-javaagent:` loads the agent here")
    }
}
