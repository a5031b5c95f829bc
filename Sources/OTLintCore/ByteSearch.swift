import CByteSearch

/// Substring search over bytes with the C library's `memmem`, which is many times faster than a byte loop.
public enum ByteSearch {
    /// Calls `body` with the offset of each occurrence of `needle`, in order, until it returns false.
    public static func forEach(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        guard let base = haystack.baseAddress, !needle.isEmpty else { return }
        needle.withUnsafeBufferPointer { needle in
            var offset = 0
            while offset + needle.count <= haystack.count,
                  let match = otlint_memmem(base + offset, haystack.count - offset, needle.baseAddress, needle.count) {
                let position = base.distance(to: match.assumingMemoryBound(to: UInt8.self))
                guard body(position) else { return }
                offset = position + 1
            }
        }
    }

    public static func contains(_ needle: String, in bytes: [UInt8]) -> Bool {
        contains(Array(needle.utf8), in: bytes)
    }

    public static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        firstIndex(of: needle, in: bytes) != nil
    }

    /// The offset of the first occurrence of `needle`.
    public static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        var found: Int?
        bytes.withUnsafeBufferPointer { buffer in
            forEach(needle, in: buffer) { found = $0; return false }
        }
        return found
    }
}
