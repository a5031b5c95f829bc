#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files to check under the paths a user gave.
///
/// Folders are walked, skipping `.git`, `.build*`, `node_modules`, vendored folders, paths excluded in
/// `.otlint.yml` and paths git ignores. Files named explicitly are always checked (pre-commit passes file
/// lists). Directory symlinks are followed once. A symlink loop met while walking (`self -> .`) is skipped with a
/// notice: such links are harmless to the project and must not fail the run. A looping path the user named is an
/// input error: what they asked for cannot be checked.
public struct Discovery: Sendable {
    /// Folder names never worth walking: tool state, dependencies, vendored copies.
    public static let skippedFolderNames: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", ".swiftpm", "Pods", "Carthage", "vendor", ".venv", "venv",
        "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", "DerivedData",
    ]

    public struct Result: Sendable {
        /// Paths to check, in a stable order, each with whether the user named it explicitly.
        public var files: [(path: String, explicit: Bool)] = []
        public var errors: [InputError] = []
        /// Things skipped on the way that are no error of the run (see `Notice`).
        public var notices: [Notice] = []
    }

    /// Whether the configuration excludes a file or folder found by walking.
    public var isExcluded: @Sendable (String) -> Bool
    /// Whether to ask git which paths it ignores.
    public var respectGitIgnore: Bool

    public init(isExcluded: @escaping @Sendable (String) -> Bool, respectGitIgnore: Bool = true) {
        self.isExcluded = isExcluded
        self.respectGitIgnore = respectGitIgnore
    }

    /// Excludes what `exclude` matches, relative to `rootDirectory`.
    public init(exclude: [GlobPattern], rootDirectory: String, respectGitIgnore: Bool = true) {
        let anchored = exclude.map { AnchoredGlob($0, directory: rootDirectory) }
        self.init(isExcluded: { path in anchored.contains { $0.matches(path) } }, respectGitIgnore: respectGitIgnore)
    }

    /// Walks `paths`; `wants` decides from a file path whether any analyzer would check it.
    public func discover(_ paths: [String], wants: @escaping (String) -> Bool) -> Result {
        var result = Result()
        var seen = Set<String>()
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                let cause = errno == ELOOP ? "symlink loop" : String(cString: strerror(errno))
                result.errors.append(InputError(path: path, message: "cannot read: \(cause)"))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                if Discovery.linksToItsOwnAncestor(path) {
                    result.errors.append(InputError(path: path, message: "symlink loop: this link points to a folder that contains it; not followed"))
                    continue
                }
                let ignored = respectGitIgnore ? GitIgnoredPaths.list(in: path) : GitIgnoredPaths.none
                var walker = Walker(discovery: self, ignored: ignored, wants: wants)
                walker.walk(directory: path, ancestors: [])
                for file in walker.files where seen.insert(file).inserted {
                    result.files.append((file, false))
                }
                result.errors += walker.errors
                result.notices += walker.notices
            } else if seen.insert(path).inserted {
                result.files.append((path, true))
            }
        }
        return result
    }

    /// Whether `path` is a symlink to a folder that contains the link (`self -> .`, `up -> ../..`).
    static func linksToItsOwnAncestor(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return false }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let parent = PathComponents.deletingLast(of: trimmed)
        guard let target = realpath(path, nil), let folder = realpath(parent.isEmpty ? "." : parent, nil) else { return false }
        defer { free(target); free(folder) }
        let targetPath = String(cString: target), folderPath = String(cString: folder)
        return folderPath == targetPath || folderPath.hasPrefix(targetPath == "/" ? "/" : targetPath + "/")
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct Walker {
        let discovery: Discovery
        let ignored: GitIgnoredPaths
        let wants: (String) -> Bool
        var files: [String] = []
        var errors: [InputError] = []
        var notices: [Notice] = []

        init(discovery: Discovery, ignored: GitIgnoredPaths, wants: @escaping (String) -> Bool) {
            self.discovery = discovery
            self.ignored = ignored
            self.wants = wants
        }

        mutating func walk(directory: String, ancestors: [DirectoryIdentity]) {
            var status = stat()
            guard stat(directory, &status) == 0 else {
                let cause = errno == ELOOP ? "symlink loop" : String(cString: strerror(errno))
                errors.append(InputError(path: directory, message: "cannot read folder: \(cause)"))
                return
            }
            let identity = DirectoryIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            if ancestors.contains(identity) {
                notices.append(Notice(path: directory, message: "symlink loop: this folder links back to one of its parents; skipped"))
                return
            }
            guard let handle = opendir(directory) else {
                errors.append(InputError(path: directory, message: "cannot read folder: \(String(cString: strerror(errno)))"))
                return
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name == "." || name == ".." { continue }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(handle)
            entries.sort { $0.name < $1.name }
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for (name, type) in entries {
                let path = directory == "." ? name : prefix + name
                var isDirectory = Int32(type) == DT_DIR
                if Int32(type) == DT_LNK || Int32(type) == DT_UNKNOWN {
                    var target = stat()
                    if stat(path, &target) != 0 {
                        if errno == ELOOP {
                            notices.append(Notice(path: path, message: "symlink loop: the link never resolves to a file or folder; skipped"))
                        }
                        // A dangling symlink is not an error of the project being checked.
                        continue
                    }
                    isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    if Discovery.skippedFolderNames.contains(name) || name.hasPrefix(".build") { continue }
                    if ignored.contains(path, isDirectory: true) || discovery.isExcluded(path) { continue }
                    walk(directory: path, ancestors: ancestors + [identity])
                } else if wants(path), !ignored.contains(path, isDirectory: false), !discovery.isExcluded(path) {
                    files.append(path)
                }
            }
        }
    }
}

/// Paths relative to a root, with `/` separators, for matching `.otlint.yml` patterns.
public enum RelativePath {
    public static func of(_ path: String, to root: String) -> String {
        let absolute = StandardPath.of(path)
        var base = StandardPath.of(root)
        if !base.hasSuffix("/") { base += "/" }
        if absolute.hasPrefix(base) { return String(absolute.dropFirst(base.count)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
