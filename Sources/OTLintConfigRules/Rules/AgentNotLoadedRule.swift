import OTLintCore

/// OTL802: a service set up for auto-instrumentation whose launch never loads it.
///
/// Java: the image downloads or copies `opentelemetry-javaagent.jar`, or the service sets `OTEL_JAVAAGENT_*`
/// variables only the agent reads, and the JVM never gets `-javaagent:`: it reads it only from its command line and
/// from `JAVA_TOOL_OPTIONS` / `JDK_JAVA_OPTIONS`. `JAVA_OPTS` is a convention of start scripts: an exec-form
/// `java -jar` never reads it.
///
/// Node.js: the image installs `@opentelemetry/auto-instrumentations-node`, or the service sets `OTEL_NODE_*`
/// variables, and `node` starts without `--require …/register` (or `--import …/register.js`) on its command line
/// or in `NODE_OPTIONS`.
///
/// Judged only where the launch is certain: the command that runs (compose `entrypoint:`/`command:` over the
/// Dockerfile's `ENTRYPOINT`/`CMD`, from the stage that runs) starts `java` or `node` itself, without a shell
/// expansion or a start script that could add options; and not where the code sets the SDK up itself (it then
/// exports without the agent or the register hook).
struct AgentNotLoadedRule: ScopeRule {
    static let id = "OTL802"
    static let agentJar = "opentelemetry-javaagent"
    static let optionVariables = ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"]
    static let nodePackage = "@opentelemetry/auto-instrumentations-node"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        javaAgentNotLoaded(scope, project: project) + nodeRegisterNotLoaded(scope, project: project)
    }

    private func javaAgentNotLoaded(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let dockerfile = scope.imageDockerfile else { return [] }
        let file = dockerfile.source
        let mention = dockerfile.firstMention(of: Self.agentJar).map { RelatedLocation(location: file.location($0), message: "the image gets the agent here") }
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
        let launcher = Launcher.of(scope, variables: Self.optionVariables, project: project)
        if launcher == .mayLoadIt { return [] }
        return [Diagnostic(
            ruleID: id, severity: launcher == .unseen ? .info : severity,
            message: "\(scope.displayName) is set up for the OpenTelemetry Java agent, but \(launch.place) starts `java` without loading it: no telemetry is produced"
                + (launcher == .unseen ? ", unless whatever runs the image sets `JAVA_TOOL_OPTIONS`" : ""),
            location: launch.location, why: why,
            help: "add `-javaagent:/path/to/opentelemetry-javaagent.jar` before `-jar`, or set `JAVA_TOOL_OPTIONS=-javaagent:/path/to/opentelemetry-javaagent.jar`",
            related: related)]
    }

    /// Who starts the process, as far as otlint can tell.
    enum Launcher {
        /// A compose service or a Kubernetes container otlint reads: its launch and environment are known.
        case read
        /// A Dockerfile no compose file of the project builds: something otlint does not read starts the image (a
        /// Kubernetes manifest, a Helm chart, the OpenTelemetry Operator) and may set the variable that loads the
        /// agent. The finding is an `info` and says so.
        case unseen
        /// As `unseen`, and some file of the project names that variable (a chart template that sets it, a comment
        /// that says who does): not judged.
        case mayLoadIt

        static func of(_ scope: EnvironmentScope, variables: [String], project: ConfigProject) -> Launcher {
            guard case .dockerfile = scope.kind else { return .read }
            return project.codeContext.mayRead(anyOf: variables, directory: project.rootDirectory) ? .mayLoadIt : .unseen
        }
    }

    private func nodeRegisterNotLoaded(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        // The code must be here to read: an application that starts the SDK itself needs no register hook.
        guard let directory = scope.codeDirectory ?? scope.imageDockerfile.map({ ConfigPaths.directory(of: $0.source.path) }) else { return [] }
        let installed = scope.imageDockerfile.flatMap { dockerfile in
            dockerfile.firstMention(of: Self.nodePackage).map {
                RelatedLocation(location: dockerfile.source.location($0), message: "the image installs the auto-instrumentation here")
            }
        }
        let nodeVariables = scope.effectiveDefinitions.filter { $0.isSet && $0.name.hasPrefix("OTEL_NODE_") }
        guard let intent = installed ?? nodeVariables.first.map({ RelatedLocation(location: $0.keyLocation, message: "`\($0.name)` configures the auto-instrumentation") }),
              let launch = ContainerLaunch.of(scope), !launch.expandsVariables else { return [] }
        let program = launch.words.drop { $0 == "exec" }
        guard let first = program.first, first.split(separator: "/").last == "node" else { return [] }
        if program.contains(where: { $0.contains("auto-instrumentations-node/register") }) { return [] }
        // An unknown `NODE_OPTIONS` may load it.
        if let options = scope.setting("NODE_OPTIONS"), options.value?.contains("auto-instrumentations-node/register") != false { return [] }
        if project.codeContext.maySetUpNodeSDK(directory: directory) { return [] }
        let launcher = Launcher.of(scope, variables: ["NODE_OPTIONS"], project: project)
        if launcher == .mayLoadIt { return [] }
        return [Diagnostic(
            ruleID: id, severity: launcher == .unseen ? .info : severity,
            message: "\(scope.displayName) is set up for OpenTelemetry's Node.js auto-instrumentation, but \(launch.place) starts `node` without loading it: no telemetry is produced"
                + (launcher == .unseen ? ", unless whatever runs the image sets `NODE_OPTIONS`" : ""),
            location: launch.location,
            why: "`@opentelemetry/auto-instrumentations-node` starts the SDK only when Node loads its `register` module before the application (`--require` for CommonJS, `--import` for ES modules), from the command line or `NODE_OPTIONS`; the `OTEL_*` settings of the service are read by nothing else",
            help: "start with `node --require @opentelemetry/auto-instrumentations-node/register …` (`--import @opentelemetry/auto-instrumentations-node/register.js` for ES modules), or set `NODE_OPTIONS=--require @opentelemetry/auto-instrumentations-node/register`",
            related: [intent])]
    }
}
