import OTLintYAML

/// What the top level of a compose file may hold (the compose-spec's top-level properties), to tell a compose file
/// named on the command line from another YAML file.
enum ComposeFileShape {
    /// The compose-spec's top-level keys (`additionalProperties: false`, plus `x-*` extensions).
    static let topLevelKeys: Set<String> = ["version", "name", "include", "services", "models", "networks", "volumes", "secrets", "configs"]

    /// What a YAML document is when it is plainly not a compose file ("a Kubernetes manifest"), or nil when it may be
    /// one. Only a mapping none of whose keys Compose knows is judged: anything else is read and its errors reported.
    static func foreignKind(of root: YAMLNode) -> String? {
        guard let pairs = root.mergedPairs, !pairs.isEmpty else { return nil }
        let keys = pairs.compactMap(\.key.scalar)
        if keys.contains(where: { topLevelKeys.contains($0) || $0.hasPrefix("x-") }) { return nil }
        if keys.contains("apiVersion") && keys.contains("kind") { return "a Kubernetes manifest (`apiVersion` and `kind`)" }
        let shown = keys.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return "no compose file (its top-level keys \(shown)\(keys.count > 3 ? ", …" : "") are none of Compose's)"
    }

    /// The `environment:` mapping of a service, whose duplicated keys OTL004 reports as findings.
    static func isServiceEnvironment(_ path: [String]) -> Bool {
        path.count == 3 && path[0] == "services" && path[2] == "environment"
    }
}
