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

/// The absolute, normalised spelling of a path: relative paths are taken from the current directory, `.` and
/// `..` are resolved and repeated slashes collapsed, without asking the file system (symlinks stay as they are).
///
/// Why not `URL.standardizedFileURL`: it gives the same answer, but costs more than reading a small file, and the
/// loader, discovery and the filters ask it for every file of a run.
public enum StandardPath {
    public static func of(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        // Already normal (the common case): no `.` or `..` component, no doubled or trailing slash.
        if isNormal(absolute) { return absolute }
        var components: [Substring] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The working directory, asked of the kernel each time (a run may change it), without Foundation's cost.
    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return buffer.withUnsafeMutableBufferPointer { buffer in
            guard let path = getcwd(buffer.baseAddress, buffer.count) else { return FileManager.default.currentDirectoryPath }
            return String(cString: path)
        }
    }

    /// No `.` (so no `.` or `..` component), no doubled slash, no trailing slash except the root's.
    private static func isNormal(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/")) { return false }
            previous = byte
        }
        return path == "/" || previous != UInt8(ascii: "/")
    }
}
