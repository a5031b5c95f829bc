/// How many bytes interpolation may produce for one file.
///
/// Interpolation copies values: `B=${A}${A}`, `C=${B}${B}`, ... doubles a value with each line of an env file,
/// and a long value referenced by thousands of services is copied into each. Past the budget, further values
/// are unknown (rules stay quiet about unknown values) instead of filling memory.
public final class InterpolationBudget {
    /// Bytes allowed per byte of the files involved, and at least this many.
    static let bytesPerInputByte = 4
    static let minimumBytes = 1 << 20

    private(set) var remaining: Int

    /// `inputBytes`: the size of the files whose values are interpolated (the file and the `.env` it reads).
    public init(inputBytes: Int) {
        remaining = max(InterpolationBudget.minimumBytes, InterpolationBudget.bytesPerInputByte * inputBytes)
    }

    /// Takes `bytes` from the budget; false (and nothing taken) when they do not fit.
    func spend(_ bytes: Int) -> Bool {
        guard bytes <= remaining else { return false }
        remaining -= bytes
        return true
    }
}
