/// How many Unicode scalars start before each 1 KiB boundary of a file, so that turning a byte offset into a
/// column (or back) on a long line of non-ASCII text walks at most about 1 KiB instead of the line from its
/// start: a compose file written on one line would otherwise be walked once per node and finding.
struct ScalarIndex: Sendable {
    static let stride = 1024
    private let bytes: [UInt8]
    /// `startsBefore[k]`: the scalars that start in `bytes[0 ..< k * stride]`.
    private let startsBefore: [Int]

    /// Whether a byte starts a scalar (is not a UTF-8 continuation byte).
    static func isStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var counts = [0]
        counts.reserveCapacity(bytes.count / ScalarIndex.stride + 1)
        var starts = 0
        for (index, byte) in bytes.enumerated() {
            if index > 0 && index % ScalarIndex.stride == 0 { counts.append(starts) }
            if ScalarIndex.isStart(byte) { starts += 1 }
        }
        startsBefore = counts
    }

    /// The scalars that start in `bytes[0 ..< offset]`.
    func scalars(before offset: Int) -> Int {
        let block = min(offset / ScalarIndex.stride, startsBefore.count - 1)
        var count = startsBefore[block]
        var index = block * ScalarIndex.stride
        while index < offset && index < bytes.count {
            if ScalarIndex.isStart(bytes[index]) { count += 1 }
            index += 1
        }
        return count
    }

    /// The offset of the scalar start with index `target` (0-based, counted from the file's start), or the
    /// file's size when there is none.
    func offset(ofScalar target: Int) -> Int {
        var low = 0, high = startsBefore.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if startsBefore[middle] <= target { low = middle } else { high = middle - 1 }
        }
        var count = startsBefore[low]
        var index = low * ScalarIndex.stride
        while index < bytes.count {
            if ScalarIndex.isStart(bytes[index]) {
                if count == target { return index }
                count += 1
            }
            index += 1
        }
        return bytes.count
    }
}
