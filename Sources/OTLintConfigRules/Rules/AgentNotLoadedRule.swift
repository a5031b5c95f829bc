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

    /// The command a container runs, and where it is written.
    private struct Launch {
        var words: [String]
        /// Words a shell may still expand (`$JAVA_OPTS` in a shell-form `CMD`).
        var expandsVariables: Bool
        var location: SourceLocation
        var place: String
    }

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let dockerfile = scope.imageDockerfile, let stage = scope.imageStage else { return [] }
        let file = dockerfile.source
        let mention = ByteSearch.firstIndex(of: Array(Self.agentJar.utf8), in: file.bytes)
            .map { RelatedLocation(location: file.location(ByteRange($0, $0 + Self.agentJar.utf8.count)), message: "the image gets the agent here") }
        let agentVariables = scope.effectiveDefinitions.filter { $0.isSet && $0.name.hasPrefix("OTEL_JAVAAGENT_") }
        let intent = mention.map { [$0] } ?? agentVariables.prefix(1).map { RelatedLocation(location: $0.keyLocation, message: "`\($0.name)` is read only by the agent") }
        guard !intent.isEmpty, let launch = launch(of: scope, dockerfile: dockerfile, stage: stage) else { return [] }
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

    /// The command that runs: compose `entrypoint:` and `command:` over the image's `ENTRYPOINT` and `CMD`.
    private func launch(of scope: EnvironmentScope, dockerfile: Dockerfile, stage: Int) -> Launch? {
        let image = dockerfile.launch(of: stage)
        var compose: (entrypoint: [String]?, command: [String]?, location: SourceLocation?, field: String) = (nil, nil, nil, "command")
        if case .composeService(let file, let service) = scope.kind {
            for field in ["entrypoint", "command"] {
                guard let (words, node) = service.launchWords(field) else { continue }
                if field == "entrypoint" { compose.entrypoint = words } else { compose.command = words }
                (compose.location, compose.field) = (file.source.location(node.range), field)
            }
        }
        // A compose `entrypoint:` replaces the image's and drops its `CMD`; a compose `command:` replaces the `CMD`.
        let entrypoint = compose.entrypoint == nil ? image.entrypoint : nil
        let command = compose.entrypoint == nil && compose.command == nil ? image.command : nil
        func words(of launch: Dockerfile.Launch?) -> [String] {
            launch.map { $0.isExecForm ? $0.words : ["/bin/sh", "-c"] + $0.words } ?? []
        }
        var words = (compose.entrypoint ?? words(of: entrypoint)) + (compose.command ?? words(of: command))
        // A shell-form instruction expands `$VAR` when the container starts, and Compose interpolates `$` from the
        // shell or `.env`: an option may come from either.
        let expands = [entrypoint, command].contains { $0.map { !$0.isExecForm && $0.words.contains { $0.contains("$") } } ?? false }
            || (compose.location != nil && words.contains { $0.contains("$") })
        // `/bin/sh -c "java …"` runs `java` itself when the shell text starts with it.
        if words.starts(with: ["/bin/sh", "-c"]) || words.starts(with: ["sh", "-c"]) { words = Array(words.dropFirst(2)) }
        guard !words.isEmpty else { return nil }
        if let location = compose.location {
            return Launch(words: words, expandsVariables: expands, location: location, place: "the compose `\(compose.field):`")
        }
        guard let written = entrypoint ?? command else { return nil }
        return Launch(words: words, expandsVariables: expands, location: dockerfile.source.location(written.range),
                      place: "the image's `\(entrypoint != nil ? "ENTRYPOINT" : "CMD")`")
    }
}
