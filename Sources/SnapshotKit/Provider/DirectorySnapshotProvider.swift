import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Loads a snapshot directory in the background and reloads it when it changes.
///
/// Changes are debounced (writes must settle for `settleDelay`); a new snapshot is published
/// only when the whole directory validates; on failure the error is published and the last
/// good snapshot stays where it is. Nothing is ever written to the directory.
public final class DirectorySnapshotProvider: SnapshotProvider, @unchecked Sendable {
    public let directory: String
    public let settleDelay: Double
    private let watcher: DirectoryWatcher
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1
    private let lock = NSLock()
    private var results: [ProviderEvent] = []
    private var loading = false
    private var reloadWanted = false
    private var settleDeadline: Double?

    public init(directory: String, settleDelay: Double = 0.12, useInotify: Bool = true) {
        self.directory = directory
        self.settleDelay = settleDelay
        watcher = DirectoryWatcher(directory: directory, useInotify: useInotify)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            wakeRead = fds[0]
            wakeWrite = fds[1]
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
    }

    deinit { stop() }

    public var fileDescriptors: [Int32] { [wakeRead, watcher.inotifyFD].filter { $0 >= 0 } }

    public var deadline: Double? {
        [settleDeadline, watcher.deadline].compactMap { $0 }.min()
    }

    /// Set when the caller loaded the first snapshot itself (with `loadNow`): `start` then
    /// only watches, instead of parsing the same files again.
    public var initialLoadDone = false

    public func start() { if !initialLoadDone { beginLoad() } }

    public func handleReadable(_ fd: Int32) {
        if fd == wakeRead {
            var byte: UInt8 = 0
            while read(wakeRead, &byte, 1) > 0 {}
        } else if fd == watcher.inotifyFD, watcher.drain() {
            settleDeadline = monotonicNow() + settleDelay
        }
    }

    public func handleDeadline(now: Double) {
        if watcher.poll(now: now) { settleDeadline = now + settleDelay }
        if let d = settleDeadline, now >= d {
            settleDeadline = nil
            beginLoad()
        }
    }

    public func takeEvents() -> [ProviderEvent] {
        lock.lock(); defer { lock.unlock() }
        let out = results
        results.removeAll()
        return out
    }

    /// Loads synchronously (for `render`, `report` and tests).
    public func loadNow() -> ProviderEvent {
        switch SnapshotLoader.load(directory: directory) {
        case .success(let s): return .loaded(s)
        case .failure(let f): return .refused(f)
        }
    }

    private func beginLoad() {
        lock.lock()
        if loading { reloadWanted = true; lock.unlock(); return }
        loading = true
        lock.unlock()
        let thread = Thread { [self] in
            let event = loadNow()
            lock.lock()
            results.append(event)
            loading = false
            let again = reloadWanted
            reloadWanted = false
            // Under the lock: `stop()` may be closing the pipe, and a write to a closed
            // descriptor could land in whatever file reuses its number (found by TSan).
            if wakeWrite >= 0 {
                var byte: UInt8 = 1
                _ = write(wakeWrite, &byte, 1)   // non-blocking: a full pipe already wakes the loop
            }
            lock.unlock()
            if again { beginLoad() }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        if wakeRead >= 0 { close(wakeRead); wakeRead = -1 }
        if wakeWrite >= 0 { close(wakeWrite); wakeWrite = -1 }
    }
}
