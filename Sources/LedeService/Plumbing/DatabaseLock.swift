import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock beside the database (`<db>.lock`), so that a second `lede serve` on the
/// same file is refused at start instead of interleaving its commits and outbox with the first's.
/// The kernel releases it when the process dies, so a crash never leaves it stale.
final class DatabaseLock: @unchecked Sendable {
    private var descriptor: Int32

    init(databasePath: String) throws {
        let path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LockError(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            descriptor = -1
            throw LockError(description: "\(databasePath) is in use by another lede serve (\(path) is locked)")
        }
    }

    func release() {
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }

    struct LockError: Error, CustomStringConvertible {
        var description: String
    }
}
