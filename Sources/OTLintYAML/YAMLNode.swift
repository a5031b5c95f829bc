import OTLintCore

/// How a scalar was written. Fixes keep the style; rules may care (a quoted `"true"` is still a string).
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A node of a YAML document with its exact place in the file.
///
/// Aliases resolve to the anchored node itself (the same object), so a value reached through `*ref` points
/// at the text where it is written. Mappings keep their pairs in file order; `mergedPairs` applies merge
/// keys the way YAML 1.1 (and Compose) do.
public final class YAMLNode: @unchecked Sendable {
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public let content: Content
    /// Byte range of the node's text: for a scalar, the token including quotes; for a block collection,
    /// from its first entry to the end of its last.
    public let range: ByteRange
    public let tag: String?
    public let anchor: String?

    /// `mergedPairs`, worked out once when the node is made: its children are complete by then, and rules and the
    /// compose model look keys up in the same mappings over and over (each look-up used to merge anew).
    private let merged: [YAMLPair]?

    public init(content: Content, range: ByteRange, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
        self.anchor = anchor
        if case .mapping(let pairs) = content {
            // Most mappings have no merge key: their merged pairs are the pairs as written.
            merged = pairs.contains(where: \.isMergeKey) ? YAMLNode.merge(pairs) : pairs
        } else {
            merged = nil
        }
    }

    /// The scalar's value, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    public var scalarStyle: YAMLScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// A plain scalar that YAML reads as null (`~`, `null`, empty) — e.g. `environment:` with no value.
    public var isNull: Bool {
        guard case .scalar(let value, .plain) = content, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
        return value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL"
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs as written, merge keys (`<<`) included as ordinary pairs.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The pairs after applying merge keys: explicit keys win over merged ones; in `<<: [*a, *b]` earlier
    /// sources win over later ones; merging is recursive. Merged pairs keep their original ranges.
    public var mergedPairs: [YAMLPair]? { merged }

    /// The value of a key after merging, or nil.
    public subscript(key: String) -> YAMLNode? {
        mergedPairs?.first { $0.key.scalar == key }?.value
    }

    /// The pair of a key after merging, or nil.
    public func pair(_ key: String) -> YAMLPair? {
        mergedPairs?.first { $0.key.scalar == key }
    }

    /// Merges `pairs` with the mappings their merge keys name. A source's own merge keys are already applied in its
    /// `mergedPairs` (a node is made after its children, and an alias names a finished node, so there is no cycle),
    /// so each source mapping is merged once however often it is named: resolving it along every path would double
    /// the work with each level of a merge-key bomb.
    private static func merge(_ pairs: [YAMLPair]) -> [YAMLPair] {
        var explicit: [YAMLPair] = []
        var inherited: [YAMLPair] = []
        var inheritedKeys = Set<String>()
        var hasCollectionKey = false
        var mergedSources = Set<ObjectIdentifier>()
        for pair in pairs {
            guard pair.isMergeKey else {
                explicit.append(pair)
                continue
            }
            let sources = pair.value.sequence ?? [pair.value]
            for source in sources {
                guard let sourceMerged = source.merged, mergedSources.insert(ObjectIdentifier(source)).inserted else { continue }
                for merged in sourceMerged {
                    // Keys compare by their scalar text; all keys that are not scalars count as one key.
                    if let key = merged.key.scalar {
                        guard inheritedKeys.insert(key).inserted else { continue }
                    } else {
                        guard !hasCollectionKey else { continue }
                        hasCollectionKey = true
                    }
                    inherited.append(YAMLPair(key: merged.key, value: merged.value, isMerged: true))
                }
            }
        }
        let explicitKeys = Set(explicit.compactMap { $0.key.scalar })
        return explicit + inherited.filter { pair in pair.key.scalar.map { !explicitKeys.contains($0) } ?? true }
    }
}

/// One key and value of a mapping.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
    /// True when the pair came into a mapping through a merge key rather than being written there.
    public let isMerged: Bool

    public init(key: YAMLNode, value: YAMLNode, isMerged: Bool = false) {
        self.key = key
        self.value = value
        self.isMerged = isMerged
    }

    /// `<<` written as a plain scalar (a quoted `"<<"` is an ordinary key).
    public var isMergeKey: Bool {
        if case .scalar("<<", .plain) = key.content { return true }
        return key.tag == "tag:yaml.org,2002:merge"
    }
}

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// nil for an empty document.
    public let root: YAMLNode?
    public let range: ByteRange
}

/// Why a YAML file could not be parsed, with libyaml's position and wording.
public struct YAMLError: Error, Sendable, Hashable {
    public var message: String
    /// 1-based position of the problem.
    public var position: LineColumn

    public init(message: String, position: LineColumn) {
        self.message = message
        self.position = position
    }

    public func inputError(path: String) -> InputError {
        InputError(path: path, position: position, message: "invalid YAML: \(message)")
    }
}
