/// A finding's identity that survives unrelated edits: the rule, the file and the flagged text, not the line
/// number. Used by SARIF `partialFingerprints` and by baselines.
public enum Fingerprint {
    /// Secret spans in the flagged text are masked first, so the fingerprint reveals nothing of a secret.
    public static func of(_ diagnostic: Diagnostic, loader: FileLoader, rootDirectory: String, secrets: SecretSpans) -> String {
        let flagged = (try? loader.load(diagnostic.location.path).get()).map { secrets.maskedText(of: diagnostic.location.range, in: $0) } ?? ""
        let path = RelativePath.of(diagnostic.location.path, to: rootDirectory)
        return hex(fnv1a64([diagnostic.ruleID, path, normalized(flagged)].joined(separator: "\u{0}")))
    }

    /// Whitespace runs collapse, so re-indenting a block does not make its findings new.
    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    private static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
