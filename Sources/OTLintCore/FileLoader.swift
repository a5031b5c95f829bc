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

/// Reads files once per run and hands out the same `SourceFile` to everyone who asks.
///
/// Safe to call from many threads. Fixes and stdin input register replacement text with `provide`.
public final class FileLoader: @unchecked Sendable {
    /// Files larger than this are reported as input errors instead of being read: no OpenTelemetry
    /// configuration or source file is this big, and reading one would cost memory for nothing.
    public static let maximumFileSize = 8 * 1024 * 1024

    private let lock = Lock()
    private var cache: [String: Result<SourceFile, InputError>] = [:]
    private var providedPaths = Set<String>()

    public init() {}

    /// Makes `load(path)` return this text instead of reading the disk (stdin input, a fix being checked).
    public func provide(path: String, text: String) {
        let file = SourceFile(path: path, text: text)
        lock.withLock {
            cache[FileLoader.key(path)] = .success(file)
            providedPaths.insert(FileLoader.key(path))
        }
    }

    /// Whether `provide` registered text for this path (input that may not exist on disk, such as stdin).
    public func isProvided(_ path: String) -> Bool {
        lock.withLock { providedPaths.contains(FileLoader.key(path)) }
    }

    /// Forgets a cached file so the next `load` reads the disk again (after a fix was written).
    public func invalidate(path: String) {
        _ = lock.withLock { cache.removeValue(forKey: FileLoader.key(path)) }
    }

    public func load(_ path: String) -> Result<SourceFile, InputError> {
        let key = FileLoader.key(path)
        if let cached = lock.withLock({ cache[key] }) { return cached }
        let result = FileLoader.read(path)
        lock.withLock { cache[key] = result }
        return result
    }

    /// Whether a path exists as a regular file (following symlinks), without reading it.
    public func exists(_ path: String) -> Bool {
        if lock.withLock({ cache[FileLoader.key(path)] }) != nil { return true }
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR
    }

    private static func key(_ path: String) -> String {
        StandardPath.of(path)
    }

    /// Reads the whole file straight into one array (no intermediate `Data`), tolerating a file that grows or
    /// shrinks while it is read.
    private static func readBytes(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: expectedSize + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let received = bytes.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if received == 0 { break }
            count += received
            if count > maximumFileSize { break }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func read(_ path: String) -> Result<SourceFile, InputError> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .failure(InputError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))"))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return .failure(InputError(path: path, message: "is a directory, expected a file"))
        }
        // A FIFO or device would block or never end; only regular files are read.
        if (status.st_mode & S_IFMT) != S_IFREG {
            return .failure(InputError(path: path, message: "not a regular file (a pipe, socket or device); not read"))
        }
        if Int(status.st_size) > maximumFileSize {
            return .failure(InputError(
                path: path,
                message: "file is too large to check (\(status.st_size) bytes; the limit is \(maximumFileSize))"
            ))
        }
        guard let bytes = readBytes(path, expectedSize: Int(status.st_size)) else {
            return .failure(InputError(path: path, message: "cannot read file: \(String(cString: strerror(errno)))"))
        }
        if let problem = TextValidation.problem(in: bytes) {
            return .failure(InputError(path: path, position: problem.position, message: problem.message))
        }
        return .success(SourceFile(path: path, bytes: bytes))
    }
}

/// `read(2)`; named apart from `FileLoader.read`, which would shadow it.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
