/// A file's suppressions by the line they cover, and the file-wide ones by rule: finding the suppression that
/// silences a finding is a lookup, not a pass over every comment of the file (a file with a suppression on
/// each of its thousands of lines would otherwise be quadratic).
struct SuppressionIndex {
    let suppressions: [Suppression]
    /// Line → positions of the suppressions that cover it, in file order.
    private var byLine: [Int: [Int]] = [:]
    /// Rule ID (or `ALL`) → position of the first file-wide suppression that names it.
    private var firstFileWide: [String: Int] = [:]

    init(_ suppressions: [Suppression]) {
        self.suppressions = suppressions
        for (position, suppression) in suppressions.enumerated() {
            switch suppression.scope {
            case .line(let line): byLine[line, default: []].append(position)
            case .file: for id in suppression.ruleIDs where firstFileWide[id] == nil { firstFileWide[id] = position }
            }
        }
    }

    /// The position of the first suppression that covers the finding: `suppressions.firstIndex { $0.covers(diagnostic) }`.
    func firstCovering(_ diagnostic: Diagnostic) -> Int? {
        var first = [firstFileWide[diagnostic.ruleID], firstFileWide["ALL"]].compactMap { $0 }.min()
        for position in byLine[diagnostic.location.start.line] ?? [] where position < (first ?? Int.max) {
            if suppressions[position].covers(diagnostic) { first = position; break }
        }
        return first
    }
}
