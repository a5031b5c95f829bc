/// A key written twice in one mapping. YAML forbids it and Compose (go-yaml) refuses such a file
/// (`mapping key "api" already defined at line 2`); libyaml accepts it, so it is looked for here.
public struct YAMLDuplicateKey: Sendable {
    /// The later key: where the problem is reported.
    public let key: YAMLNode
    /// The first key with the same text.
    public let first: YAMLNode
    /// The keys leading to the mapping, for messages (`services.api`); empty for the document root.
    public let path: [String]

    /// `services.api`, or "the top level" for the root mapping.
    public var mappingName: String { path.isEmpty ? "the top level" : path.joined(separator: ".") }
}

extension YAMLNode {
    /// Every duplicated key in this tree, in document order. `skip` leaves out mappings (by their key path) whose
    /// duplicates are reported elsewhere. Each node is visited once, however many aliases point at it.
    public func duplicateKeys(skip: ([String]) -> Bool = { _ in false }) -> [YAMLDuplicateKey] {
        var found: [YAMLDuplicateKey] = []
        var visited = Set<ObjectIdentifier>()
        var pending: [(node: YAMLNode, path: [String])] = [(self, [])]
        // An explicit stack: the walk must not recurse once per nesting level of hostile input.
        while let (node, path) = pending.popLast() {
            switch node.content {
            case .scalar: continue
            case .sequence(let items):
                guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
                for (index, item) in items.enumerated().reversed() {
                    pending.append((item, path.isEmpty ? ["[\(index)]"] : path.dropLast() + ["\(path[path.count - 1])[\(index)]"]))
                }
            case .mapping(let pairs):
                guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
                if !skip(path) {
                    var firstKeys: [String: YAMLNode] = [:]
                    for pair in pairs where !pair.isMergeKey {
                        guard let text = pair.key.scalar else { continue }
                        if let first = firstKeys[text] {
                            found.append(YAMLDuplicateKey(key: pair.key, first: first, path: path))
                        } else {
                            firstKeys[text] = pair.key
                        }
                    }
                }
                for pair in pairs.reversed() {
                    pending.append((pair.value, path + [pair.key.scalar ?? "?"]))
                }
            }
        }
        return found.sorted { $0.key.range.start < $1.key.range.start }
    }
}
