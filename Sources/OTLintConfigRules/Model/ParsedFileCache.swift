#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OTLintCore

/// Context files (env files, Dockerfiles) by normalised path, each read and parsed once however many compose files
/// (scoped in parallel) use them, with the input errors reading each gave. Checked files are in it from the start,
/// without errors (their own reading reports them).
final class ParsedFileCache<Parsed: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private let parse: @Sendable (SourceFile) -> (Parsed, [InputError])
    private var entries: [String: (file: Parsed?, errors: [InputError])] = [:]

    init(checked: [(key: String, file: Parsed)], parse: @escaping @Sendable (SourceFile) -> (Parsed, [InputError])) {
        self.parse = parse
        for (key, file) in checked { entries[key] = (file, []) }
    }

    /// The file, read and parsed on first use (under the lock, so never twice); nil when it cannot be read.
    func file(at path: String, key: String, loader: FileLoader) -> Parsed? {
        lock.withLock {
            if let entry = entries[key] { return entry.file }
            switch loader.load(path) {
            case .success(let source):
                let (file, errors) = parse(source)
                entries[key] = (file, errors)
                return file
            case .failure(let error):
                entries[key] = (nil, [error])
                return nil
            }
        }
    }

    func inputErrors(_ key: String) -> [InputError] {
        lock.withLock { entries[key]?.errors ?? [] }
    }

    /// Every file read.
    var files: [String: Parsed] {
        lock.withLock { entries.compactMapValues(\.file) }
    }
}
