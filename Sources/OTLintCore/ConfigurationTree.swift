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

/// Which configuration applies to each file. As in ruff, the nearest `.otlint.yml` (or `.otlint.yaml`) in the
/// file's folder or above it applies, alone: a nested file replaces the one above it unless it says
/// `extend: ../.otlint.yml`. Files with no configuration above them get the built-in defaults. With `--config` or
/// `--no-config` (and in library use) one configuration applies to every file.
///
/// Folders are looked up once each and remembered, so a walk of thousands of files reads each configuration file
/// once. A configuration file that cannot be read is an input error of the run; the files below it get the
/// configuration above it.
public final class ConfigurationTree: @unchecked Sendable {
    /// Reads one configuration file, with what it extends.
    public typealias Reader = (_ path: String) -> Result<Configuration, InputError>

    public static let fileNames = [".otlint.yml", ".otlint.yaml"]

    private let fallback: Configuration
    private let read: Reader?
    private let lock = Lock()
    private var byDirectory: [String: Configuration] = [:]
    private var loadErrors: [InputError] = []
    private var loadedPaths: Set<String> = []
    private var loaded: [Configuration] = []
    /// `enablesAnywhere` answers, asked per scope and rule; forgotten when a configuration is added.
    private var enabledAnywhere: [String: Bool] = [:]

    /// One configuration for every file.
    public init(_ configuration: Configuration) {
        fallback = configuration
        read = nil
    }

    /// The nearest configuration file above each file, read with `read`; `fallback` where there is none.
    public init(fallback: Configuration, read: @escaping Reader) {
        self.fallback = fallback
        self.read = read
    }

    /// The configuration of the file at `path` (found in its folder or above).
    public func configuration(for path: String) -> Configuration {
        guard read != nil else { return fallback }
        return configuration(forDirectory: PathComponents.deletingLast(of: StandardPath.of(path)))
    }

    /// The configuration that applies in `directory` (its own `.otlint.yml`, or the nearest above).
    public func configuration(forDirectory directory: String) -> Configuration {
        guard let read else { return fallback }
        let start = StandardPath.of(directory)
        lock.lock()
        defer { lock.unlock() }
        var visited: [String] = []
        var current = start
        var found = fallback
        search: while true {
            if let known = byDirectory[current] {
                found = known
                break
            }
            visited.append(current)
            for name in Self.fileNames {
                let candidate = current == "/" ? "/" + name : current + "/" + name
                guard access(candidate, F_OK) == 0 else { continue }
                switch read(candidate) {
                case .success(let configuration):
                    if loadedPaths.insert(candidate).inserted {
                        loaded.append(configuration)
                        enabledAnywhere.removeAll()
                    }
                    found = configuration
                    break search
                case .failure(let error):
                    if loadedPaths.insert(candidate).inserted { loadErrors.append(error) }
                }
            }
            if current == "/" { break }
            current = PathComponents.deletingLast(of: current)
        }
        for folder in visited { byDirectory[folder] = found }
        return found
    }

    /// Configuration files that could not be read, each once.
    public var errors: [InputError] {
        lock.lock()
        defer { lock.unlock() }
        return loadErrors
    }

    /// Whether some configuration enables `ruleID` (read only after the files' configurations were looked up).
    public func enablesAnywhere(_ ruleID: String) -> Bool {
        guard read != nil else { return fallback.isEnabled(ruleID) }
        lock.lock()
        defer { lock.unlock() }
        if let known = enabledAnywhere[ruleID] { return known }
        let enabled = fallback.isEnabled(ruleID) || loaded.contains { $0.isEnabled(ruleID) }
        enabledAnywhere[ruleID] = enabled
        return enabled
    }
}
