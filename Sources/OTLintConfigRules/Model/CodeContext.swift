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
import OTLintCore

/// What the code a process runs says about its telemetry set-up, read from the folder it is built from (a
/// compose `build:` context, the folder of a standalone env file).
///
/// Settings partly in code are settings otlint cannot judge whole: a service whose code names itself
/// (`service.name` in a resource, `ServiceName` in `appsettings.json`, `c.service_name` in Ruby) is not missing
/// a service name. The folder is searched once per run, within limits; a folder too large to search counts as
/// saying anything, so rules that depend on it stay quiet.
final class CodeContext: @unchecked Sendable {
    /// Limits that keep the search cheap on a monorepo root: files and bytes read per folder.
    static let maximumFiles = 2_000
    static let maximumBytes = 32 * 1024 * 1024
    static let maximumFileSize = 1024 * 1024

    /// Source and configuration files where a service name is set in code.
    static let searchedExtensions: Set<String> = [
        "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "tsx", "py", "java", "kt", "kts", "scala", "groovy", "go", "rb", "ex",
        "exs", "erl", "cs", "fs", "vb", "php", "rs", "swift", "c", "cc", "cpp", "h", "json", "yaml", "yml", "toml", "properties",
        "xml", "conf", "ini", "ru", "cfg", "tmpl", "gradle", "csproj", "fsproj", "vbproj",
    ]
    /// Files without a searched extension that set a process's environment, code or dependencies up (and
    /// Dockerfiles, by `ConfigPaths.isDockerfileName`, and `requirements*.txt`).
    static let searchedNames: Set<String> = ["Procfile", "Pipfile", "Gemfile", "go.mod"]

    /// Lower-cased spellings of the service name setting in code and configuration: `service.name`,
    /// `SERVICE_NAME` / `service_name` (`ATTR_SERVICE_NAME`, `c.service_name`), `serviceName` / `ServiceName`,
    /// `--otel-service-name`, `otel.service.name`, Elixir's `service: [name: …]`, and Spring Boot's
    /// `spring.application.name` (flat or nested in `application.yml`), which the Java agent takes as the name.
    static let serviceNameMarkers = ["service.name", "service_name", "servicename", "service-name", "service: [name", "service: %{name",
                                     "spring.application.name", "spring:\n  application:\n    name:"]

    private let lock = Lock()
    private var answers: [String: Bool] = [:]

    /// Whether the code in `directory` may set the service name itself (or is too large to tell).
    func mayNameService(directory: String) -> Bool {
        mayMention(CodeContext.serviceNameMarkers, directory: directory)
    }

    /// Build files that add the OpenTelemetry SDK to a JVM application (`opentelemetry-sdk`, the OTLP exporter, the
    /// Spring Boot starter): its telemetry is set up in code.
    static let javaSDKMarkers = ["opentelemetry-sdk", "opentelemetry-exporter-otlp", "opentelemetry-spring-boot-starter"]

    /// Whether the code in `directory` may set an OpenTelemetry SDK up itself rather than rely on the Java agent (or
    /// is too large to tell).
    func maySetUpJavaSDK(directory: String) -> Bool {
        mayMention(CodeContext.javaSDKMarkers, directory: directory)
    }

    /// Source files that start the Node.js SDK themselves (a `tracing.js` with `new NodeSDK(…)`, or a tracer provider
    /// with registered instrumentations): the service exports without the auto-instrumentation's register hook.
    static let nodeSDKMarkers = ["@opentelemetry/sdk-node", "@opentelemetry/sdk-trace-node", "registerinstrumentations"]

    /// Whether the code in `directory` may set the Node.js SDK up itself (or is too large to tell).
    func maySetUpNodeSDK(directory: String) -> Bool {
        mayMention(CodeContext.nodeSDKMarkers, directory: directory)
    }

    /// Spellings of OpenTelemetry in package names, imports and agent paths: `opentelemetry-sdk`, `@opentelemetry/…`,
    /// `go.opentelemetry.io`, `open-telemetry/sdk` (PHP), `swift-otel`, `/otel/opentelemetry-javaagent.jar`.
    static let openTelemetryMarkers = ["opentelemetry", "open-telemetry", "otel"]

    /// Whether the code in `directory` may use OpenTelemetry (or is too large to tell): an SDK in its dependencies,
    /// an import, an agent its Dockerfile downloads, any `OTEL_` name its code reads.
    func mayUseOpenTelemetry(directory: String) -> Bool {
        mayMention(CodeContext.openTelemetryMarkers, directory: directory)
    }

    /// Whether the code in `directory` may read an environment variable of this name itself (its own setting in
    /// the `OTEL_` namespace, a template that expands it), or is too large to tell.
    func mayRead(variable name: String, directory: String) -> Bool {
        mayRead(anyOf: [name], directory: directory)
    }

    /// Whether a file below `directory` is seen to name the variable; unlike `mayRead`, a folder too large to search
    /// or missing counts as not naming it. For a near-typo (`OTEL_METRIC_EXPORT_INTERVAL_MS`), which is most likely
    /// a mistake unless the application is seen to read the name itself.
    /// Only program source counts: a Dockerfile or manifest beside it that sets the same name is a setting, not a
    /// reader.
    func isSeenToRead(variable name: String, directory: String) -> Bool {
        let needle = Array(name.lowercased().utf8)
        return cached(StandardPath.of(directory) + "\u{0}seen\u{0}" + name.lowercased()) {
            CodeContext.walk(StandardPath.of(directory), unknown: false) { path, name in
                CodeContext.isSourceFile(name) && CodeContext.file(path, containsAnyOf: [needle])
            }
        }
    }

    /// Whether any file below `directory` may set or read one of these variables (a Helm template that sets
    /// `JAVA_TOOL_OPTIONS`, a comment that says who sets it), or the folder is too large to tell.
    func mayRead(anyOf names: [String], directory: String) -> Bool {
        mayMention(names.map { $0.lowercased() }, directory: directory)
    }

    private func mayMention(_ markers: [String], directory: String) -> Bool {
        cached(StandardPath.of(directory) + "\u{0}" + markers.joined(separator: "\u{0}")) {
            CodeContext.search(directory: StandardPath.of(directory), for: markers)
        }
    }

    /// Each question about a folder is answered once per run, whichever rule asks.
    private func cached(_ key: String, _ answer: () -> Bool) -> Bool {
        if let known = lock.withLock({ answers[key] }) { return known }
        let computed = answer()
        lock.withLock { answers[key] = computed }
        return computed
    }

    /// Whether any searched file below `directory` contains one of `markers` (lower-cased), or the folder is too
    /// large to search, or is not in the checkout at all (a build context that is generated or lives elsewhere:
    /// the code is there when the image is built, otlint just cannot see it).
    private static func search(directory: String, for markers: [String]) -> Bool {
        let needles = markers.map { Array($0.utf8) }
        return walk(directory) { path, _ in file(path, containsAnyOf: needles) }
    }

    /// Whether the file, lower-cased, contains one of `needles` (lower case).
    private static func file(_ path: String, containsAnyOf needles: [[UInt8]]) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let lowered = data.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return needles.contains(where: { ByteSearch.contains($0, in: lowered) })
    }

    private static func isSourceFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return sourceExtensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }

    /// Whether the folder holds source code of the application (or cannot be told): a build context with only a
    /// Dockerfile and configuration installs its program from elsewhere (`pip install litellm`), whose code
    /// otlint cannot read.
    func holdsSourceCode(directory: String) -> Bool {
        cached(StandardPath.of(directory) + "\u{0}source code") {
            CodeContext.walk(StandardPath.of(directory)) { _, name in CodeContext.isSourceFile(name) }
        }
    }

    /// Extensions of program source, as opposed to the configuration files `searchedExtensions` also covers.
    static let sourceExtensions: Set<String> = [
        "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "tsx", "py", "java", "kt", "scala", "groovy", "go", "rb", "ex", "exs",
        "erl", "cs", "fs", "vb", "php", "rs", "swift", "c", "cc", "cpp",
    ]

    /// Whether `matches` holds for a searched file below `directory` (its path and name), within the limits. A
    /// folder that is missing or too large to search answers `unknown`: by default a match, since it may hold anything.
    private static func walk(_ directory: String, unknown: Bool = true, matches: (_ path: String, _ name: String) -> Bool) -> Bool {
        var status = stat()
        guard stat(directory, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return unknown }
        var budget = (files: maximumFiles, bytes: maximumBytes)
        var pending = [directory]
        var seen = Set<String>()
        while let folder = pending.popLast() {
            guard seen.insert(folder).inserted, let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if !Discovery.skippedFolderNames.contains(name) && !name.hasPrefix(".build") { pending.append(path) }
                    continue
                }
                // Compose and env files are judged as settings themselves: a compose file that names other
                // services says nothing about this one's code. A Dockerfile builds this code, so it counts, and so
                // does any other YAML file (a template the service renders, its own configuration).
                guard (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= maximumFileSize,
                      isSearched(name), ConfigPaths.kind(of: path).map({ $0 == .dockerfile || $0 == .kubernetes }) ?? true
                else { continue }
                budget.files -= 1
                budget.bytes -= Int(status.st_size)
                if budget.files < 0 || budget.bytes < 0 { return unknown }
                if matches(path, name) { return true }
            }
        }
        return false
    }

    private static func isSearched(_ name: String) -> Bool {
        if searchedNames.contains(name) || ConfigPaths.isDockerfileName(name.lowercased()) { return true }
        // Python's dependency lists: `requirements.txt`, `requirements-prod.txt`.
        if name.hasPrefix("requirements"), name.hasSuffix(".txt") { return true }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return searchedExtensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }
}
