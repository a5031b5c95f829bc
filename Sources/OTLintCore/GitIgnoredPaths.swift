#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The paths git ignores under a folder, asked of git once per walked folder.
///
/// Asking git is exact (nested `.gitignore` files, global excludes, negations) and fast: one process per run
/// instead of a re-implementation of gitignore matching. Outside a git work tree nothing is ignored.
struct GitIgnoredPaths: Sendable {
    /// Standardized absolute paths; folders end with `/`.
    private let paths: Set<String>

    static let none = GitIgnoredPaths(paths: [])

    static func list(in directory: String) -> GitIgnoredPaths {
        let result = GitCommand.run(["-C", directory, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"])
        guard result.status == 0 else { return .none }
        let base = StandardPath.of(directory)
        var paths = Set<String>()
        for entry in result.output.split(separator: 0) {
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
