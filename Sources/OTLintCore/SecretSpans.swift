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

    /// What replaces a secret in every output.
    public static let mask = "****"
    /// Shorter texts are not redacted from free text: replacing every `a` or `on` would garble messages, and
    /// so short a value is no secret worth the name.
    static let shortestRedactedText = 4

    public init() {}

    public var isEmpty: Bool { rangesByPath.isEmpty }

    /// Records a secret span of `file`. `redactsText` also removes its text from every message and note; it is
    /// for values that really look like secrets, not for every header value (a header value `production`
    /// masked in excerpts must not vanish from a sentence about the production tier).
    public mutating func add(_ range: ByteRange, in file: SourceFile, redactsText: Bool = true) {
        guard !range.isEmpty else { return }
        rangesByPath[file.path, default: []].append(range)
        isSealed = false
        guard redactsText else { return }
        credentialRangesByPath[file.path, default: []].append(range)
        let text = file.slice(range)
        if text.utf8.count >= SecretSpans.shortestRedactedText { texts.insert(text) }
    }

    /// The spans that look like real credentials (those added with `redactsText`), as recorded.
    private var credentialRangesByPath: [String: [ByteRange]] = [:]

    public mutating func merge(_ other: SecretSpans) {
        for (path, ranges) in other.rangesByPath { rangesByPath[path, default: []] += ranges }
        for (path, ranges) in other.credentialRangesByPath { credentialRangesByPath[path, default: []] += ranges }
        texts.formUnion(other.texts)
        isSealed = false
    }

    private var isSealed = true

    /// Sorts and joins each file's ranges, so that every look-up is a binary search: a file with a hundred
    /// thousand secrets and as many findings stays linear. Call once all spans are in.
    public mutating func seal() {
        guard !isSealed else { return }
        for (path, ranges) in rangesByPath { rangesByPath[path] = SecretSpans.merged(ranges) }
        isSealed = true
    }

    /// The secret ranges of one file that overlap `range`, in ascending order.
    public func ranges(in path: String, overlapping range: ByteRange) -> [ByteRange] {
        guard let all = rangesByPath[path] else { return [] }
        let sorted = isSealed ? all : SecretSpans.merged(all)
        // The first range that ends after `range` starts.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].end <= range.start { low = middle + 1 } else { high = middle }
        }
        var result: [ByteRange] = []
        var index = low
        while index < sorted.count, sorted[index].start < max(range.end, range.start + 1) {
            if sorted[index].overlaps(range) || (range.isEmpty && sorted[index].contains(range.start)) { result.append(sorted[index]) }
            index += 1
        }
        return result
    }

    /// Whether a byte range of `path` overlaps a secret.
    public func overlaps(_ range: ByteRange, in path: String) -> Bool {
        !ranges(in: path, overlapping: range).isEmpty
    }

    /// The 0-based lines of `file` that hold a credential (not merely a masked header value such as a tenant
    /// name): what `--diff` never prints.
    public func credentialLines(of file: SourceFile) -> Set<Int> {
        var lines = Set<Int>()
        for range in credentialRangesByPath[file.path] ?? [] {
            let first = file.lineIndex(containing: range.start)
            let last = file.lineIndex(containing: max(range.start, range.end - 1))
            lines.formUnion(first...max(first, last))
        }
        return lines
    }

    /// Free text with every known secret replaced by the mask. Secrets are looked up by their first four
    /// bytes at each position of the text, so the cost follows the length of the text, not the number of
    /// secrets; where two secrets start at one place the longer one is replaced.
    public func redact(_ text: String) -> String {
        guard !texts.isEmpty else { return text }
        return SecretSpans.redact(text, index: prefixIndex)
    }

    fileprivate static func redact(_ text: String, index: [UInt32: [[UInt8]]]) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= SecretSpans.shortestRedactedText else { return text }
        var output: [UInt8] = []
        var position = 0
        var changed = false
        while position < bytes.count {
            if position + 4 <= bytes.count, let candidates = index[SecretSpans.prefixKey(bytes, at: position)],
               let match = candidates.first(where: { position + $0.count <= bytes.count && bytes[position..<(position + $0.count)].elementsEqual($0) }) {
                output += Array(SecretSpans.mask.utf8)
                position += match.count
                changed = true
            } else {
                output.append(bytes[position])
                position += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Secret texts by their first four bytes, longest first within each key.
    private var prefixIndex: [UInt32: [[UInt8]]] {
        var index: [UInt32: [[UInt8]]] = [:]
        for text in texts {
            let bytes = Array(text.utf8)
            index[SecretSpans.prefixKey(bytes, at: 0), default: []].append(bytes)
        }
        for key in index.keys { index[key]!.sort { $0.count > $1.count } }
        return index
    }

    private static func prefixKey(_ bytes: [UInt8], at position: Int) -> UInt32 {
        UInt32(bytes[position]) << 24 | UInt32(bytes[position + 1]) << 16 | UInt32(bytes[position + 2]) << 8 | UInt32(bytes[position + 3])
    }

    /// The bytes of `range` in `file` with every secret in them replaced by the mask.
    public func maskedText(of range: ByteRange, in file: SourceFile) -> String {
        let secrets = ranges(in: file.path, overlapping: range)
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
    private static func merged(_ ranges: [ByteRange]) -> [ByteRange] {
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
        let start = file.contentStart(ofLine: line - 1)
        var end = line < file.lineCount ? file.lineStarts[line] : file.bytes.count
        while end > start && (file.bytes[end - 1] == UInt8(ascii: "\n") || file.bytes[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        return maskedText(of: ByteRange(start, end), in: file)
    }

    /// A redactor for many texts, with the look-up table built once.
    public func makeRedactor() -> Redactor {
        Redactor(index: texts.isEmpty ? [:] : prefixIndex)
    }
}

/// `SecretSpans.redact` with its look-up table built once for many texts.
public struct Redactor: Sendable {
    let index: [UInt32: [[UInt8]]]

    public func redact(_ text: String) -> String {
        index.isEmpty ? text : SecretSpans.redact(text, index: index)
    }

    /// A diagnostic with every text it prints redacted (message, why, help, notes, fix title and edits).
    public func redact(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !index.isEmpty else { return diagnostic }
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
