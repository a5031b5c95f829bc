/// Which secret texts occur in a text, found by looking each window of the text up by length instead of
/// searching the text once per secret: a report of thousands of findings over thousands of secrets (a
/// credential variable set on every line of a big env file) is otherwise quadratic.
struct SecretTextFinder: Sendable {
    /// Secret length in bytes → the secrets of that length.
    private var byLength: [Int: Set<ArraySlice<UInt8>>] = [:]
    /// Secrets that contain the mask's `*`: masking another secret may create an occurrence of one of these,
    /// so they are always tried.
    private var withMaskCharacter: [String] = []

    mutating func add(_ secret: String) {
        let bytes = Array(secret.utf8)
        byLength[bytes.count, default: []].insert(bytes[...])
        if secret.contains("*") { withMaskCharacter.append(secret) }
    }

    /// The secrets that may need masking in `text`, longest first (so that a secret containing another is
    /// replaced whole), ties in byte order.
    func occurring(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found = Set(withMaskCharacter)
        for (length, secrets) in byLength where length <= bytes.count {
            for start in 0...(bytes.count - length) where secrets.contains(bytes[start..<(start + length)]) {
                found.insert(String(decoding: bytes[start..<(start + length)], as: UTF8.self))
            }
        }
        return found.sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }
    }
}
