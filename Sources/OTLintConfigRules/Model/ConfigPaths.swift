#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which configuration file a path is, from its name alone.
public enum ConfigFileKind: Sendable, Hashable {
    case compose
    case env
    /// Named like an OpenTelemetry Collector configuration; read as one when its top level is one.
    case collector
    /// `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`: its `ENV` is the image's environment.
    case dockerfile
    /// Any other YAML file: read as a Kubernetes manifest when its content is one (`apiVersion` and `kind`).
    case kubernetes
}

/// Path helpers for configuration files: kinds, folders, templates.
public enum ConfigPaths {
    public static func fileName(_ path: String) -> String {
        path.utf8.split(separator: UInt8(ascii: "/")).last.map { String(Substring($0)) } ?? path
    }

    public static func directory(of path: String) -> String {
        // Every scope and rule asks this of paths that are nearly always ASCII: there a `/` byte is a `/` character,
        // and finding it among the bytes spares walking the path character by character from its end.
        let utf8 = path.utf8
        if !utf8.contains(where: { $0 >= 0x80 }) {
            guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
            return slash == utf8.startIndex ? "/" : String(path[..<slash])
        }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `docker-compose*.yml|yaml` and `compose*.yml|yaml` are compose files; `.env`, `.env.*` and `*.env`
    /// are env files.
    public static func kind(of path: String) -> ConfigFileKind? {
        let name = fileName(path).lowercased()
        if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            // `compose.yaml`, `compose.prod.yml`, `compose-dev.yml`, but not `composer.yml`.
            let composeStems = ["docker-compose", "compose"]
            if composeStems.contains(where: { stem in
                name.hasPrefix(stem) && [".", "-", "_"].contains(name.dropFirst(stem.count).first)
            }) { return .compose }
            if isCollectorName(name) { return .collector }
            return name == ".otlint.yml" || name == ".otlint.yaml" ? nil : .kubernetes
        }
        if name == ".env" || name.hasPrefix(".env.") || (name.hasSuffix(".env") && name.count > 4) { return .env }
        if isDockerfileName(name) { return .dockerfile }
        return nil
    }

    /// `dockerfile`, `dockerfile.*`, `*.dockerfile`, `containerfile`, `containerfile.*` (lower case), but not a
    /// document, script or template about one (`Dockerfile.md`, `Dockerfile.j2`).
    static func isDockerfileName(_ name: String) -> Bool {
        let named = ["dockerfile", "containerfile"].contains { stem in name == stem || name.hasPrefix(stem + ".") || name.hasSuffix("." + stem) }
        guard named, let dot = name.lastIndex(of: ".") else { return named }
        return !notDockerfileExtensions.contains(String(name[name.index(after: dot)...]))
    }

    static let notDockerfileExtensions: Set<String> = ["md", "txt", "rst", "adoc", "json", "sh", "ps1", "py", "j2", "jinja", "tmpl", "tpl", "template", "erb", "bak", "orig"]

    /// `otel-collector*.y*ml`, `otelcol*.y*ml`, `collector*.y*ml`, `*collector-config*.y*ml` (lower case).
    static func isCollectorName(_ name: String) -> Bool {
        name.hasPrefix("otel-collector") || name.hasPrefix("otelcol") || name.hasPrefix("collector") || name.containsText("collector-config")
    }

    /// The kind of a file named on the command line: its name's kind. Any other YAML file is read as what its
    /// content says (`stack.yml` as a compose file, `deploy/api.yaml` as a Kubernetes manifest).
    public static func kind(ofExplicitFile path: String) -> ConfigFileKind? {
        kind(of: path)
    }

    /// Env files that document variables rather than being deployed (`.env.example`, `sample.env`): they are
    /// checked for typos and invalid values, never for production-only rules.
    public static func isTemplate(_ path: String) -> Bool {
        let words = fileName(path).lowercased().split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" })
        return words.contains { templateWords.contains(String($0)) }
    }

    static let templateWords: Set<String> = ["example", "examples", "sample", "template", "tmpl", "tpl", "dist", "defaults"]

    /// `base/relative`, normalised (`./`, `..`), unless `relative` is absolute.
    public static func resolve(_ relative: String, against base: String) -> String {
        let joined = relative.hasPrefix("/") ? relative : (base == "." ? relative : base + "/" + relative)
        // Scopes resolve every `env_file` and `.env` path, nearly always normal already: then it is the answer.
        if isNormal(joined) { return joined }
        var parts: [Substring] = []
        // Split the bytes: splitting by Character runs grapheme breaking over every path of the run.
        for part in joined.utf8.split(separator: UInt8(ascii: "/")).map(Substring.init) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let path = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + path : (path.isEmpty ? "." : path)
    }

    /// Whether `resolve` gives the path back as it is: not empty, and no empty (`a//b`, `a/`), `.` or `..` component
    /// (a leading `/` is the root).
    private static func isNormal(_ path: String) -> Bool {
        var length = 0, dots = 0, isFirst = true
        func isNormalComponent() -> Bool { length > 0 && !(length == dots && length <= 2) }
        for byte in path.utf8 {
            defer { isFirst = false }
            guard byte == UInt8(ascii: "/") else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
                continue
            }
            if isFirst { continue }
            guard isNormalComponent() else { return false }
            length = 0
            dots = 0
        }
        return isNormalComponent()
    }

    /// The compose file names Compose looks for in a folder, in its order of preference.
    public static let defaultComposeNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
}
