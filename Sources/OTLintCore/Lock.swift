#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock for the caches that many threads share (files read, answers of git, parsed files).
///
/// Why not `NSLock`: it is part of Foundation proper, which the static Linux binary would then link with its
/// ICU data (tens of megabytes); FoundationEssentials has no lock. Why not `Synchronization.Mutex`: it needs
/// macOS 15, and the package supports macOS 13.
public final class Lock: @unchecked Sendable {
    /// Allocated once and never moved: a `pthread_mutex_t` must keep its address while it is in use.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func lock() {
        pthread_mutex_lock(mutex)
    }

    public func unlock() {
        pthread_mutex_unlock(mutex)
    }

    /// Runs `body` while holding the lock.
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
