import OTLintYAML

extension ComposeService {
    /// The words of the service's `entrypoint:` or `command:` as Compose passes them to the container: a list as
    /// written, a string split at spaces (Compose splits it itself; no shell runs it). Nil when the field is not set.
    func launchWords(_ field: String) -> (words: [String], node: YAMLNode)? {
        guard let node = node[field] else { return nil }
        let words = node.sequence?.compactMap(\.scalar) ?? node.scalar.map { $0.split(separator: " ").map(String.init) } ?? []
        return (words, node)
    }
}
