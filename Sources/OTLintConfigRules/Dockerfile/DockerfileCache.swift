import Foundation
import OTLintCore

/// Dockerfiles by normalised path, each read and parsed once however many compose services (scoped in parallel)
/// build from it. Checked Dockerfiles are in it from the start.
final class DockerfileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Dockerfile?] = [:]

    init(checked: [Dockerfile]) {
        for file in checked { entries[ScopeBuilder.key(file.source.path)] = file }
    }

    /// The file, read and parsed on first use; nil when it cannot be read (a build context is context: a missing
    /// Dockerfile is no error of this run).
    func file(at path: String, loader: FileLoader) -> Dockerfile? {
        let key = ScopeBuilder.key(path)
        return lock.withLock {
            if let entry = entries[key] { return entry }
            guard loader.exists(path), case .success(let source) = loader.load(path) else {
                entries.updateValue(nil, forKey: key)
                return nil
            }
            let file = DockerfileParser.parse(source)
            entries[key] = file
            return file
        }
    }
}
