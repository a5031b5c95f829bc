import OTLintCore
import OTLintYAML

/// The `$` expressions in a collector configuration's values, as the collector's confmap reads them: `${env:NAME}`,
/// `${NAME}` (the env scheme by default), `${env:NAME:-default}`, `$$` (a literal `$`), and the bare `$NAME` that
/// collectors stopped expanding in v0.104.0. An SDK configuration file substitutes with the same syntax (only the
/// `env` scheme), and is read with it too.
struct CollectorExpansion {
    enum Form {
        /// `$NAME`.
        case bare(name: String)
        /// `${env:NAME}` or `${NAME}`, with its default (`:-…`) when written.
        case environment(name: String, defaultValue: String?)
        /// `${file:…}`, `${http:…}` and other providers.
        case provider(scheme: String)
    }

    var form: Form
    /// The bytes of the expression within the scalar's value.
    var bytes: Range<Int>
    var node: YAMLNode

    /// Every expression in every value of the configuration (keys are never expanded), each node once.
    static func all(in root: YAMLNode) -> [CollectorExpansion] {
        var found: [CollectorExpansion] = []
        var visited = Set<ObjectIdentifier>()
        var pending = [root]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar(let value, _):
                if value.utf8.contains(UInt8(ascii: "$")) { found += parse(value, node: node) }
            case .sequence(let items):
                guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
                pending += items.reversed()
            case .mapping(let pairs):
                guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
                pending += pairs.map(\.value).reversed()
            }
        }
        return found
    }

    static func parse(_ value: String, node: YAMLNode) -> [CollectorExpansion] {
        let bytes = Array(value.utf8)
        var found: [CollectorExpansion] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "$") { index += 2; continue }
            if next == UInt8(ascii: "{") {
                // The matching brace, counting nested `${…}`.
                var depth = 0, end = index + 1
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "{") { depth += 1 }
                    if bytes[end] == UInt8(ascii: "}") { depth -= 1; if depth == 0 { break } }
                    end += 1
                }
                guard end < bytes.count else { break }
                let inner = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                found.append(CollectorExpansion(form: form(ofReference: inner), bytes: index..<(end + 1), node: node))
                index = end + 1
                continue
            }
            if VariableName.isStart(next) {
                var end = index + 1
                while end < bytes.count && VariableName.isByte(bytes[end]) { end += 1 }
                found.append(CollectorExpansion(form: .bare(name: String(decoding: bytes[(index + 1)..<end], as: UTF8.self)),
                                                bytes: index..<end, node: node))
                index = end
                continue
            }
            index += 1
        }
        return found
    }

    /// `env:NAME:-default`, `NAME`, `file:/path`.
    private static func form(ofReference inner: String) -> Form {
        var body = Substring(inner)
        if let colon = body.firstIndex(of: ":"), body[..<colon].allSatisfy({ $0.isLetter }), !body[..<colon].isEmpty,
           !body[colon...].hasPrefix(":-") {
            let scheme = String(body[..<colon])
            guard scheme == "env" else { return .provider(scheme: scheme) }
            body = body[body.index(after: colon)...]
        }
        if let separator = body.firstRange(of: ":-") {
            return .environment(name: String(body[..<separator.lowerBound]), defaultValue: String(body[separator.upperBound...]))
        }
        return .environment(name: String(body), defaultValue: nil)
    }

    /// Where the expression is written: exact when the scalar's text is its value verbatim, else the scalar.
    func location(in file: SourceFile) -> SourceLocation {
        guard let content = ComposeParser.content(of: node, in: file), content.verbatim else { return file.location(node.range) }
        return file.location(ByteRange(content.range.start + bytes.lowerBound, content.range.start + bytes.upperBound))
    }

    /// The expression's range in the file when the scalar is its value verbatim (for a fix).
    func range(in file: SourceFile) -> ByteRange? {
        guard let content = ComposeParser.content(of: node, in: file), content.verbatim else { return nil }
        return ByteRange(content.range.start + bytes.lowerBound, content.range.start + bytes.upperBound)
    }
}
