import CLibYAML
import OTLintCore

/// Builds positioned YAML trees from libyaml's event stream.
public enum YAMLParser {
    /// Deeper nesting than this is rejected: no configuration file needs it, and it protects the tree
    /// walkers from pathological input.
    public static let maximumDepth = 512

    /// Parses every document of the file. Throws libyaml's error with its position for invalid input.
    public static func parse(_ file: SourceFile) throws(YAMLError) -> [YAMLDocument] {
        var builder = TreeBuilder(file: file)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "out of memory", position: LineColumn(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }

        return try file.bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> [YAMLDocument] in
            // libyaml needs a non-null pointer even for empty input.
            let empty: [UInt8] = [0]
            try empty.withUnsafeBufferPointer { (emptyBuffer) throws(YAMLError) in
                // libyaml skips a byte order mark as one column of the first line, so a file that starts with one
                // would open its top-level mapping at column 1 and end it at the next key: it is skipped here.
                let mark = file.byteOrderMarkLength
                let base = buffer.count > mark ? buffer.baseAddress! + mark : emptyBuffer.baseAddress!
                yaml_parser_set_input_string(&parser, base, buffer.count - mark)
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        throw builder.libyamlError(parser)
                    }
                    defer { yaml_event_delete(&event) }
                    let type = event.type
                    try builder.handle(&event)
                    if type == YAML_STREAM_END_EVENT { break }
                }
            }
            return builder.documents
        }
    }
}

/// Turns events into nodes, keeping a stack of open collections.
private struct TreeBuilder {
    let file: SourceFile

    /// A collection whose end has not been seen yet. Its children are appended in place (`stack[last]`), so
    /// adding one never copies the ones before it.
    private struct OpenCollection {
        var isMapping: Bool
        var start: Int
        var flow: Bool
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// The collection and its contents with every alias expanded (for the expansion budget).
        var expandedSize = 1
    }

    private var stack: [OpenCollection] = []
    private var anchors: [String: YAMLNode] = [:]
    private var budget: YAMLExpansionBudget
    private var documentRoot: YAMLNode?
    private var documentStart = 0
    private(set) var documents: [YAMLDocument] = []

    init(file: SourceFile) {
        self.file = file
        budget = YAMLExpansionBudget(fileSize: file.bytes.count)
    }

    /// The last mark turned into an offset. Marks mostly move forward, so a later mark on the same line is
    /// counted from there: a file written on one line is not walked from its start for every node.
    private var lastMark = (line: -1, column: 0, offset: 0)

    private mutating func offset(_ mark: yaml_mark_t) -> Int {
        // Columns of the first line start after the byte order mark libyaml was not given; `byteOffset` counts it
        // as one column.
        let line = Int(mark.line), column = Int(mark.column) + (mark.line == 0 && file.byteOrderMarkLength > 0 ? 1 : 0)
        var result: Int
        if line == lastMark.line && column >= lastMark.column && !file.isASCII {
            let bytes = file.bytes
            result = lastMark.offset
            for _ in 0..<(column - lastMark.column) where result < bytes.count {
                result += 1
                while result < bytes.count && bytes[result] & 0xC0 == 0x80 { result += 1 }
            }
        } else {
            result = file.byteOffset(line: line, scalarColumn: column)
        }
        lastMark = (line, column, result)
        return result
    }

    private func position(_ mark: yaml_mark_t) -> LineColumn {
        LineColumn(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    func libyamlError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = TreeBuilder.cString(parser.problem) ?? "unknown error"
        var message = problem
        if let context = TreeBuilder.cString(parser.context) {
            message = "\(problem) \(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1)"
        }
        if problem.contains("cannot start any token"), file.lineText(Int(parser.problem_mark.line) + 1).contains("\t") {
            message += " (a tab cannot indent YAML; use spaces)"
        }
        return YAMLError(message: message, position: position(parser.problem_mark))
    }

    private static func cString(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentRoot = nil
            documentStart = offset(event.start_mark)
            anchors = [:]
            budget.startDocument()
        case YAML_DOCUMENT_END_EVENT:
            documents.append(YAMLDocument(root: documentRoot, range: ByteRange(documentStart, offset(event.end_mark))))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            let style: YAMLScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let written = offset(event.start_mark)
            let end = offset(event.end_mark)
            let start = skipProperties(from: written, end: end,
                                       hasProperties: scalar.tag != nil || scalar.anchor != nil)
            let node = YAMLNode(
                content: .scalar(value, style),
                range: ByteRange(start, end),
                tag: TreeBuilder.string(scalar.tag),
                anchor: TreeBuilder.string(scalar.anchor)
            )
            add(node, size: 1)
        case YAML_ALIAS_EVENT:
            let name = TreeBuilder.string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(message: "unknown anchor `\(name)` referenced by an alias", position: position(event.start_mark))
            }
            guard let size = budget.alias(of: name) else {
                throw YAMLError(message: budget.exceededMessage(anchor: name), position: position(event.start_mark))
            }
            add(target, size: size, isAlias: true)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try open(OpenCollection(
                isMapping: false, start: offset(event.start_mark), flow: data.style == YAML_FLOW_SEQUENCE_STYLE,
                tag: TreeBuilder.string(data.tag), anchor: TreeBuilder.string(data.anchor)
            ), at: event.start_mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try open(OpenCollection(
                isMapping: true, start: offset(event.start_mark), flow: data.style == YAML_FLOW_MAPPING_STYLE,
                tag: TreeBuilder.string(data.tag), anchor: TreeBuilder.string(data.anchor)
            ), at: event.start_mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let collection = stack.popLast() else { return }
            let node: YAMLNode
            let start = collection.start, tag = collection.tag, anchor = collection.anchor
            if collection.isMapping {
                let pairs = collection.pairs
                let end = collection.flow ? offset(event.end_mark) : (pairs.last.map { max($0.value.range.end, $0.key.range.end) } ?? start)
                node = YAMLNode(content: .mapping(pairs), range: ByteRange(start, end), tag: tag, anchor: anchor)
            } else {
                let items = collection.items
                let end = collection.flow ? offset(event.end_mark) : (items.last.map { max($0.range.end, start) } ?? start)
                node = YAMLNode(content: .sequence(items), range: ByteRange(start, end), tag: tag, anchor: anchor)
            }
            add(node, size: collection.expandedSize)
        default:
            break
        }
    }

    /// libyaml's start mark of a node includes its anchor and tag (`&a !!str value`); a range should cover
    /// the value itself, so that a fix replaces only the value.
    private func skipProperties(from start: Int, end: Int, hasProperties: Bool) -> Int {
        guard hasProperties else { return start }
        let bytes = file.bytes
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
            while index < end, !isBlank(bytes[index]) { index += 1 }
            while index < end, isBlank(bytes[index]) { index += 1 }
        }
        return index < end ? index : start
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func open(_ collection: OpenCollection, at mark: yaml_mark_t) throws(YAMLError) {
        guard stack.count < YAMLParser.maximumDepth else {
            throw YAMLError(message: "nesting deeper than \(YAMLParser.maximumDepth) levels", position: position(mark))
        }
        stack.append(collection)
    }

    /// Adds a finished node to the innermost open collection, or makes it the document root. `size`: the node
    /// with every alias in it expanded.
    private mutating func add(_ node: YAMLNode, size: Int, isAlias: Bool = false) {
        if !isAlias {
            if let anchor = node.anchor { anchors[anchor] = node }
            budget.written(anchor: node.anchor, size: size)
        }
        let top = stack.count - 1
        guard top >= 0 else {
            documentRoot = node
            return
        }
        stack[top].expandedSize += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }
}
