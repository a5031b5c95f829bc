#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, standard input and the step summary file, written and read through their file descriptors.
///
/// Why not `FileHandle`: it is part of Foundation proper, which the static Linux binary would then link with its ICU
/// data (tens of megabytes). Standard error is written unbuffered, as `FileHandle.standardError` wrote it, so
/// messages keep their order with what `print` flushes to standard output.
enum StandardStreams {
    /// Writes `text` and a line break to standard error.
    static func printError(_ text: String) {
        _ = writeAll(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Everything standard input holds, read to its end (what is read before an error, if one happens).
    static func readInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    /// Appends `text` to the file at `path`, creating it when it is missing; false when it cannot be written.
    static func append(_ text: String, toFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = writeAll(Array(text.utf8), to: descriptor)
        return close(descriptor) == 0 && written
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}
