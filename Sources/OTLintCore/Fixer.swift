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

/// Chooses which fixes to apply and applies their edits to text.
///
/// A fix is applied whole or not at all. A fix whose edits overlap an edit already chosen is left for the
/// next round (the linter runs again on the fixed text), so fixes never corrupt each other.
public enum Fixer {
    public struct Plan: Sendable {
        /// Edits per path, not overlapping, in ascending order.
        public var editsByPath: [String: [TextEdit]] = [:]
        /// Diagnostics whose fixes are in the plan.
        public var fixed: [Diagnostic] = []
        /// Fixes held back because they overlap another edit.
        public var deferred: [Diagnostic] = []

        public var isEmpty: Bool { editsByPath.isEmpty }
    }

    public static func plan(_ diagnostics: [Diagnostic], includeUnsafe: Bool) -> Plan {
        var plan = Plan()
        for diagnostic in diagnostics {
            guard let fix = diagnostic.fix, !fix.edits.isEmpty else { continue }
            guard fix.applicability == .safe || includeUnsafe else { continue }
            let newEdits = fix.edits.filter { edit in !(plan.editsByPath[edit.path] ?? []).contains(edit) }
            let overlaps = newEdits.contains { edit in
                (plan.editsByPath[edit.path] ?? []).contains { $0.range.overlaps(edit.range) || ($0.range.isEmpty && $0.range.start == edit.range.start) }
            }
            if overlaps {
                plan.deferred.append(diagnostic)
                continue
            }
            for edit in newEdits { plan.editsByPath[edit.path, default: []].append(edit) }
            plan.fixed.append(diagnostic)
        }
        for path in plan.editsByPath.keys {
            plan.editsByPath[path]!.sort { $0.range.start < $1.range.start }
        }
        return plan
    }

    /// Applies non-overlapping edits to bytes.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            let start = min(edit.range.start, result.count)
            let end = min(max(edit.range.end, start), result.count)
            result.replaceSubrange(start..<end, with: Array(edit.replacement.utf8))
        }
        return result
    }
}

/// Writes a file so that a reader sees either the old or the new content, never a mix: the new bytes go to
/// a temporary file beside the target, which then replaces it.
///
/// What the user owns is kept: a read-only file is not rewritten (even for root, who could); the file's
/// permission bits are kept, and its owner and group where the process may set them; a symlink stays a
/// symlink (its target is replaced). Hard links are not kept: the target becomes a new file, and the file's
/// other names keep the old text.
public enum AtomicWriter {
    /// `what` names the content in the error (`fix`, `report`, `baseline`).
    public static func write(_ bytes: [UInt8], to path: String, what: String = "fix") throws(WriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists && ((status.st_mode & 0o222) == 0 || access(target, W_OK) != 0) {
            throw WriteError(path: path, what: what, cause: "the file is read-only; it was left unchanged")
        }
        let mode: mode_t = exists ? status.st_mode & 0o7777 : 0o644
        let directory = PathComponents.deletingLast(of: target)
        let name = PathComponents.last(of: target)
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).otlint-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw WriteError(path: path, what: what, cause: String(cString: strerror(errno))) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = posixWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count <= 0 { return false }
                written += count
            }
            return fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
        }
        let cause = String(cString: strerror(errno))
        // Keep the owner and group; a process that may not (not root, not a member of the group) keeps its own.
        if ok && exists { _ = fchown(descriptor, status.st_uid, status.st_gid) }
        close(descriptor)
        guard ok, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw WriteError(path: path, what: what, cause: ok ? String(cString: strerror(errno)) : cause)
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        /// What was being written: `fix`, `report`, `baseline`.
        public var what: String
        public var cause: String
        public var description: String { "\(path): error: cannot write \(what): \(cause)" }
        /// The same as an input error, for the report (a file a fix could not write makes the exit code 2).
        public var inputError: InputError { InputError(path: path, message: "cannot write \(what): \(cause)") }
    }
}

/// `write(2)`; named apart from `AtomicWriter.write`, which would shadow it.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
