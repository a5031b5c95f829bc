#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The folder CI tools resolve paths against: the git repository's top level. GitHub code scanning resolves
/// SARIF `artifactLocation.uri` against it and ignores base-path hints, and links to a line on GitHub name the
/// path from it, so a run in a subfolder must still name files from the repository root. Outside a repository,
/// the current folder.
public enum RepositoryRoot {
    public static let path: String = {
        let current = FileManager.default.currentDirectoryPath
        let result = GitCommand.run(["-C", current, "rev-parse", "--show-toplevel"])
        let top = String(decoding: result.output, as: UTF8.self).blankAndNewlineTrimmed
        return result.status == 0 && !top.isEmpty ? top : current
    }()

    /// `path` relative to the repository root, with `/` separators.
    public static func relative(_ path: String) -> String {
        RelativePath.of(path, to: RepositoryRoot.path)
    }
}
