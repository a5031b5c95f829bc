/// The bytes of an environment variable name as shells, Compose, BuildKit and the collector's `env` provider read
/// it: a letter or `_`, then letters, digits and `_` (`^[A-Za-z_][A-Za-z0-9_]*$`).
enum VariableName {
    static func isStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    static func isByte(_ byte: UInt8) -> Bool {
        isStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, isStart(first) else { return false }
        return name.utf8.allSatisfy(isByte)
    }
}
