/// An inline comment that silences rules: `# otlint: disable=OTL101 -- reason` in YAML and env files,
/// `// otlint:disable-next-line OTL201 -- reason` in Swift.
///
/// Directives: `disable` (a trailing comment covers its own line; a comment on a line of its own covers the
/// next line with content), `disable-line`, `disable-next-line`, `disable-file`. Rule IDs are separated by
/// commas or spaces; `all` silences every rule. Text after `--` (or `because`) is the reason.
public struct Suppression: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        case line(Int)
        case file
    }

    public var scope: Scope
    public var ruleIDs: [String]
    public var reason: String?
    /// The comment's range, for reporting a suppression that silences nothing and for removing it.
    public var commentRange: ByteRange
    /// The range a fix deletes to remove the suppression (the whole line when the comment stands alone).
    public var removalRange: ByteRange

    public func covers(_ diagnostic: Diagnostic) -> Bool {
        guard ruleIDs.contains(where: { $0 == "ALL" || $0 == diagnostic.ruleID }) else { return false }
        switch scope {
        case .file: return true
        case .line(let line): return diagnostic.location.start.line == line
        }
    }
}

/// Finds suppression comments in a file.
public enum SuppressionScanner {
    /// The comment marker of a file kind: `//` for Swift, `#` for everything otlint reads otherwise.
    public static func commentMarker(forPath path: String) -> String {
        path.hasSuffix(".swift") ? "//" : "#"
    }

    public static func scan(_ file: SourceFile) -> [Suppression] {
        // Cheap rejection: most files have no directive at all.
        guard ByteSearch.contains("otlint:", in: file.bytes) else { return [] }
        let marker = commentMarker(forPath: file.path)
        var result: [Suppression] = []
        for lineIndex in 0..<file.lineCount {
            let line = file.lineText(lineIndex + 1)
            guard let directiveRange = line.firstRange(of: "otlint:") else { continue }
            guard let markerRange = lastRange(of: marker, in: line[..<directiveRange.lowerBound]) else { continue }
            // The comment marker must directly precede the directive (only spaces between).
            let between = line[markerRange.upperBound..<directiveRange.lowerBound]
            guard between.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            // In YAML and env files `#` starts a comment only at the line start or after whitespace.
            if marker == "#", markerRange.lowerBound > line.startIndex {
                let before = line[line.index(before: markerRange.lowerBound)]
                guard before == " " || before == "\t" else { continue }
            }
            guard let parsed = parseDirective(line[directiveRange.upperBound...]) else { continue }
            let codeBefore = line[..<markerRange.lowerBound].blankTrimmed
            let lineStart = file.lineStarts[lineIndex]
            let markerOffset = lineStart + line[..<markerRange.lowerBound].utf8.count
            let lineEnd = lineStart + line.utf8.count
            let nextLineStart = lineIndex + 1 < file.lineCount ? file.lineStarts[lineIndex + 1] : file.bytes.count
            let standsAlone = codeBefore.isEmpty
            // Removing a trailing comment also removes the spaces before it.
            var trailingStart = markerOffset
            while trailingStart > lineStart, file.bytes[trailingStart - 1] == UInt8(ascii: " ") || file.bytes[trailingStart - 1] == UInt8(ascii: "\t") {
                trailingStart -= 1
            }
            let removal = standsAlone ? ByteRange(lineStart, nextLineStart) : ByteRange(trailingStart, lineEnd)
            let scope: Suppression.Scope
            switch parsed.directive {
            case "disable-file":
                scope = .file
            case "disable-line":
                scope = .line(lineIndex + 1)
            case "disable-next-line":
                scope = .line(nextContentLine(after: lineIndex, in: file, marker: marker))
            default:
                scope = .line(standsAlone ? nextContentLine(after: lineIndex, in: file, marker: marker) : lineIndex + 1)
            }
            result.append(Suppression(
                scope: scope, ruleIDs: parsed.ruleIDs, reason: parsed.reason,
                commentRange: ByteRange(markerOffset, lineEnd), removalRange: removal
            ))
        }
        return result
    }

    /// 1-based number of the first line after `lineIndex` that is neither blank nor only a comment.
    private static func nextContentLine(after lineIndex: Int, in file: SourceFile, marker: String) -> Int {
        var index = lineIndex + 1
        while index < file.lineCount {
            let text = file.lineText(index + 1).blankTrimmed
            if !text.isEmpty && !text.hasPrefix(marker) { return index + 1 }
            index += 1
        }
        return lineIndex + 2
    }

    /// The last occurrence of `needle` in `text`, as Foundation's backwards search finds it: in `/// otlint:` the
    /// `//` that ends just before the directive (the standard library has no backwards search).
    private static func lastRange(of needle: String, in text: Substring) -> Range<String.Index>? {
        var start = text.endIndex
        while start > text.startIndex {
            start = text.index(before: start)
            if text[start...].hasPrefix(needle) { return start..<text.index(start, offsetBy: needle.count) }
        }
        return nil
    }

    private static let directives = ["disable-next-line", "disable-line", "disable-file", "disable"]

    private static func parseDirective(_ text: Substring) -> (directive: String, ruleIDs: [String], reason: String?)? {
        var rest = text.drop(while: { $0 == " " })
        guard let directive = directives.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(directive.count)
        if let next = rest.first, next != " ", next != "=", next != "\t" { return nil }
        rest = rest.drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        var reason: String?
        for separator in [" -- ", "--", " — ", " because "] {
            if let range = rest.firstRange(of: separator) {
                reason = rest[range.upperBound...].blankTrimmed
                rest = rest[..<range.lowerBound]
                break
            }
        }
        let ids = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map { $0.blankTrimmed.uppercased() }
            .filter { !$0.isEmpty }
        guard !ids.isEmpty, ids.allSatisfy({ $0 == "ALL" || $0.hasPrefix("OTL") }) else { return nil }
        return (directive, ids, reason?.isEmpty == true ? nil : reason)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
