/// A glob pattern of a configuration file, matched against paths relative to the folder of the file that wrote it
/// (`deploy/prod/**` in `services/.otlint.yml` means `services/deploy/prod/**`), as ruff and `.gitignore` read
/// patterns. A path outside that folder never matches.
public struct AnchoredGlob: Sendable, CustomStringConvertible {
    public let glob: GlobPattern
    /// The absolute folder the pattern is relative to.
    public let directory: String

    public init(_ glob: GlobPattern, directory: String) {
        self.glob = glob
        self.directory = StandardPath.of(directory)
    }

    public var description: String { glob.source }

    /// `path` relative to the pattern's folder, or nil when it lies outside.
    public func relativePath(of path: String) -> String? {
        let absolute = StandardPath.of(path)
        if absolute == directory { return "" }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : nil
    }

    public func matches(_ path: String) -> Bool {
        guard let relative = relativePath(of: path), !relative.isEmpty else { return false }
        return glob.matches(relative)
    }
}
