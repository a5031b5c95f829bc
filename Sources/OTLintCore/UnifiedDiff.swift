/// A unified diff (as `diff -u` prints it) between two versions of a file, for `--diff`.
public enum UnifiedDiff {
    /// The diff, and the hunks left out because they could not be printed without a secret.
    public struct Result: Sendable {
        public var text: String
        /// 1-based line (in the original file) of the first change of each withheld hunk.
        public var withheldLines: [Int]
    }

    /// The diff of `old` to `new`. The 0-based lines in `oldSecretLines` (of `old`) and `newSecretLines` (of
    /// `new`) are never printed: context stops
    /// before them, hunks are split around them, and a hunk that changes such a line, or that would need one
    /// as its only trailing context, is withheld. What is printed still applies with `git apply`: leading
    /// context may shrink to nothing, trailing context may not (except at the end of the file), and the new
    /// line numbers of later hunks account for the withheld ones.
    public static func make(path: String, old: String, new: String, context: Int = 3,
                            oldSecretLines: Set<Int> = [], newSecretLines: Set<Int> = []) -> Result {
        let oldLines = splitLines(old)
        let newLines = splitLines(new)
        let operations = diffOperations(oldLines, newLines)
        let secret = operations.map { operation in
            switch operation.kind {
            case .same: oldSecretLines.contains(operation.oldIndex) || newSecretLines.contains(operation.newIndex)
            case .delete: oldSecretLines.contains(operation.oldIndex)
            case .insert: newSecretLines.contains(operation.newIndex)
            }
        }
        var output = ""
        var withheld: [Int] = []
        // Lines the printed hunks add minus lines they remove, for the new-side numbers of later hunks.
        var printedDelta = 0
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            // Group changes within 2*context lines of each other, never across a secret context line.
            var last = firstChange
            var scan = firstChange
            while scan < operations.count {
                if operations[scan].kind != .same { last = scan; scan += 1; continue }
                let nextChange = operations[scan...].firstIndex(where: { $0.kind != .same })
                guard let nextChange, nextChange - last <= 2 * context,
                      !secret[(last + 1)..<nextChange].contains(true) else { break }
                scan = nextChange
            }
            var start = firstChange
            while start > index, firstChange - start < context, !secret[start - 1] { start -= 1 }
            var end = last + 1
            while end < operations.count, end - last - 1 < context, !secret[end], operations[end].kind == .same { end += 1 }
            let trailing = end - last - 1
            let changesSecret = secret[firstChange...last].contains(true)
            if changesSecret || (trailing == 0 && end < operations.count) {
                withheld.append(operations[firstChange].oldIndex + 1)
                index = last + 1
                continue
            }
            let hunk = operations[start..<end]
            let oldStart = hunk.first!.oldIndex
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let newStart = oldStart + printedDelta
            if output.isEmpty { output = "--- a/\(path)\n+++ b/\(path)\n" }
            output += "@@ -\(oldStart + (oldCount == 0 ? 0 : 1)),\(oldCount) +\(newStart + (newCount == 0 ? 0 : 1)),\(newCount) @@\n"
            for operation in hunk {
                let printed = operation.kind == .insert ? newLines[operation.newIndex] : oldLines[operation.oldIndex]
                switch operation.kind {
                case .same: output += " " + printed
                case .delete: output += "-" + printed
                case .insert: output += "+" + printed
                }
                if !printed.hasSuffix("\n") { output += "\n\\ No newline at end of file\n" }
            }
            printedDelta += newCount - oldCount
            index = end
        }
        return Result(text: output, withheldLines: withheld)
    }

    private static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    struct Operation {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// Line operations from a longest-common-subsequence table over the region that differs; common
    /// prefix and suffix are trimmed first, so fixes (a few changed lines) cost almost nothing.
    static func diffOperations(_ old: [String], _ new: [String]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        var operations = (0..<prefix).map { Operation(kind: .same, oldIndex: $0, newIndex: $0) }
        let rows = oldMiddle.count
        let columns = newMiddle.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
        // A huge differing middle (not what fixes produce) is shown as a replacement instead of paying for
        // a quadratic table.
        if rows > 0 && columns > 0 && rows * columns <= 4_000_000 {
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    table[i][j] = oldMiddle[i] == newMiddle[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var i = 0
        var j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, oldMiddle[i] == newMiddle[j], rows * columns <= 4_000_000 {
                operations.append(Operation(kind: .same, oldIndex: prefix + i, newIndex: prefix + j))
                i += 1; j += 1
            } else if j < columns, i == rows || (rows * columns <= 4_000_000 && table[i][j + 1] > table[i + 1][j]) {
                operations.append(Operation(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j))
                j += 1
            } else {
                operations.append(Operation(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j))
                i += 1
            }
        }
        for k in 0..<suffix {
            operations.append(Operation(kind: .same, oldIndex: old.count - suffix + k, newIndex: new.count - suffix + k))
        }
        return operations
    }
}
