import OTLintCore
import OTLintYAML

/// An OpenTelemetry SDK configuration file (declarative configuration, `OTEL_CONFIG_FILE`): its root mapping, its
/// declared `file_format`, and the environment references its values substitute.
struct SDKConfigFile: Sendable {
    var source: SourceFile
    var root: YAMLNode
    var fileFormat: YAMLNode?
    /// Every `${NAME}`, `${env:NAME}` and `${NAME:-default}` of its values, in file order.
    var references: [Reference]
    /// `$NAME` without braces, which the SDK leaves as written, and `${…}` it cannot read.
    var substitutionProblems: [SchemaViolation]

    struct Reference: Sendable {
        var name: String
        var hasDefault: Bool
        var range: ByteRange
    }

    /// The file read from parsed documents; nil with an input error when its root is no mapping.
    static func read(_ source: SourceFile, documents: [YAMLDocument]) -> (SDKConfigFile?, [InputError]) {
        guard let root = documents.compactMap(\.root).first(where: { !$0.isNull }) else { return (nil, []) }
        guard root.mergedPairs != nil else {
            return (nil, [InputError(path: source.path, position: source.lineColumn(at: root.range.start),
                                     message: "an SDK configuration file must be a mapping (with `file_format`), found \(ComposeParser.describe(root))")])
        }
        var file = SDKConfigFile(source: source, root: root, fileFormat: root["file_format"], references: [], substitutionProblems: [])
        file.scan(root)
        return (file, [])
    }

    /// Whether the SDK reading the file reads a variable: substituted somewhere, or `OTEL_SERVICE_NAME` through the
    /// `service` resource detector (`resource.detection/development.detectors`), which takes the name from it.
    func reads(_ name: String) -> Bool {
        if references.contains(where: { $0.name == name }) { return true }
        guard name == "OTEL_SERVICE_NAME", let detectors = root["resource"]?["detection/development"]?["detectors"]?.sequence else { return false }
        return detectors.contains { $0.mergedPairs?.contains { $0.key.scalar == "service" } == true || $0.scalar == "service" }
    }

    /// Collects the substitutions of every scalar value (keys are never substituted: a `${` there is a mistake).
    private mutating func scan(_ node: YAMLNode) {
        if let pairs = node.mergedPairs {
            for pair in pairs {
                if let key = pair.key.scalar, key.contains("${") {
                    substitutionProblems.append(SchemaViolation(range: pair.key.range, message: "`\(key)` substitutes into a key: the SDK substitutes only values, so the key is read as written"))
                }
                scan(pair.value)
            }
        } else if let items = node.sequence {
            items.forEach { scan($0) }
        } else if let text = node.scalar, text.contains("$") {
            scanScalar(text, node: node)
        }
    }

    /// The file substitutes as the collector's configuration expands (the same syntax in both specifications):
    /// `${NAME}`, `${env:NAME}`, `${NAME:-default}`, `$$`; a bare `$NAME` stays as written.
    private mutating func scanScalar(_ text: String, node: YAMLNode) {
        for expansion in CollectorExpansion.parse(text, node: node) {
            let written = String(decoding: Array(text.utf8)[expansion.bytes], as: UTF8.self)
            let range = expansion.range(in: source) ?? node.range
            switch expansion.form {
            case .environment(let name, let defaultValue) where VariableName.isValid(name):
                references.append(Reference(name: name, hasDefault: defaultValue != nil, range: range))
            case .bare(let name):
                substitutionProblems.append(SchemaViolation(range: range,
                    message: "`$\(name)` is not substituted: the SDK reads only `${\(name)}` (with braces), so the value keeps the text `$\(name)`"))
            case .environment, .provider:
                substitutionProblems.append(SchemaViolation(range: range,
                    message: "`\(written)` is no substitution the SDK reads (`${NAME}`, `${env:NAME}`, `${NAME:-default}`): it refuses the file"))
            }
        }
    }
}

extension SDKConfigFile {
    /// The `file_format` literals the SDKs' parsers accept: `MAJOR.MINOR`, optionally `-rc.N` (the schema's
    /// `file_format` description; opentelemetry-configuration VERSIONING.md).
    static func isAcceptedLiteral(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        guard parts.count == 2 else { return true }
        let tag = parts[1]
        return tag.hasPrefix("rc.") && !tag.dropFirst(3).isEmpty && tag.dropFirst(3).allSatisfy(\.isNumber)
    }

    /// Whether the bytes of a YAML file found by walking a folder may be an SDK configuration file.
    static func mayBeOne(_ file: SourceFile) -> Bool {
        ByteSearch.contains(Array("file_format".utf8), in: file.bytes)
    }
}
