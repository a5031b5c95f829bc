import Foundation

/// Every byte range of every file that holds a secret (a header value, the user-info of a URL, a literal
/// credential in code), whichever rule or reader found it.
///
/// Masking is a property of the file, not of a finding: a line excerpt printed for one rule masks the secrets
/// that another rule or the file's reader knows of too, and every text otlint prints (messages, notes, fix
/// titles, baselines) goes through `redact`, so no output format carries a secret.
public struct SecretSpans: Sendable {
    public private(set) var rangesByPath: [String: [ByteRange]] = [:]
    /// The secret texts themselves, for redacting free text (a message that quotes a value).
    public private(set) var texts: Set<String> = []
    /// Finds which of `texts` occur in a text without searching for each of them.
    private var finder = SecretTextFinder()
    /// Each file's ranges merged and sorted, built on first use after the last change (a fresh cache on every
    /// change, so copies never share a stale one): masking a text is a binary search, not a pass over every
    /// secret of the file.
    private var mergedRanges = MergedRangesCache()

    /// What replaces a secret in every output.
    public static let mask = "****"
    /// Shorter texts are not redacted from free text: replacing every `a` or `on` would garble messages, and
    /// so short a value is no secret worth the name.
    static let shortestRedactedText = 4

    public init() {}

    public var isEmpty: Bool { rangesByPath.isEmpty }

    /// Records a secret span of `file`.
    public mutating func add(_ range: ByteRange, in file: SourceFile) {
        guard !range.isEmpty else { return }
        rangesByPath[file.path, default: []].append(range)
        mergedRanges = MergedRangesCache()
        let text = file.slice(range)
        if text.utf8.count >= SecretSpans.shortestRedactedText, texts.insert(text).inserted { finder.add(text) }
    }

    public mutating func merge(_ other: SecretSpans) {
        for (path, ranges) in other.rangesByPath { rangesByPath[path, default: []] += ranges }
        mergedRanges = MergedRangesCache()
        for text in other.texts where texts.insert(text).inserted { finder.add(text) }
    }

    /// The secret ranges of one file.
    public func ranges(in path: String) -> [ByteRange] {
        rangesByPath[path] ?? []
    }

    /// Whether a byte range of `path` overlaps a secret.
    public func overlaps(_ range: ByteRange, in path: String) -> Bool {
        ranges(in: path).contains { $0.overlaps(range) }
    }

    /// Free text with every known secret replaced by the mask (longest first, so a secret that contains
    /// another is replaced whole).
    public func redact(_ text: String) -> String {
        guard !texts.isEmpty else { return text }
        var result = text
        for secret in finder.occurring(in: text) where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: SecretSpans.mask)
        }
        return result
    }

    /// The bytes of `range` in `file` with every secret in them replaced by the mask.
    public func maskedText(of range: ByteRange, in file: SourceFile) -> String {
        let secrets = mergedRanges.ranges(in: file.path, of: self, overlapping: range)
        guard !secrets.isEmpty else { return file.slice(range) }
        var bytes = Array(file.bytes[max(range.start, 0)..<min(range.end, file.bytes.count)])
        for secret in secrets.reversed() {
            let start = max(secret.start - range.start, 0)
            let end = min(secret.end - range.start, bytes.count)
            guard start < end else { continue }
            bytes.replaceSubrange(start..<end, with: Array(SecretSpans.mask.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Overlapping or touching ranges joined, in ascending order.
    fileprivate func merged(_ ranges: [ByteRange]) -> [ByteRange] {
        var result: [ByteRange] = []
        for range in ranges.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1] = ByteRange(last.start, max(last.end, range.end))
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// A 1-based line of `file`, without its line break, with its secrets masked.
    public func maskedLine(_ line: Int, of file: SourceFile) -> String {
        guard line >= 1 && line <= file.lineCount else { return "" }
        let start = file.lineStarts[line - 1]
        var end = line < file.lineCount ? file.lineStarts[line] : file.bytes.count
        while end > start && (file.bytes[end - 1] == UInt8(ascii: "\n") || file.bytes[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        return maskedText(of: ByteRange(start, end), in: file)
    }

    /// A diagnostic with every text it prints redacted (message, why, help, notes, fix title and edits).
    public func redact(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !texts.isEmpty else { return diagnostic }
        var redacted = diagnostic
        redacted.message = redact(diagnostic.message)
        redacted.why = diagnostic.why.map(redact)
        redacted.help = diagnostic.help.map(redact)
        redacted.related = diagnostic.related.map { RelatedLocation(location: $0.location, message: redact($0.message)) }
        if var fix = diagnostic.fix {
            fix.title = redact(fix.title)
            fix.edits = fix.edits.map { TextEdit(path: $0.path, range: $0.range, replacement: redact($0.replacement)) }
            redacted.fix = fix
        }
        return redacted
    }
}

/// `SecretSpans`' ranges of each file, merged and sorted once.
private final class MergedRangesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: [ByteRange]] = [:]

    /// The merged ranges of `path` that overlap `range`: the same as merging those of the unmerged ranges that
    /// overlap it (a merged range that overlaps the window differs from them only outside the window).
    func ranges(in path: String, of spans: SecretSpans, overlapping range: ByteRange) -> [ByteRange] {
        lock.lock()
        let all: [ByteRange]
        if let cached = byPath[path] {
            all = cached
        } else {
            all = spans.merged(spans.ranges(in: path))
            byPath[path] = all
        }
        lock.unlock()
        // The first merged range that ends after the window starts, then every one that starts before it ends.
        var low = 0, high = all.count
        while low < high {
            let middle = (low + high) / 2
            if all[middle].end <= range.start { low = middle + 1 } else { high = middle }
        }
        var result: [ByteRange] = []
        while low < all.count && all[low].start < range.end {
            if all[low].overlaps(range) { result.append(all[low]) }
            low += 1
        }
        return result
    }
}
