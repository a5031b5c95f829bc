import Foundation

/// The paths git ignores under a folder, asked of git once per walked folder.
///
/// Asking git is exact (nested `.gitignore` files, global excludes, negations) and fast: one process per run
/// instead of a re-implementation of gitignore matching. Outside a git work tree nothing is ignored.
struct GitIgnoredPaths: Sendable {
    /// Standardized absolute paths; folders end with `/`.
    private let paths: Set<String>

    static let none = GitIgnoredPaths(paths: [])

    static func list(in directory: String) -> GitIgnoredPaths {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .none
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .none }
        let base = StandardPath.of(directory)
        var paths = Set<String>()
        for entry in data.split(separator: 0) {
            let relative = String(decoding: entry, as: UTF8.self)
            paths.insert(base + "/" + relative)
        }
        return GitIgnoredPaths(paths: paths)
    }

    func contains(_ path: String, isDirectory: Bool) -> Bool {
        guard !paths.isEmpty else { return false }
        let absolute = StandardPath.of(path)
        return paths.contains(isDirectory ? absolute + "/" : absolute)
    }
}
