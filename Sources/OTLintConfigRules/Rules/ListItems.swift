#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// One item of a comma-separated value (`OTEL_PROPAGATORS`, `OTEL_RESOURCE_ATTRIBUTES`), with byte offsets in
/// the value so findings can point at it and fixes can remove it.
struct ListItem {
    /// The item without surrounding blanks.
    var text: String
    /// Byte range of `text` in the value.
    var range: Range<Int>
    /// Byte range of the raw item between its commas (blanks included).
    var rawRange: Range<Int>

    /// Splits on every comma, keeping empty items.
    static func split(_ value: String) -> [ListItem] {
        var items: [ListItem] = []
        var offset = 0
        for raw in value.split(separator: ",", omittingEmptySubsequences: false) {
            let length = raw.utf8.count
            let leading = length - raw.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
            let text = raw.blankTrimmed
            let start = offset + min(leading, length)
            items.append(ListItem(text: text, range: start..<(start + text.utf8.count), rawRange: offset..<(offset + length)))
            offset += length + 1
        }
        return items
    }

    /// The bytes to delete to remove item `index` of `items` with one of its commas.
    static func removalRange(of index: Int, in items: [ListItem]) -> Range<Int> {
        let item = items[index]
        if index > 0 { return (item.rawRange.lowerBound - 1)..<item.rawRange.upperBound }
        if items.count > 1 { return item.rawRange.lowerBound..<(item.rawRange.upperBound + 1) }
        return item.rawRange
    }
}
