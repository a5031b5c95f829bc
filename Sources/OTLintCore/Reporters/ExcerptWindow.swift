/// The part of a source line a text excerpt shows. A line of normal length is shown whole; of a very long line
/// (a compose file written on one line, a minified value), only the flagged text and some context around it,
/// with `…` where the line goes on: printing the whole line for every finding on it would make the output
/// grow with the square of the file.
struct ExcerptWindow {
    /// Lines up to this many bytes are shown whole.
    static let longestWholeLine = 240
    /// Bytes of context shown on each side of the flagged text, and of the flagged text itself at most.
    static let context = 80
    static let longestFlagged = 160

    var range: ByteRange
    var cutsStart: Bool
    var cutsEnd: Bool

    /// `line`: the line's bytes without its line break; `flagged`: the finding's range, inside the line.
    init(line: ByteRange, flagged: ByteRange, in file: SourceFile) {
        guard line.length > ExcerptWindow.longestWholeLine else {
            range = line
            cutsStart = false
            cutsEnd = false
            return
        }
        var start = max(line.start, flagged.start - ExcerptWindow.context)
        var end = min(line.end, min(flagged.end, flagged.start + ExcerptWindow.longestFlagged) + ExcerptWindow.context)
        // Never cut a character in two.
        let bytes = file.bytes
        while start > line.start && !ScalarIndex.isStart(bytes[start]) { start -= 1 }
        while end < line.end && !ScalarIndex.isStart(bytes[end]) { end += 1 }
        range = ByteRange(start, end)
        cutsStart = start > line.start
        cutsEnd = end < line.end
    }
}
