import OTLintCore

/// OTL801: `opentelemetry-instrument` starts the SDK in a Python server's master process, which then forks (gunicorn)
/// or spawns (uvicorn `--workers`, `--reload`) the processes that serve requests. The workers inherit the SDK's
/// export threads and connections in a broken state, or never start their own: spans are lost, or the process hangs.
struct WorkerProcessesRule: ScopeRule {
    static let id = "OTL801"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let launch = ContainerLaunch.of(scope), let command = PythonServerCommand(instrumented: launch.words) else { return [] }
        var related: [RelatedLocation] = []
        var config: GunicornConfiguration?
        if command.server == .gunicorn, let directory = scope.codeDirectory ?? scope.imageDockerfile.map({ ConfigPaths.directory(of: $0.source.path) }) {
            config = Self.configuration(command.configPath ?? "gunicorn.conf.py", in: directory)
        }
        // The supported pattern: the SDK is set up in each worker by a `post_fork` hook.
        if config?.hasPostFork == true { return [] }
        let reason: String
        if command.reloads {
            reason = "`--reload` runs the application in a child process that a supervisor restarts on every change"
        } else if let workers = command.workers {
            guard PythonServerCommand.isSeveral(workers) == true else { return [] }
            reason = "`--workers \(workers)` starts \(command.server == .gunicorn ? "forked" : "spawned") worker processes"
        } else if let workers = config?.workers {
            guard PythonServerCommand.isSeveral(workers) == true else { return [] }
            reason = "its configuration sets `workers = \(workers)`, so it forks worker processes"
        } else if let concurrency = scope.setting("WEB_CONCURRENCY"), let value = concurrency.value {
            guard PythonServerCommand.isSeveral(value) == true else { return [] }
            reason = "`WEB_CONCURRENCY=\(value)` sets the number of worker processes"
            related.append(RelatedLocation(location: concurrency.valueLocation, message: "the worker count is set here"))
        } else {
            return []
        }
        let server = command.server.rawValue
        let help = command.server == .gunicorn
            ? "set the SDK up in each worker instead: run gunicorn without `opentelemetry-instrument` and start the SDK in a `post_fork` hook of its configuration (OpenTelemetry Python, \"Working With Fork Process Models\"), or run one worker per container and scale with replicas"
            : "run one uvicorn process per container (no `--workers`, no `--reload`) and scale with replicas, or serve with gunicorn and uvicorn workers and start the SDK in a `post_fork` hook (OpenTelemetry Python, \"Working With Fork Process Models\")"
        return [Diagnostic(
            ruleID: id, severity: severity,
            message: "\(scope.displayName) starts `\(server)` under `opentelemetry-instrument` with worker processes: \(reason), and the SDK started in the master does not export from them",
            location: launch.location,
            why: "`opentelemetry-instrument` sets the SDK up in the process it starts; workers forked from it inherit its export threads and connections in a broken state (spans are lost, or a worker deadlocks), and spawned ones do not run the set-up the way the master did",
            help: help, related: related)]
    }

    /// The gunicorn configuration a command reads, relative to the code's folder (where the image's working directory
    /// usually holds it); an absolute path is looked up by its trailing components.
    private static func configuration(_ path: String, in directory: String) -> GunicornConfiguration? {
        let components = path.split(separator: "/").map(String.init)
        let candidates = path.hasPrefix("/") ? (0..<components.count).map { components[$0...].joined(separator: "/") } : [path]
        for candidate in candidates {
            if let found = GunicornConfiguration.read(ConfigPaths.resolve(candidate, against: directory)) { return found }
        }
        return nil
    }
}
