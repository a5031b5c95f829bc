import OTLintCore
import OTLintYAML

/// How the YAML documents of one compose file combine. Compose reads every document of a file (`---`) and merges
/// each over the ones before, like an override file (compose-go `loader.loadYamlFile`, since v1.18.3): mappings merge
/// by key, a later value replaces an earlier one, `environment` merges per variable and `env_file` lists append
/// (the last two are done where services are built).
enum ComposeDocuments {
    /// `later` laid over `earlier`: for two mappings, keys of both, the later value winning; nested mappings are
    /// merged `depth` more levels (2 for a document root: top-level keys, then services, then service fields).
    /// The result is a new mapping whose pairs keep their original nodes and places.
    static func overlay(_ earlier: YAMLNode, _ later: YAMLNode, depth: Int) -> YAMLNode {
        guard let earlierPairs = earlier.mergedPairs, let laterPairs = later.mergedPairs else { return later }
        var pairs: [YAMLPair] = []
        var positions: [String: Int] = [:]
        for pair in earlierPairs {
            // A key written twice is reported elsewhere; the first one counts, as everywhere else in the model.
            guard let key = pair.key.scalar, positions[key] == nil else { continue }
            positions[key] = pairs.count
            pairs.append(pair)
        }
        var laterSeen = Set<String>()
        for pair in laterPairs {
            guard let key = pair.key.scalar, laterSeen.insert(key).inserted else { continue }
            if let position = positions[key] {
                let value = depth > 0 ? overlay(pairs[position].value, pair.value, depth: depth - 1) : pair.value
                pairs[position] = YAMLPair(key: pair.key, value: value, isMerged: pair.isMerged)
            } else {
                positions[key] = pairs.count
                pairs.append(pair)
            }
        }
        return YAMLNode(content: .mapping(pairs), range: later.range, tag: later.tag)
    }
}
