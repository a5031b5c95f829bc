/// How far aliases may expand a document.
///
/// An alias is kept as a reference to its anchored node, never copied, but whoever walks the tree or resolves
/// merge keys walks the node once per alias: `a1: &a1 [*a0, *a0]`, `a2: &a2 [*a1, *a1]`, ... doubles the
/// work with each line, and twenty-four such lines (about 1 KB; the "billion laughs" of YAML) stand for tens of
/// millions of nodes. Like hardened YAML loaders, the parser counts the nodes the document would have with every
/// alias expanded and refuses a document whose count outgrows its size.
struct YAMLExpansionBudget {
    /// Expanded nodes allowed per byte of the file, and at least this many in any file: real compose files
    /// that share blocks through `<<: *common` stay far below both.
    static let nodesPerByte = 10
    static let minimumNodes = 100_000

    let limit: Int
    /// Nodes of the current document counted so far, each alias counting as many nodes as its anchor stands for.
    private(set) var expandedNodes = 0
    /// Anchor name → how many nodes it stands for once expanded.
    private var anchorSizes: [String: Int] = [:]

    init(fileSize: Int) {
        limit = max(YAMLExpansionBudget.minimumNodes, YAMLExpansionBudget.nodesPerByte * fileSize)
    }

    /// A new document: anchors do not cross documents.
    mutating func startDocument() {
        expandedNodes = 0
        anchorSizes = [:]
    }

    /// Counts a node written in the document (`size`: itself and, for a collection, its expanded contents) and
    /// remembers its size under its anchor.
    mutating func written(anchor: String?, size: Int) {
        expandedNodes += 1
        if let anchor { anchorSizes[anchor] = size }
    }

    /// Counts an alias of `anchor`; returns its expanded size, or nil when the document goes over the limit.
    mutating func alias(of anchor: String) -> Int? {
        let size = anchorSizes[anchor] ?? 1
        expandedNodes += size
        return expandedNodes > limit ? nil : size
    }

    func exceededMessage(anchor: String) -> String {
        "the alias `*\(anchor)` takes the document past \(limit) nodes once aliases and merge keys are expanded "
            + "(at most \(YAMLExpansionBudget.nodesPerByte) per byte of the file, and \(YAMLExpansionBudget.minimumNodes) in any file): "
            + "anchors that expand exponentially (an alias or merge-key bomb) are not read"
    }
}
