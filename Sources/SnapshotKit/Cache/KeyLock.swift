import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// An exclusive `flock` on a key's lock file: the writer of an entry holds it while it loads,
/// the others wait on it. The kernel releases it when a holder dies. A lock file can be removed
/// by eviction while someone waits on it, so after locking, the file must still be the one at
/// the path; otherwise the lock is taken again on the new file.
struct KeyLock {
    private let fd: Int32
    private let path: String

    /// Waits up to `waitLimit` seconds (polling, so a stopped holder cannot hold a viewer
    /// forever); nil when the file cannot be opened or the wait ran out. A lock file of another
    /// account than `account` (and root) is never waited on: in a directory others can write
    /// to, it may be held for ever, on purpose; it is taken only if it is free now.
    static func acquire(_ path: String, waitLimit: Double, create: Bool = true, account: uid_t = geteuid()) -> KeyLock? {
        let start = monotonicNow()
        var pause: UInt32 = 500
        while true {
            let fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | (create ? O_CREAT : 0), 0o600)
            guard fd >= 0 else { return nil }
            // Only a plain file is a lock (not a FIFO, a device or a terminal planted at the path).
            var kind = stat()
            guard fstat(fd, &kind) == 0, (kind.st_mode & S_IFMT) == S_IFREG else { close(fd); return nil }
            let limit = isTrusted(kind.st_uid, account: account) ? waitLimit : 0
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR, monotonicNow() - start < limit else { close(fd); return nil }
                usleep(pause)
                pause = min(pause * 2, 4000)
            }
            var held = stat(), there = stat()
            if fstat(fd, &held) == 0, stat(path, &there) == 0, held.st_ino == there.st_ino, held.st_dev == there.st_dev {
                return KeyLock(fd: fd, path: path)
            }
            close(fd)   // removed or replaced while waiting: lock the file now at the path
            guard monotonicNow() - start < waitLimit || create else { return nil }
        }
    }

    /// Whether a lock file of `owner` may be waited on by `account`.
    static func isTrusted(_ owner: uid_t, account: uid_t) -> Bool { owner == account || owner == 0 }

    /// Why the lock `lock` in `directory` could not be taken.
    static func failure(_ directory: String, lock: String, account: uid_t) -> String {
        if access(directory, W_OK) != 0 {
            return "the cache directory \(directory) is not writable (" + String(cString: strerror(errno)) + "): every viewer loads alone"
        }
        var st = stat()
        if lstat(lock, &st) == 0, !isTrusted(st.st_uid, account: account) {
            return "the lock \(lock) belongs to another account (uid \(st.st_uid)), which may hold it for ever: loading alone, without waiting"
        }
        return "no lock could be taken in the cache directory \(directory): loading alone"
    }

    func release() { close(fd) }

    /// Removes the lock file, then releases it.
    func remove() {
        unlink(path)
        close(fd)
    }
}
