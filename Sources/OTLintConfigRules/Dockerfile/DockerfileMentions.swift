import OTLintCore

extension Dockerfile {
    /// Where the file first writes `word` outside a comment line: a commented-out `# ADD …/opentelemetry-javaagent.jar`
    /// builds nothing into the image. (A continued instruction's lines are instructions too; only lines whose first
    /// non-blank character is `#` are comments.)
    func firstMention(of word: String) -> ByteRange? {
        let needle = Array(word.utf8)
        var found: ByteRange?
        source.bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.forEach(needle, in: buffer) { offset in
                if isOnCommentLine(offset) { return true }
                found = ByteRange(offset, offset + needle.count)
                return false
            }
        }
        return found
    }

    private func isOnCommentLine(_ offset: Int) -> Bool {
        let line = source.lineIndex(containing: offset)
        var index = source.contentStart(ofLine: line)
        let bytes = source.bytes
        while index < offset, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "#")
    }
}
