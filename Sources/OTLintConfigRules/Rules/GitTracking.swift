#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Whether a file is kept out of git (so a secret written in it is not committed), asked of git once per file.
enum GitTracking {
    enum Status: Sendable {
        /// Committed (or staged).
        case tracked
        /// Not committed, but not ignored either: the next `git add .` commits it.
        case notIgnored
        /// Git-ignored and not tracked.
        case ignored
        /// Not in a git work tree (or git is missing).
        case noRepository
    }

    private static let lock = Lock()
    nonisolated(unsafe) private static var cache: [String: Status] = [:]

    /// True when git ignores the file and does not track it. Outside a git work tree, files named like local
    /// secret stores (`.env`, `*.local`) count as untracked, by convention.
    static func isUntracked(_ path: String) -> Bool {
        switch status(path) {
        case .ignored: return true
        case .tracked, .notIgnored: return false
        case .noRepository:
            let name = ConfigPaths.fileName(path)
            return name == ".env" || name.hasSuffix(".local")
        }
    }

    static func status(_ path: String) -> Status {
        let absolute = StandardPath.of(path)
        if let known = lock.withLock({ cache[absolute] }) { return known }
        let answer = ask(absolute)
        lock.withLock { cache[absolute] = answer }
        return answer
    }

    private static func ask(_ absolute: String) -> Status {
        let directory = PathComponents.deletingLast(of: absolute)
        let name = PathComponents.last(of: absolute)
        if run(["-C", directory, "ls-files", "--error-unmatch", "--", name]) == 0 { return .tracked }
        switch run(["-C", directory, "check-ignore", "-q", "--", name]) {
        case 0: return .ignored
        case 1: return .notIgnored
        default: return .noRepository
        }
    }

    /// git's exit status, or -1 when git cannot run.
    private static func run(_ arguments: [String]) -> Int32 {
        GitCommand.run(arguments, collectOutput: false).status
    }
}
