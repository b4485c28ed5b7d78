import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Follows one `SnapshotSource` for the dashboard: loads it in the background and again when
/// its change signal says it may have changed. The one provider behind every source.
///
/// Changes are debounced (writes must settle for `settleDelay`); a new snapshot is published
/// only when the whole source validates; on failure the error is published and the last good
/// snapshot stays where it is. Nothing is ever written to the source.
///
/// While the source says something is still arriving (for a directory: a file that differs
/// from its manifest's size or SHA-256), `.arriving(file)` is published and the source is
/// asked again every `arrivalRecheck` seconds; after `arrivalTimeout` seconds the export is
/// refused. While refused or missing, the source's signature is looked at again every
/// `recheckInterval` seconds (a parent directory's permission changes without an event), and
/// it is reloaded when that has changed.
///
/// A snapshot read from the shared cache reads its cells in the cache's entry: when that entry
/// is cut short or written into under the viewer (`CacheEntryWatch`), the export is loaded
/// again (the damaged entry fails its checks, so the load reads the files) and the log says why.
public final class LiveSnapshotProvider: SnapshotProvider, @unchecked Sendable {
    public let source: SnapshotSource
    /// How each load reads the snapshot (parts of `dossiers.csv`, date limits).
    public let options: SnapshotBuilder.Options
    public let settleDelay: Double
    public let arrivalTimeout: Double
    public let arrivalRecheck: Double
    public let recheckInterval: Double
    private let watcher: ChangeSignal
    /// Where viewers of one export share its load; nil: every load is this process's own.
    public let cache: SharedSnapshotCache?
    /// Told how each load used the cache (from the loading thread).
    public var onCacheUse: (@Sendable (SharedSnapshotCache.Use, [String]) -> Void)?
    /// Where loads that crashed the process are remembered: an export that did is refused.
    public var quarantine: ExportQuarantine?
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1
    private let lock = NSLock()
    private var results: [ProviderEvent] = []
    private var loading = false
    private var reloadWanted = false
    private var settleDeadline: Double?
    // Under `lock`: the re-check without an event, and since when files have differed.
    private var recheckAt: Double?
    /// When set, the re-check reloads only if the directory's signature changed from this.
    private var recheckUnless: String?
    private var arrivingSince: Double?
    /// After a digest differed: check digests (remembered per file) before parsing again.
    private var digestsFirst = false
    /// The cache entry of the snapshot last handed to the loop (the loop's thread only).
    private let entryWatch: CacheEntryWatch
    /// The map guard's pipe, with a cache (see `MappedFile`).
    private var guardFD: Int32 = -1

    public init(source: SnapshotSource, settleDelay: Double = 0.12, useInotify: Bool = true,
                arrivalTimeout: Double = 60, arrivalRecheck: Double = 1, recheckInterval: Double = 5,
                options: SnapshotBuilder.Options = SnapshotBuilder.Options(), cache: SharedSnapshotCache? = nil) {
        self.source = source
        self.options = options
        self.cache = cache
        self.settleDelay = settleDelay
        self.arrivalTimeout = arrivalTimeout
        self.arrivalRecheck = arrivalRecheck
        self.recheckInterval = recheckInterval
        watcher = source.makeChangeSignal(useInotify: useInotify)
        entryWatch = CacheEntryWatch(watcher: watcher)
        if cache != nil { guardFD = MappedCacheEntry.wakeDescriptor }
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

    /// Why changes are found more slowly than they could be (inotify used up), if they are.
    public var degradation: String? { watcher.degradation }

    public var fileDescriptors: [Int32] { ([wakeRead, guardFD] + watcher.fileDescriptors).filter { $0 >= 0 } }

    public var deadline: Double? {
        lock.lock(); let recheck = recheckAt; lock.unlock()
        return [settleDeadline, watcher.deadline, recheck].compactMap { $0 }.min()
    }

    /// Set when the caller loaded the first snapshot itself (with `loadNow`): `start` then
    /// only watches, instead of parsing the same files again.
    public var initialLoadDone = false

    public func start() {
        // The map guard goes in front of SIGBUS handlers installed since the first load (the
        // terminal's crash guard), which it hands the faults that are not its own.
        if cache != nil { guardFD = MappedCacheEntry.wakeDescriptor }
        if !initialLoadDone { beginLoad() }
    }

    public func handleReadable(_ fd: Int32) {
        if fd == wakeRead {
            var byte: UInt8 = 0
            while read(wakeRead, &byte, 1) > 0 {}
        } else if fd == guardFD {
            MappedCacheEntry.drainWake()
            checkEntry([], found: true)
        } else {
            if watcher.handleReadable(fd) { settleDeadline = monotonicNow() + settleDelay }
            checkEntry(watcher.takeFileEvents(), found: false)
        }
    }

    /// When the shown snapshot's cache entry may have changed (`found`: a read found a page of
    /// it missing): if it was, the export is loaded again.
    private func checkEntry(_ events: Set<Int32>, found: Bool) {
        guard found || entryWatch.touched(events), let why = entryWatch.damage() else { return }
        cache?.note(why)
        beginLoad()
    }

    public func handleDeadline(now: Double) {
        // Without notifications: the entry's change time, looked at when the source is.
        if !watcher.notifies { checkEntry([], found: false) }
        if watcher.handleDeadline(now: now) { settleDeadline = now + settleDelay }
        if let d = settleDeadline, now >= d {
            settleDeadline = nil
            beginLoad()
        }
        lock.lock()
        guard let due = recheckAt, now >= due else { lock.unlock(); return }
        recheckAt = nil
        let unless = recheckUnless
        lock.unlock()
        if let unless, source.signature() == unless {
            lock.lock()
            if recheckAt == nil { recheckAt = now + recheckInterval }
            lock.unlock()
        } else {
            beginLoad()
        }
    }

    /// Reads the source again now, as after a change (the arrival check first).
    public func reload() { beginLoad() }

    public func takeEvents() -> [ProviderEvent] {
        lock.lock()
        let out = results
        results.removeAll()
        lock.unlock()
        for case .loaded(let s) in out { entryWatch.follow(s) }
        return out
    }

    /// Loads synchronously (for the first frame and tests): `.loaded`, `.refused`, or
    /// `.arriving` when the manifest's files are not all there yet.
    public func loadNow() -> ProviderEvent {
        let event = loadDeferringCache()
        if case .loaded(let s) = event { entryWatch.follow(s) }
        finishCacheWrite()
        return event
    }

    /// The cache entry this process still has to write (under `lock`).
    private var pendingWrite: SharedSnapshotCache.PendingWrite?
    private var pendingUse: SharedSnapshotCache.Use?

    /// Writes the entry of the last load, if any, and tells `onCacheUse`.
    private func finishCacheWrite() {
        lock.lock()
        let p = pendingWrite, use = pendingUse
        pendingWrite = nil; pendingUse = nil
        lock.unlock()
        guard let use else { return }
        let final = p?.finish() ?? use
        onCacheUse?(final, cache?.takeNotes() ?? [])
    }

    /// `loadNow` without writing the cache entry: the loading thread shows the snapshot first.
    private func loadDeferringCache() -> ProviderEvent {
        let signature = source.signature()
        let event: ProviderEvent
        lock.lock(); let digests = digestsFirst; digestsFirst = false; lock.unlock()
        // Sizes before parsing (what an export being written changes); digests while parsing.
        if let issue = differs(digests: digests) {
            event = arriving(issue, signature: signature)
        } else {
            switch load() {
            case .success(let s):
                event = .loaded(s)
                settle(recheck: nil, unless: nil, arriving: nil)
            case .failure(let f):
                // A digest that differs may sit behind other errors of its file (the per-file
                // limit): ask again, from the digests the load just remembered.
                if let issue = f.errors.first(where: ExportIntegrity.isMismatch) ?? differs(digests: true) {
                    lock.lock(); digestsFirst = true; lock.unlock()
                    event = arriving(issue, signature: signature)
                } else {
                    event = .refused(f)
                    settle(recheck: monotonicNow() + recheckInterval, unless: signature, arriving: nil)
                }
            }
        }
        return event
    }

    /// The load itself: refused if it crashed a viewer before, else through the shared cache
    /// when there is one.
    private func load() -> Result<Snapshot, SnapshotFailure> {
        guard let quarantine else { return loadThroughCache() }
        return quarantine.guarding(source: source, options: options) { loadThroughCache() }
    }

    /// While the export is refused because a viewer crashed on it: the figures of the last
    /// export loaded well at this path, if the shared cache still holds them.
    public func lastGoodSnapshot() -> Snapshot? {
        guard let quarantine, let cache, quarantine.isPoisoned(export: source.name),
              let key = quarantine.lastGood(export: source.name) else { return nil }
        return cache.snapshot(key: key, options: options)
    }

    private func loadThroughCache() -> Result<Snapshot, SnapshotFailure> {
        guard let cache else { return source.load(options: options) }
        let (result, use, pending) = cache.load(source: source, options: options, deferWriting: true) {
            source.load(options: options)
        }
        lock.lock(); pendingWrite = pending; pendingUse = use; lock.unlock()
        return result
    }

    private func differs(digests: Bool) -> SnapshotIssue? { source.arrival(digests: digests) }

    /// Files differ from the manifest: arriving, until the timeout; then refused.
    private func arriving(_ issue: SnapshotIssue, signature: String) -> ProviderEvent {
        let now = monotonicNow()
        lock.lock(); let since = arrivingSince ?? now; lock.unlock()
        if now - since >= arrivalTimeout {
            // The next change starts a new arrival; until then, only a change is looked at.
            settle(recheck: now + recheckInterval, unless: signature, arriving: nil)
            return .refused(SnapshotFailure(errors: [issue]))
        }
        settle(recheck: now + arrivalRecheck, unless: nil, arriving: since)
        return .arriving(issue.file)
    }

    private func settle(recheck: Double?, unless: String?, arriving: Double?) {
        lock.lock()
        recheckAt = recheck
        recheckUnless = unless
        arrivingSince = arriving
        lock.unlock()
    }

    private func beginLoad() {
        lock.lock()
        if loading { reloadWanted = true; lock.unlock(); return }
        loading = true
        lock.unlock()
        let thread = Thread { [self] in
            let event = loadDeferringCache()
            lock.lock()
            results.append(event)
            // Under the lock: `stop()` may be closing the pipe, and a write to a closed
            // descriptor could land in whatever file reuses its number (found by TSan).
            if wakeWrite >= 0 {
                var byte: UInt8 = 1
                _ = write(wakeWrite, &byte, 1)   // non-blocking: a full pipe already wakes the loop
            }
            lock.unlock()
            // Shown first, then written for the other viewers (who wait on the entry's lock).
            finishCacheWrite()
            lock.lock()
            loading = false
            let again = reloadWanted
            reloadWanted = false
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
