import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// One load per export, however many viewers: the first process to load an export writes the
/// result (the snapshot, or why it was refused) to a cache directory, and every other viewer
/// of the same export maps that file instead of parsing the export again.
///
/// An entry's name is a key made from the source's fingerprint (for a directory: the identity
/// of every file: device, inode, size, modification and change times; see `SnapshotSource`),
/// the builder's options and the identity of this
/// program's executable: a changed export, another version of cdsboard or other options make
/// another key. While one process loads, the others wait on the key's lock and then read what
/// it wrote (never on a lock file of another account: they load alone at once); the writer
/// re-reads the files' identities after its load and writes nothing if the export changed
/// meanwhile. An entry that is absent, of another version, not owned by this account (or root),
/// or whose checksums differ is never read: the viewer loads alone, as it would without a
/// cache. Nothing in the export directory is touched: a cache directory inside the export is
/// not used. An entry cut short or written into after it was read is found by the viewer
/// (`MappedCacheEntry`), which loads the export again.
public final class SharedSnapshotCache: @unchecked Sendable {
    /// How a load went, for the log and for tests.
    public enum Use: Equatable, Sendable {
        /// Read from an entry another process (or this one) wrote.
        case read
        /// Loaded here and written for the others.
        case wrote
        /// Loaded here without the cache, and why.
        case alone(String)
    }

    public let directory: String
    /// How long a viewer waits for another's load before loading alone (a stopped writer).
    public let waitLimit: Double
    /// Entries kept besides those written in the last minute.
    public let keep: Int
    private let lock = NSLock()
    private var reported = Set<String>()
    /// Called between a load and the identity check before writing (tests change the export there).
    var afterLoad: (() -> Void)?
    /// The account whose entries and locks are trusted (with root's): this process's (tests
    /// that cannot run a process as another account pretend to be one).
    var account = geteuid()

    public init(directory: String, waitLimit: Double = 30, keep: Int = 6) {
        self.directory = directory
        self.waitLimit = waitLimit
        self.keep = keep
    }

    /// `$CACHE_DIRECTORY` (systemd's `CacheDirectory=`), else `$XDG_CACHE_HOME/cdsboard`, else
    /// `$HOME/.cache/cdsboard`; nil when none is set.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let d = environment["CACHE_DIRECTORY"], !d.isEmpty { return d.split(separator: ":").first.map(String.init) }
        if let d = environment["XDG_CACHE_HOME"], d.hasPrefix("/") { return d + "/cdsboard" }
        if let h = environment["HOME"], h.hasPrefix("/") { return h + "/.cache/cdsboard" }
        return nil
    }

    /// An entry still to be written after a load: the lock stays held until `finish`, so the
    /// loader can show its snapshot first and the others still wait for the entry.
    public final class PendingWrite: @unchecked Sendable {
        // Unchecked: used by one thread at a time (the loader's), once.
        private let cache: SharedSnapshotCache
        private let held: KeyLock
        private let outcome: LoadOutcome
        private let key: [UInt8]
        private let entry: String
        private var done = false

        fileprivate init(cache: SharedSnapshotCache, held: KeyLock, outcome: LoadOutcome, key: [UInt8], entry: String) {
            self.cache = cache; self.held = held; self.outcome = outcome; self.key = key; self.entry = entry
        }

        /// Writes the entry and releases the lock (once).
        @discardableResult
        public func finish() -> Use {
            guard !done else { return .wrote }
            done = true
            defer { held.release() }
            if let e = CacheFile.write(outcome, key: key, to: entry) {
                return cache.alone("cannot write the cache entry \(entry): " + String(cString: strerror(e)))
            }
            cache.evict(except: entry)
            return .wrote
        }

        deinit { if !done { held.release() } }
    }

    /// The snapshot of `source` through the cache: `load` runs only when no entry can be read.
    public func load(source: SnapshotSource, options: SnapshotBuilder.Options = SnapshotBuilder.Options(),
                     _ load: () -> Result<Snapshot, SnapshotFailure>) -> (Result<Snapshot, SnapshotFailure>, Use) {
        let (result, use, _) = self.load(source: source, options: options, deferWriting: false, load)
        return (result, use)
    }

    /// The snapshot of the export directory `export` through the cache.
    public func load(export: String, options: SnapshotBuilder.Options = SnapshotBuilder.Options(),
                     _ load: () -> Result<Snapshot, SnapshotFailure>) -> (Result<Snapshot, SnapshotFailure>, Use) {
        self.load(source: DirectorySource(directory: export), options: options, load)
    }

    /// As `load`, but an entry to write is handed back (`PendingWrite`) with its lock held,
    /// for the caller to finish once it has shown the snapshot.
    public func load(source: SnapshotSource, options: SnapshotBuilder.Options = SnapshotBuilder.Options(), deferWriting: Bool,
                     _ load: () -> Result<Snapshot, SnapshotFailure>) -> (Result<Snapshot, SnapshotFailure>, Use, PendingWrite?) {
        switch readOrLoad(source: source, options: options, load) {
        case (let result, .pending(let p)):
            guard deferWriting else { return (result, p.finish(), nil) }
            return (result, .wrote, p)
        case (let result, .finished(let use)):
            return (result, use, nil)
        }
    }

    /// What became of a load: done, or an entry still to write.
    private enum Step { case finished(Use), pending(PendingWrite) }

    private func readOrLoad(source: SnapshotSource, options: SnapshotBuilder.Options,
                            _ load: () -> Result<Snapshot, SnapshotFailure>) -> (Result<Snapshot, SnapshotFailure>, Step) {
        let key: [UInt8]
        switch Self.identify(source: source, options: options, cacheDirectory: directory) {
        case .failure(let why): return (load(), .finished(alone(why.why)))
        case .success(let identity): key = identity.key
        }
        let name = CacheFile.stem(key: key)
        let entry = directory + "/" + name + ".snapshot"
        switch CacheFile.read(entry, key: key, datasets: options.datasets) {
        case .success(let o): return (o.result, .finished(.read))
        case .failure(.absent): break
        case .failure(let why): note("cache entry \(entry) is \(why): loading without it")
        }
        if !Self.makeDirectory(directory) {
            let why = "cannot create the cache directory \(directory): " + String(cString: strerror(errno))
            return (load(), .finished(alone(why)))
        }
        let lockPath = directory + "/" + name + ".lock"
        guard let held = KeyLock.acquire(lockPath, waitLimit: waitLimit, account: account) else {
            return (load(), .finished(alone(KeyLock.failure(directory, lock: lockPath, account: account))))
        }
        // Another process may have written it while this one waited.
        if case .success(let o) = CacheFile.read(entry, key: key, datasets: options.datasets) {
            held.release()
            return (o.result, .finished(.read))
        }
        let loadStart = Date().timeIntervalSince1970
        let result = load()
        afterLoad?()
        guard case .success(let after) = Self.identify(source: source, options: options, cacheDirectory: directory), after.key == key else {
            held.release()
            return (result, .finished(.alone("the export changed while it was read")))
        }
        // Files that differ from the manifest are an export still arriving: every viewer finds
        // that out for itself, from the files, until they are whole.
        if case .failure(let f) = result, f.errors.contains(where: ExportIntegrity.isMismatch) {
            held.release()
            return (result, .finished(.alone("the export is still arriving")))
        }
        // A file changed a few milliseconds before the load (or dated in the future) may have
        // changed again within the same tick of the file system's clock, with the same size, and
        // so the same identity: what was read of it is not worth sharing under that identity.
        if loadStart - after.newestChange < Self.freshness {
            held.release()
            return (result, .finished(.alone("the export was written moments ago")))
        }
        return (result, .pending(PendingWrite(cache: self, held: held, outcome: LoadOutcome(result), key: key, entry: entry)))
    }

    /// The snapshot an entry holds for `key`, if one can be read (the last good figures of an
    /// export refused since).
    public func snapshot(key: [UInt8], options: SnapshotBuilder.Options = SnapshotBuilder.Options()) -> Snapshot? {
        let entry = directory + "/" + CacheFile.stem(key: key) + ".snapshot"
        guard case .success(let o) = CacheFile.read(entry, key: key, datasets: options.datasets),
              case .success(let s) = o.result else { return nil }
        return s
    }

    /// Makes `path` and any missing parents (0700: `~/.cache` is often absent on a new account,
    /// and the default directory lies inside it); false with `errno` set when it cannot.
    static func makeDirectory(_ path: String) -> Bool {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path, makeDirectory(parent) else { return false }
        return mkdir(path, 0o700) == 0 || errno == EEXIST
    }

    /// The key of a source: SHA-256 of its fingerprint, the options, the format version and
    /// this executable; nil when it has none now.
    static func key(source: SnapshotSource, options: SnapshotBuilder.Options) -> [UInt8]? {
        try? identify(source: source, options: options, cacheDirectory: nil).get().key
    }

    /// The key of the export directory `export`.
    static func key(export: String, options: SnapshotBuilder.Options) -> [UInt8]? {
        key(source: DirectorySource(directory: export), options: options)
    }

    /// Files changed more recently than this (seconds) are not cached (see `readOrLoad`).
    static let freshness = 0.05

    /// The key, and when the source last changed (seconds since 1970).
    static func identify(source: SnapshotSource, options: SnapshotBuilder.Options,
                         cacheDirectory: String?) -> Result<(key: [UInt8], newestChange: Double), NotCacheable> {
        let fingerprint: SourceFingerprint
        switch source.fingerprint(cacheDirectory: cacheDirectory) {
        case .failure(let why): return .failure(why)
        case .success(let f): fingerprint = f
        }
        // The options that change what a load gives (not how many cores it uses).
        var text = "cdsboard cache \(CacheFile.version)\n\(options.earliest) \(options.monthsAfterPeriodEnd) "
            + "\(options.latestPeriodEnd) \(options.maximumCubeBytes)\n" + "kinds \(options.datasets.signature)\n"
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return .failure(NotCacheable("this program's file cannot be looked at")) }
        text += "exe " + DirectorySource.identity(st) + "\n" + fingerprint.text
        var h = SHA256()
        h.update(Array(text.utf8))
        return .success((h.finalize(), fingerprint.newestChange))
    }

    fileprivate func alone(_ why: String) -> Use {
        note(why)
        return .alone(why)
    }

    /// Problems worth a line in the log, once each per process.
    public private(set) var notes: [String] = []
    func note(_ s: String) {
        lock.lock(); defer { lock.unlock() }
        if reported.insert(s).inserted { notes.append(s) }
    }

    /// Notes not yet taken.
    public func takeNotes() -> [String] {
        lock.lock(); defer { lock.unlock() }
        let out = notes
        notes.removeAll()
        return out
    }
}
