import OTLintCore

/// OTL802: a Java service set up for the OpenTelemetry Java agent (its image downloads or copies
/// `opentelemetry-javaagent.jar`, or it sets `OTEL_JAVAAGENT_*` variables only the agent reads) whose launch never
/// loads the agent: the JVM reads `-javaagent:` only from its command line and from `JAVA_TOOL_OPTIONS` /
/// `JDK_JAVA_OPTIONS`. `JAVA_OPTS` is a convention of start scripts: an exec-form `java -jar` never reads it.
///
/// Judged only where the launch is certain: the command that runs (compose `entrypoint:`/`command:` over the
/// Dockerfile's `ENTRYPOINT`/`CMD`, from the stage that runs) starts `java` itself, without a shell expansion or a
/// start script that could add options; and not where the build context adds the SDK to the application (it then
/// exports without the agent).
struct AgentNotLoadedRule: ScopeRule {
    static let id = "OTL802"
    static let agentJar = "opentelemetry-javaagent"
    static let optionVariables = ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"]

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let dockerfile = scope.imageDockerfile else { return [] }
        let file = dockerfile.source
        let mention = ByteSearch.firstIndex(of: Array(Self.agentJar.utf8), in: file.bytes)
            .map { RelatedLocation(location: file.location(ByteRange($0, $0 + Self.agentJar.utf8.count)), message: "the image gets the agent here") }
        let agentVariables = scope.effectiveDefinitions.filter { $0.isSet && $0.name.hasPrefix("OTEL_JAVAAGENT_") }
        let intent = mention.map { [$0] } ?? agentVariables.prefix(1).map { RelatedLocation(location: $0.keyLocation, message: "`\($0.name)` is read only by the agent") }
        guard !intent.isEmpty, let launch = ContainerLaunch.of(scope) else { return [] }
        // An application that sets the SDK up in code exports without the agent: the jar is only unused.
        let directory = scope.codeDirectory ?? ConfigPaths.directory(of: file.path)
        if project.codeContext.maySetUpJavaSDK(directory: directory) { return [] }
        // `exec java …` and `/opt/java/openjdk/bin/java …` start the JVM too.
        let program = launch.words.drop { $0 == "exec" }
        guard let first = program.first, first.split(separator: "/").last == "java", !launch.expandsVariables else { return [] }
        if program.contains(where: { $0.hasPrefix("-javaagent:") }) { return [] }
        for name in Self.optionVariables {
            // An unknown value may load it.
            if let definition = scope.setting(name), definition.value?.contains("-javaagent:") != false { return [] }
        }
        var related = intent
        var why = "the JVM loads an agent only from `-javaagent:` on its command line or in `JAVA_TOOL_OPTIONS` / `JDK_JAVA_OPTIONS`; without it no instrumentation runs and the service exports no telemetry"
        if let options = scope.setting("JAVA_OPTS"), options.value?.contains("-javaagent:") == true {
            related.append(RelatedLocation(location: options.valueLocation, message: "`JAVA_OPTS` holds `-javaagent:` here, but nothing passes it to the JVM"))
            why += "; `JAVA_OPTS` is only a convention of start scripts (`java $JAVA_OPTS -jar …` in a shell), and \(launch.place) runs `java` directly"
        }
        return [Diagnostic(
            ruleID: id, severity: severity,
            message: "\(scope.displayName) is set up for the OpenTelemetry Java agent, but \(launch.place) starts `java` without loading it: no telemetry is produced",
            location: launch.location, why: why,
            help: "add `-javaagent:/path/to/opentelemetry-javaagent.jar` before `-jar`, or set `JAVA_TOOL_OPTIONS=-javaagent:/path/to/opentelemetry-javaagent.jar`",
            related: related)]
    }
}
