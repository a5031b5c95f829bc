import OTLintCore
import OTLintYAML

/// Edits of collector configurations that fixes share.
enum CollectorEdits {
    /// Renames a component's type where it is defined and everywhere `service` names it, keeping each `/name`;
    /// nil when one of those places is not written plainly enough to edit exactly (then no fix is offered).
    static func rename(_ component: CollectorComponent, to newType: String, in config: CollectorConfig) -> [TextEdit]? {
        var edits: [TextEdit] = []
        let references = config.uses(of: component).map(\.reference)
            + (component.kind == .extension ? config.serviceExtensions.filter { $0.id == component.id } : [])
        for node in [component.key] + references.map(\.node) {
            guard let range = typeRange(of: node, id: component.id, type: component.type, in: config.file) else { return nil }
            edits.append(TextEdit(path: config.file.path, range: range, replacement: newType))
        }
        return edits
    }

    /// The bytes of the type part of an ID written in a node (plain or quoted).
    static func typeRange(of node: YAMLNode, id: String, type: String, in file: SourceFile) -> ByteRange? {
        guard let style = node.scalarStyle, node.scalar == id else { return nil }
        let start: Int
        switch style {
        case .plain: start = node.range.start
        case .singleQuoted, .doubleQuoted: start = node.range.start + 1
        case .literal, .folded: return nil
        }
        let range = ByteRange(start, start + type.utf8.count)
        guard range.end <= node.range.end, file.slice(range) == type else { return nil }
        return range
    }

    /// The nearest of `candidates` to `name` when it is close enough to be a typo.
    static func nearest(_ name: String, among candidates: [String]) -> String? {
        EditDistance.nearest(to: name, among: candidates, limit: name.count >= 12 ? 3 : 2)
    }
}
