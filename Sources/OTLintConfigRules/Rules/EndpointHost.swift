import OTLintCore

/// Whether an exporter's host is remote for a configuration scope: a public host (see `HostClassification`) that
/// is not the name of a service of the scope's own compose project.
enum EndpointHost {
    /// `composeFiles`: the compose files whose services the process can reach by name (its own project); only
    /// asked for when the host is a public name (a compose service may be named like one).
    static func isRemote(_ rawHost: String, composeFiles: () -> [ComposeFile]) -> Bool {
        guard HostClassification.classify(rawHost).isRemote else { return false }
        let host = rawHost.lowercased()
        return !composeFiles().contains { $0.hostNames.contains(host) }
    }

    /// The compose files of the scope's project: its own file and the other files of its folder that define the
    /// same service (base, override and environment files are merged by Compose); none for a standalone env file.
    static func composeFiles(of scope: EnvironmentScope, in project: ConfigProject) -> [ComposeFile] {
        guard case .composeService(let compose, _) = scope.kind else { return [] }
        return [compose] + project.layeredScopes(of: scope).compactMap { layer in
            if case .composeService(let file, _) = layer.kind { return file }
            return nil
        }
    }
}
