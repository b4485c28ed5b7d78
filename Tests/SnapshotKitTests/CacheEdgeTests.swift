import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// The shared cache's edges (issue 25): an entry cut short or written into under a viewer that
/// maps it, a lock of another account, a file size limit, eviction among files the cache did
/// not write, a cache directory inside the export. Real files and real processes throughout.
@Suite struct CacheEdgeTests {
    let sample = Fixtures.repositoryRoot() + "/SampleData/ha-giang"

    /// Dossiers received in the province over the sample's years.
    func received(_ s: Snapshot) -> Int {
        [2022, 2023, 2024].reduce(0) { $0 + s.dossiers.total(unit: 0, period: .year($1)).received }
    }

    /// The name the cache gives `export`'s entry, without its suffix (found by writing it in a
    /// scratch directory, whatever the naming scheme).
    func entryStem(_ export: String) throws -> String {
        let scratch = Fixtures.temporaryDirectory("cdsboard-cache-name")
        _ = SharedSnapshotCache(directory: scratch).load(export: export) { SnapshotLoader.load(directory: export) }
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch).first { $0.hasSuffix(".snapshot") })
        return String(name.dropLast(".snapshot".count))
    }

    /// A cache directory holding `export`'s entry (written by another viewer), and the entry's path.
    func writtenEntry(_ export: String, fresh: Snapshot) throws -> (dir: String, entry: String) {
        let dir = Fixtures.temporaryDirectory("cdsboard-cache-edge")
        let (_, use) = SharedSnapshotCache(directory: dir).load(export: export) { .success(fresh) }
        try #require(use == .wrote)
        return (dir, dir + "/" + (try entryStem(export)) + ".snapshot")
    }

    /// The offset and length of an entry's cells (from its header).
    func cells(of entry: String) throws -> (offset: Int, count: Int) {
        let head = [UInt8](try #require(FileManager.default.contents(atPath: entry)).prefix(80))
        func u64(_ at: Int) -> Int { head[at..<(at + 8)].reversed().reduce(0) { $0 << 8 | Int($1) } }
        return (u64(64), u64(72))
    }

    /// A viewer reading the entry through the provider, and its first snapshot (read from the entry).
    func viewer(_ export: String, cacheDir: String, poll: Bool = false) throws -> (LiveSnapshotProvider, Snapshot) {
        let p = LiveSnapshotProvider(directory: export, useInotify: !poll, cache: SharedSnapshotCache(directory: cacheDir))
        guard case .loaded(let s) = p.loadNow() else { throw CacheEdgeFailure("the first load failed") }
        p.initialLoadDone = true
        p.start()
        try #require(s.dossiers.totals.isMapped, "the first snapshot is not read from the entry")
        return (p, s)
    }

    /// A viewer shows a snapshot read from the entry; `damage` changes the entry with another
    /// process; the viewer then reads zeros (`shown`'s cells), finds out, says `saying` in the
    /// log and loads the export again, with its figures.
    func damagedUnderAViewer(poll: Bool, saying: String, _ damage: (_ entry: String) throws -> [String]) throws {
        let fresh = try SnapshotLoader.load(directory: sample).get()
        let (dir, entry) = try writtenEntry(sample, fresh: fresh)
        let (p, shown) = try viewer(sample, cacheDir: dir, poll: poll)
        defer { p.stop() }
        #expect(received(shown) == received(fresh) && received(fresh) > 0)
        let argv = try damage(entry)
        let r = Fixtures.run(argv[0], Array(argv.dropFirst()))
        try #require(r.status == 0, "\(r.output)")
        #expect(received(shown) == 0, "what the mapping reads now: zeros")
        let next = p.nextDecision(timeout: 20).event
        guard case .loaded(let again)? = next else { Issue.record("no new snapshot after \(argv[0]): \(String(describing: next))"); return }
        #expect(received(again) == received(fresh))
        #expect(p.cache?.takeNotes().contains { $0.contains(saying) } == true)
    }

    /// Another process cuts the entry short under the viewer: the viewer lives, reads zeros
    /// instead of its cells (it used to die of SIGBUS, exit 135), and loads the export again.
    @Test(arguments: [false, true])
    func anEntryCutShortUnderAViewerIsSurvivedAndReloaded(poll: Bool) throws {
        try damagedUnderAViewer(poll: poll, saying: "cut short") { entry in ["/usr/bin/truncate", "-s", "4096", entry] }
    }

    /// Another process (root, or the owner after chmod) zeroes the entry's cells in place: the
    /// viewer finds the checksum changed and loads the export again (it used to show
    /// "Tiếp nhận 0" without a word).
    @Test(arguments: [false, true])
    func anEntryZeroedInPlaceUnderAViewerIsFoundAndReloaded(poll: Bool) throws {
        try damagedUnderAViewer(poll: poll, saying: "written into") { entry in
            let (offset, count) = try cells(of: entry)
            chmod(entry, 0o600)
            return ["/usr/bin/dd", "if=/dev/zero", "of=" + entry, "bs=1M", "iflag=count_bytes", "count=\(count)",
                    "oflag=seek_bytes", "seek=\(offset)", "conv=notrunc"]
        }
    }

    /// Another account holds the key's lock in a world-writable cache directory: the viewer
    /// does not wait on it (it used to wait 30 s on a blank screen) and loads alone.
    @Test func aLockHeldByAnotherAccountIsNotWaitedOn() throws {
        try #require(getuid() == 0, "needs root, to run a process as nobody")
        let fresh = try SnapshotLoader.load(directory: sample).get()
        let dir = Fixtures.temporaryDirectory("cdsboard-cache-shared")
        chmod(dir, 0o1777)
        let lock = dir + "/" + (try entryStem(sample)) + ".lock"
        // nobody makes the lock file and holds it.
        let holder = try #require(spawn(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                                         "/usr/bin/flock", lock, "/bin/sleep", "60"]))
        defer { kill(holder, SIGKILL); var st: Int32 = 0; waitpid(holder, &st, 0) }
        try #require(waitUntilHeld(lock, by: 65534), "nobody never held the lock")
        let c = SharedSnapshotCache(directory: dir, waitLimit: 60)
        let outcome = Outcome()
        let ok = finishes(within: 30) { outcome.set(c.load(export: sample) { .success(fresh) }.1) }
        try #require(ok, "the viewer waits on another account's lock")
        guard case .alone(let why)? = outcome.get() else { Issue.record("\(String(describing: outcome.get()))"); return }
        #expect(why.contains("another account (uid 65534)"), "\(why)")
    }

    /// Eviction deletes only entries the cache wrote: not other files named `*.snapshot` (it
    /// used to delete every one the account owned), not a file named as an entry that is not one.
    @Test func evictionLeavesFilesTheCacheDidNotWrite() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-cache-evict")
        // A second export, copied first: files changed moments before a load are not cached.
        let copy = Fixtures.copyOfSample()
        let others = ["notes.snapshot", "vm-disk.snapshot", "0123456789abcdef0123456789abcdef.snapshot",
                      "cdsboard-v3-0123456789abcdef0123456789abcdef.snapshot", ".tmp-1-2", "backup.lock"]
        for n in others { Fixtures.write("not the cache's \(n)\n", to: dir + "/" + n) }
        let c = SharedSnapshotCache(directory: dir, keep: 1)
        // An entry of the cache, old enough to go.
        _ = c.load(export: sample) { SnapshotLoader.load(directory: sample) }
        let old = dir + "/" + (try entryStem(sample)) + ".snapshot"
        try #require(FileManager.default.fileExists(atPath: old))
        var past = [timeval(tv_sec: time(nil) - 7200, tv_usec: 0), timeval(tv_sec: time(nil) - 7200, tv_usec: 0)]
        for n in others + [(old as NSString).lastPathComponent] { utimes(dir + "/" + n, &past) }
        // Another export's entry is written: eviction runs.
        let (_, use) = c.load(export: copy) { SnapshotLoader.load(directory: copy) }
        #expect(use == .wrote)
        for n in others { #expect(FileManager.default.fileExists(atPath: dir + "/" + n), "\(n) was deleted") }
        #expect(!FileManager.default.fileExists(atPath: old), "the old entry stays")
    }

    /// A cache directory inside the export (or the export itself): nothing is written into the
    /// export (it used to reload without end, lock files piling up in it); the viewer loads alone.
    @Test(arguments: ["", "/cache"])
    func aCacheDirectoryInsideTheExportIsNotUsed(sub: String) throws {
        let export = Fixtures.copyOfSample()
        let before = try FileManager.default.contentsOfDirectory(atPath: export).sorted()
        let c = SharedSnapshotCache(directory: export + sub)
        let (result, use) = c.load(export: export) { SnapshotLoader.load(directory: export) }
        #expect((try? result.get()) != nil)
        guard case .alone(let why) = use else { Issue.record("\(use)"); return }
        #expect(why.contains("inside the export"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: export).sorted() == before)
        // Through a symbolic link to the export too.
        let link = Fixtures.temporaryDirectory("cdsboard-cache-link") + "/current"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: export)
        #expect(SharedSnapshotCache.isInside(link + sub + "/more", export: export))
        #expect(SharedSnapshotCache.isInside(export + sub, export: link))
        #expect(!SharedSnapshotCache.isInside(export + "-cache", export: export))
    }

    /// Waits (up to 10 s) until `path` exists, belongs to `uid` and is locked by someone.
    func waitUntilHeld(_ path: String, by uid: uid_t) -> Bool {
        for _ in 0..<1000 {
            var st = stat()
            if stat(path, &st) == 0, st.st_uid == uid {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                defer { close(fd) }
                if fd >= 0, flock(fd, LOCK_EX | LOCK_NB) != 0 { return true }
            }
            usleep(10_000)
        }
        return false
    }
}

struct CacheEdgeFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A value set by another thread.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var use: SharedSnapshotCache.Use?
    func set(_ u: SharedSnapshotCache.Use) { lock.lock(); use = u; lock.unlock() }
    func get() -> SharedSnapshotCache.Use? { lock.lock(); defer { lock.unlock() }; return use }
}

/// Starts `argv` in the background (its output discarded); its pid.
func spawn(_ argv: [String]) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [0, 1, 2] as [Int32] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
    let args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in args { free(a) } }
    var pid: pid_t = 0
    return posix_spawn(&pid, argv[0], &actions, nil, args, environ) == 0 ? pid : nil
}

/// Runs `body` on a thread; false when it has not returned within `seconds`.
func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread { body(); done.signal() }.start()
    return done.wait(timeout: .now() + seconds) == .success
}
