import OTLintCore

/// OTL302: `OTEL_RESOURCE_ATTRIBUTES` that is not a clean `key=value,...` list: items without `=`, empty keys,
/// an unencoded `=` in a value, broken percent-encoding, duplicate keys.
struct MalformedResourceAttributesRule: ScopeRule {
    static let id = "OTL302"

    static let discarded = "on a malformed item the specification lets SDKs discard the whole variable, so every resource attribute (service version, environment, …) may be lost"

    func check(_ scope: EnvironmentScope, project: ConfigProject) -> [Diagnostic] {
        guard let definition = scope.setting("OTEL_RESOURCE_ATTRIBUTES"), let value = definition.value else { return [] }
        let items = ResourceAttributeItem.parse(value)
        var diagnostics: [Diagnostic] = []
        var firstByKey: [String: ResourceAttributeItem] = [:]
        for (index, attribute) in items.enumerated() {
            let item = attribute.item
            if item.text.isEmpty {
                // `a=1,,b=2` or a trailing comma: most SDKs skip it, some reject the list.
                guard items.count > 1 else { continue }
                let removal = ListItem.removalRange(of: index, in: items.map(\.item))
                let fix = definition.edit(inValue: removal, replacement: "").map {
                    Fix(title: "remove the empty item", edits: [$0], applicability: .safe)
                }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: .info, message: "`OTEL_RESOURCE_ATTRIBUTES` has an empty item (a stray comma)",
                    location: definition.location(inValue: item.rawRange.isEmpty ? removal : item.rawRange),
                    why: "most SDKs skip empty items, but a strict parser rejects the list",
                    help: "remove the extra comma", related: definition.valueRelated, fix: fix))
                continue
            }
            guard let rawKey = attribute.rawKey, let keyRange = attribute.keyRange, let rawValue = attribute.rawValue,
                  let valueRange = attribute.valueRange else {
                let previous = index > 0 ? items[index - 1] : nil
                let commaHint = previous?.rawValue != nil ? "; if it belongs to the previous value, encode the comma as `%2C`" : ""
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "`\(item.text)` in `OTEL_RESOURCE_ATTRIBUTES` is not a `key=value` pair",
                    location: definition.location(inValue: item.range), why: Self.discarded,
                    help: "write it as `key=value`\(commaHint)", related: definition.valueRelated))
                continue
            }
            if rawKey.isEmpty {
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity, message: "an item of `OTEL_RESOURCE_ATTRIBUTES` has an empty key",
                    location: definition.location(inValue: item.range), why: Self.discarded,
                    help: "write a key before `=`, e.g. `service.version=\(rawValue.isEmpty ? "1.0" : rawValue)`", related: definition.valueRelated))
                continue
            }
            for (text, range, part) in [(rawKey, keyRange, "key"), (rawValue, valueRange, "value")] {
                if let offset = Self.brokenPercentEncoding(text) {
                    diagnostics.append(Diagnostic(
                        ruleID: id, severity: severity,
                        message: "the \(part) `\(text)` in `OTEL_RESOURCE_ATTRIBUTES` has a `%` that is not followed by two hex digits",
                        location: definition.location(inValue: (range.lowerBound + offset)..<(range.lowerBound + offset + 1)),
                        why: "values are percent-decoded; a decoding failure makes SDKs discard the whole variable",
                        help: "write a literal `%` as `%25`", related: definition.valueRelated,
                        fix: definition.edit(inValue: (range.lowerBound + offset)..<(range.lowerBound + offset + 1), replacement: "%25").map {
                            Fix(title: "encode `%` as `%25`", edits: [$0], applicability: .unsafe)
                        }))
                }
            }
            if rawValue.contains("=") {
                let fix = definition.edit(inValue: valueRange, replacement: rawValue.replacingEvery("=", with: "%3D")).map {
                    Fix(title: "encode `=` as `%3D`", edits: [$0], applicability: .safe)
                }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: severity,
                    message: "the value of `\(rawKey)` in `OTEL_RESOURCE_ATTRIBUTES` contains an unencoded `=`",
                    location: definition.location(inValue: valueRange),
                    why: "the specification requires `,` and `=` inside values to be percent-encoded; SDKs that split on every `=` misread the item",
                    help: "write `=` as `%3D`", related: definition.valueRelated, fix: fix))
            }
            let key = attribute.key ?? rawKey
            if let first = firstByKey[key] {
                let firstValue = first.value ?? ""
                let same = firstValue == (attribute.value ?? "")
                let removal = ListItem.removalRange(of: items.firstIndex { $0.item.range == first.item.range } ?? index, in: items.map(\.item))
                let fix = definition.edit(inValue: removal, replacement: "").map {
                    Fix(title: "remove the first `\(key)`", edits: [$0], applicability: same ? .safe : .unsafe)
                }
                diagnostics.append(Diagnostic(
                    ruleID: id, severity: same ? .info : severity,
                    message: same ? "`\(key)` is listed twice in `OTEL_RESOURCE_ATTRIBUTES` with the same value"
                        : "`\(key)` is listed twice in `OTEL_RESOURCE_ATTRIBUTES` with different values (`\(firstValue)` and `\(attribute.value ?? "")`)",
                    location: definition.location(inValue: first.keyRange ?? first.item.range),
                    why: same ? "the second entry repeats the first" : "the specification does not say which one wins; Python and Java keep the last",
                    help: "keep one `\(key)`",
                    related: definition.valueRelated + [RelatedLocation(location: definition.location(inValue: keyRange), message: "`\(key)` again")],
                    fix: fix))
            } else {
                firstByKey[key] = attribute
            }
        }
        return diagnostics
    }

    /// The offset of the first `%` not followed by two hex digits.
    static func brokenPercentEncoding(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            if index + 2 >= bytes.count || !isHex(bytes[index + 1]) || !isHex(bytes[index + 2]) { return index }
        }
        return nil
    }
}
