/// The last component of a path and the path without it, as `NSString`'s `lastPathComponent` and
/// `deletingLastPathComponent` give them: repeated and trailing slashes are ignored, the last component of `/` is
/// `/`, the parent of `a` is the empty path and the parent of `/a` is `/`.
///
/// Why not `NSString`: it is part of Foundation proper, which the static Linux binary would then link with its ICU
/// data (tens of megabytes).
public enum PathComponents {
    /// `/srv/app/compose.yml` → `compose.yml`; `/srv/app/` → `app`; `/` → `/`.
    public static func last(of path: String) -> String {
        components(of: path).last.map(String.init) ?? (path.hasPrefix("/") ? "/" : "")
    }

    /// `/srv/app/compose.yml` → `/srv/app`; `/srv` → `/`; `compose.yml` → ``.
    public static func deletingLast(of path: String) -> String {
        let root = path.hasPrefix("/") ? "/" : ""
        return root + components(of: path).dropLast().joined(separator: "/")
    }

    /// `/srv/app` + `Package.swift` → `/srv/app/Package.swift`; an empty path gives the component alone.
    public static func appending(_ component: String, to path: String) -> String {
        if path.isEmpty { return component }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }

    /// The non-empty components, split at `/` bytes (a `/` is never part of another character's UTF-8).
    private static func components(of path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }
}
