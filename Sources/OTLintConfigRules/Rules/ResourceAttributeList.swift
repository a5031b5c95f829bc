#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// `OTEL_RESOURCE_ATTRIBUTES` read item by item, with byte offsets in the value, for rules that point at one
/// key or value and fixes that edit it.
struct ResourceAttributeItem {
    /// The whole item between commas.
    var item: ListItem
    /// The key as written (trimmed) and its range; nil when the item has no `=`.
    var rawKey: String?
    var keyRange: Range<Int>?
    var rawValue: String?
    var valueRange: Range<Int>?

    /// The key after percent-decoding (the raw key when the encoding is broken).
    var key: String? { rawKey.map(\.percentDecoded) }
    var value: String? { rawValue.map(\.percentDecoded) }

    static func parse(_ text: String) -> [ResourceAttributeItem] {
        ListItem.split(text).map { item in
            guard let equals = item.text.firstIndex(of: "=") else { return ResourceAttributeItem(item: item) }
            let keyPart = item.text[..<equals]
            let key = keyPart.blankTrimmed
            let keyStart = item.range.lowerBound
            let valuePart = item.text[item.text.index(after: equals)...]
            let valueOffset = item.range.lowerBound + item.text.utf8.distance(from: item.text.startIndex, to: valuePart.startIndex)
            let leading = valuePart.utf8.count - valuePart.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
            let value = valuePart.blankTrimmed
            return ResourceAttributeItem(item: item, rawKey: key, keyRange: keyStart..<(keyStart + key.utf8.count), rawValue: value,
                                         valueRange: (valueOffset + leading)..<(valueOffset + leading + value.utf8.count))
        }
    }
}

extension VariableDefinition {
    /// A location inside the value when it is written verbatim, else the whole value.
    func location(inValue range: Range<Int>) -> SourceLocation {
        valueSite?.location(ofValueBytes: range) ?? valueLocation
    }

    /// An edit of bytes inside the value, when the value is written verbatim and not in a shared merge block.
    func edit(inValue range: Range<Int>, replacement: String) -> TextEdit? {
        guard isEditable, let site = valueSite,
              let location = site.location(ofValueBytes: range) else { return nil }
        return TextEdit(path: site.file.path, range: location.range, replacement: replacement)
    }
}
