import OTLintCore

/// The command a container runs and where it is written: the compose `entrypoint:`/`command:` over the Dockerfile's
/// `ENTRYPOINT`/`CMD` (of the stage that runs), or a Kubernetes container's `command:`/`args:`.
struct ContainerLaunch {
    /// The program and its arguments; a shell-form instruction's `/bin/sh -c` is dropped when its text is the command.
    var words: [String]
    /// Words a shell or Compose may still expand (`$JAVA_OPTS` in a shell-form `CMD`, `${WORKERS}` in compose).
    var expandsVariables: Bool
    var location: SourceLocation
    /// "the compose `command:`", "the image's `CMD`", "the container's `command:`".
    var place: String

    /// The launch of a scope's process, when the written fields determine it.
    static func of(_ scope: EnvironmentScope) -> ContainerLaunch? {
        if case .kubernetesContainer(let process) = scope.kind { return of(process) }
        guard let dockerfile = scope.imageDockerfile, let stage = scope.imageStage else {
            // A compose service whose image is not built here: its `entrypoint:` and `command:`. An image's own
            // entrypoint before a lone `command:` is unknown, and is taken to run the command it is given (as
            // `tini --` and `docker-entrypoint.sh "$@"` do).
            guard case .composeService(let file, let service) = scope.kind else { return nil }
            let entrypoint = service.launchWords("entrypoint"), command = service.launchWords("command")
            guard let node = entrypoint?.node ?? command?.node else { return nil }
            let words = (entrypoint?.words ?? []) + (command?.words ?? [])
            return launch(words, expands: words.contains { $0.contains("$") }, location: file.source.location(node.range),
                          place: "the compose `\(entrypoint != nil ? "entrypoint" : "command"):`")
        }
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
        let words = (compose.entrypoint ?? words(of: entrypoint)) + (compose.command ?? words(of: command))
        // A shell-form instruction expands `$VAR` when the container starts, and Compose interpolates `$` from the
        // shell or `.env`: an option may come from either.
        let expands = [entrypoint, command].contains { $0.map { !$0.isExecForm && $0.words.contains { $0.contains("$") } } ?? false }
            || (compose.location != nil && words.contains { $0.contains("$") })
        if let location = compose.location {
            return launch(words, expands: expands, location: location, place: "the compose `\(compose.field):`")
        }
        guard let written = entrypoint ?? command else { return nil }
        return launch(words, expands: expands, location: dockerfile.source.location(written.range),
                      place: "the image's `\(entrypoint != nil ? "ENTRYPOINT" : "CMD")`")
    }

    /// A Kubernetes container's `command:` (which replaces the image's `ENTRYPOINT`) and `args:` (which replace its
    /// `CMD`; the image's entrypoint before them is taken to run them).
    private static func of(_ process: KubernetesProcess) -> ContainerLaunch? {
        guard let node = process.container.commandNode ?? process.container.argsNode else { return nil }
        let words = (process.container.command ?? []) + (process.container.args ?? [])
        // `$(VAR)` in `command`/`args` is expanded by the kubelet; a shell may expand `$VAR`.
        return launch(words, expands: words.contains { $0.contains("$") }, location: process.source.location(node.range),
                      place: "the container's `\(process.container.commandNode != nil ? "command" : "args"):`")
    }

    /// `/bin/sh -c "python …"` runs the shell text's own command: its words are the launch.
    private static func launch(_ words: [String], expands: Bool, location: SourceLocation, place: String) -> ContainerLaunch? {
        var words = words
        if words.starts(with: ["/bin/sh", "-c"]) || words.starts(with: ["sh", "-c"]) || words.starts(with: ["/bin/bash", "-c"]) || words.starts(with: ["bash", "-c"]) {
            words = words.dropFirst(2).flatMap(ShellWords.split)
        }
        guard !words.isEmpty else { return nil }
        return ContainerLaunch(words: words, expandsVariables: expands, location: location, place: place)
    }
}
