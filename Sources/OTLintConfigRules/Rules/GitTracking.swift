import Foundation

/// Whether a file is kept out of git (so a secret written in it is not committed), asked of git once per file.
enum GitTracking {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Bool] = [:]

    /// True when git ignores the file and does not track it. Outside a git work tree (or without git), files named
    /// like local secret stores (`.env`, `*.local`, `.env.local`) count as untracked, by convention.
    static func isUntracked(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let known = lock.withLock({ cache[absolute] }) { return known }
        let answer = ask(absolute)
        lock.withLock { cache[absolute] = answer }
        return answer
    }

    private static func ask(_ absolute: String) -> Bool {
        let directory = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        let tracked = run(["-C", directory, "ls-files", "--error-unmatch", "--", name])
        if tracked == 0 { return false }
        let ignored = run(["-C", directory, "check-ignore", "-q", "--", name])
        switch ignored {
        case 0: return true
        case 1: return false
        default: return name == ".env" || name.hasSuffix(".local")  // not a git work tree
        }
    }

    /// git's exit status, or -1 when git cannot run.
    private static func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
