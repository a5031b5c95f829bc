#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore
import OTLintYAML

/// A JSON Schema value (the condensed schemas of `SDKConfigSchemaData`), as a tree that can be shared across threads.
indirect enum SchemaValue: Sendable, Decodable {
    case object([String: SchemaValue])
    case array([SchemaValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // `JSONDecoder` reads `true` only as a Bool and `1` only as a number: tried in that order, each is exact.
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let items = try? container.decode([SchemaValue].self) { self = .array(items) }
        else { self = .object(try container.decode([String: SchemaValue].self)) }
    }

    subscript(key: String) -> SchemaValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var text: String? { if case .string(let text) = self { return text } else { return nil } }
    var number: Double? { if case .number(let number) = self { return number } else { return nil } }
    var list: [SchemaValue]? { if case .array(let items) = self { return items } else { return nil } }
    var fields: [String: SchemaValue]? { if case .object(let fields) = self { return fields } else { return nil } }
}

/// One place where a configuration file breaks its schema.
struct SchemaViolation: Sendable {
    var range: ByteRange
    var message: String
}

/// The JSON Schema of one `file_format` release, validating a YAML tree the way the SDKs' parsers read it: a scalar's
/// type is YAML's (plain `true` is a boolean, `8` an integer, quoted text a string), and a value with `${…}` is
/// typed only after substitution, so its type is not judged.
struct SDKConfigSchema: Sendable {
    let fileFormat: String
    let tag: String
    let root: SchemaValue

    /// The embedded schema of a `file_format` (`1.0`, `1.1`), parsed on first use.
    static func schema(for fileFormat: String) -> SDKConfigSchema? { loaded[fileFormat] }

    private static let loaded: [String: SDKConfigSchema] = {
        var result: [String: SDKConfigSchema] = [:]
        for (fileFormat, entry) in SDKConfigSchemaData.schemas {
            guard let root = try? JSONDecoder().decode(SchemaValue.self, from: Data(entry.json.utf8)) else { continue }
            result[fileFormat] = SDKConfigSchema(fileFormat: fileFormat, tag: entry.tag, root: root)
        }
        return result
    }()

    func validate(_ node: YAMLNode) -> [SchemaViolation] {
        validate(node, against: root, path: "", anchor: nil)
    }

    private func resolve(_ reference: String) -> SchemaValue? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
    }

    /// `anchor`: the key the node is the value of, where a finding about the node as a whole (a missing key) points.
    private func validate(_ node: YAMLNode, against schema: SchemaValue, path: String, anchor: ByteRange?) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        let whole = anchor ?? node.range
        if let reference = schema["$ref"]?.text, let target = resolve(reference) {
            violations += validate(node, against: target, path: path, anchor: anchor)
        }
        for keyword in ["oneOf", "anyOf"] {
            guard let alternatives = schema[keyword]?.list else { continue }
            if !alternatives.contains(where: { validate(node, against: $0, path: path, anchor: anchor).isEmpty }) {
                violations.append(SchemaViolation(range: whole, message: "\(Self.name(path)) has none of the forms the schema allows here"))
            }
        }
        let kind = Self.kind(of: node)
        if let types = Self.types(schema), let kind, !types.contains(kind), !(kind == "integer" && types.contains("number")) {
            let expected = types.filter { $0 != "null" }.joined(separator: " or ")
            violations.append(SchemaViolation(range: node.range, message: "\(Self.name(path)) must be \(Self.article(expected)), found \(Self.describe(node, kind: kind))"))
            return violations
        }
        if let allowed = schema["enum"]?.list, let scalar = node.scalar, kind != nil, kind != "null" {
            let values = allowed.compactMap { $0.text ?? $0.number.map { String(Int($0)) } }
            if !values.contains(scalar) {
                let suggestion = EditDistance.nearest(to: scalar, among: values, limit: 3).map { "; did you mean `\($0)`?" } ?? ""
                violations.append(SchemaViolation(range: node.range, message: "\(Self.name(path)) is `\(scalar)`, which is none of \(values.map { "`\($0)`" }.joined(separator: ", "))\(suggestion)"))
            }
        }
        if let value = node.scalar.flatMap(Double.init), kind == "integer" || kind == "number" {
            if let minimum = schema["minimum"]?.number, value < minimum {
                violations.append(SchemaViolation(range: node.range, message: "\(Self.name(path)) must be at least \(Self.format(minimum)), found `\(node.scalar ?? "")`"))
            }
            if let minimum = schema["exclusiveMinimum"]?.number, value <= minimum {
                violations.append(SchemaViolation(range: node.range, message: "\(Self.name(path)) must be more than \(Self.format(minimum)), found `\(node.scalar ?? "")`"))
            }
            if let maximum = schema["maximum"]?.number, value > maximum {
                violations.append(SchemaViolation(range: node.range, message: "\(Self.name(path)) must be at most \(Self.format(maximum)), found `\(node.scalar ?? "")`"))
            }
        }
        if let pairs = node.mergedPairs {
            violations += validateObject(node, pairs: pairs, schema: schema, path: path, whole: whole)
        }
        if let items = node.sequence {
            if let minimum = schema["minItems"]?.number, Double(items.count) < minimum {
                violations.append(SchemaViolation(range: whole, message: "\(Self.name(path)) needs at least \(Self.format(minimum)) item\(minimum == 1 ? "" : "s")"))
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { violations += validate(item, against: itemSchema, path: "\(path)[\(index)]", anchor: nil) }
            }
        }
        return violations
    }

    private func validateObject(_ node: YAMLNode, pairs: [YAMLPair], schema: SchemaValue, path: String, whole: ByteRange) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        let properties = schema["properties"]?.fields ?? [:]
        let keys = pairs.compactMap(\.key.scalar)
        for required in schema["required"]?.list?.compactMap(\.text) ?? [] where !keys.contains(required) {
            violations.append(SchemaViolation(range: whole, message: "\(Self.name(path)) needs `\(required)`"))
        }
        if let minimum = schema["minProperties"]?.number, Double(pairs.count) < minimum {
            violations.append(SchemaViolation(range: whole, message: "\(Self.name(path)) needs at least \(Self.format(minimum)) key\(minimum == 1 ? "" : "s")"))
        }
        if let maximum = schema["maxProperties"]?.number, Double(pairs.count) > maximum {
            violations.append(SchemaViolation(range: whole, message: "\(Self.name(path)) takes at most \(Self.format(maximum)) key\(maximum == 1 ? "" : "s"), found \(pairs.count)"))
        }
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            if let property = properties[key] {
                violations += validate(pair.value, against: property, path: childPath, anchor: pair.key.range)
                continue
            }
            guard schema["patternProperties"] == nil else { continue }
            switch schema["additionalProperties"] {
            case .bool(false)?:
                let suggestion = EditDistance.nearest(to: key, among: properties.keys.sorted(), limit: 3).map { "; did you mean `\($0)`?" } ?? ""
                violations.append(SchemaViolation(range: pair.key.range, message: "`\(key)` is not a key of \(Self.name(path))\(suggestion)"))
            case .object(let fields)?:
                violations += validate(pair.value, against: .object(fields), path: childPath, anchor: pair.key.range)
            default:
                break
            }
        }
        return violations
    }

    private static func types(_ schema: SchemaValue) -> [String]? {
        if let single = schema["type"]?.text { return [single] }
        return schema["type"]?.list?.compactMap(\.text)
    }

    /// The JSON type a YAML node has once parsed; nil when substitution decides it.
    static func kind(of node: YAMLNode) -> String? {
        if node.mergedPairs != nil { return "object" }
        if node.sequence != nil { return "array" }
        guard let scalar = node.scalar else { return nil }
        if scalar.contains("${") { return nil }
        guard node.scalarStyle == .plain else { return "string" }
        if node.isNull { return "null" }
        if ["true", "false", "True", "False", "TRUE", "FALSE"].contains(scalar) { return "boolean" }
        if Int(scalar) != nil { return "integer" }
        if Double(scalar) != nil, !scalar.contains(where: \.isLetter) { return "number" }
        return "string"
    }

    private static func describe(_ node: YAMLNode, kind: String) -> String {
        switch kind {
        case "object": "a mapping"
        case "array": "a list"
        case "null": "nothing"
        default: "`\(node.scalar ?? "")`"
        }
    }

    private static func name(_ path: String) -> String { path.isEmpty ? "the file" : "`\(path)`" }

    private static func article(_ type: String) -> String {
        let words = ["object": "a mapping", "array": "a list", "string": "a string", "integer": "an integer", "number": "a number", "boolean": "`true` or `false`"]
        return type.split(separator: " ").map { words[String($0)] ?? String($0) }.joined(separator: " ")
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
