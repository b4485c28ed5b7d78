import DashboardTestSupport
import Foundation
import Synchronization
import Testing
import CSHA256
@testable import SnapshotKit
@testable import SampleGeneration
#if canImport(Glibc)
import Glibc
#endif

/// The shared cache (issue 16): one load per export, and never a wrong figure from a cache.
@Suite struct SharedCacheTests {
    let samples = [Fixtures.repositoryRoot() + "/SampleData/ha-giang", Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"]

    func loaded(_ dir: String) throws -> Snapshot { try SnapshotLoader.load(directory: dir).get() }

    /// Differences between two snapshots in every stored property; cells by content.
    func differences(_ a: Snapshot, _ b: Snapshot) -> [String] {
        deepDifferences(a, b) { x, y in
            if let p = x as? TallyCells, let q = y as? TallyCells { return p == q }
            return nil
        }
    }

    /// Equal snapshots, without printing two whole snapshots when they are not.
    func same(_ a: Snapshot, _ b: Snapshot) -> Bool { a == b }

    /// A cache in a new directory, and the number of loads it made.
    func cache(_ dir: String = Fixtures.temporaryDirectory("cdsboard-cache")) -> SharedSnapshotCache {
        SharedSnapshotCache(directory: dir)
    }

    func entry(_ c: SharedSnapshotCache) -> String? {
        (try? FileManager.default.contentsOfDirectory(atPath: c.directory))?.first { $0.hasSuffix(".snapshot") }
            .map { c.directory + "/" + $0 }
    }

    @Test(arguments: [0, 1])
    func aSnapshotComesBackWithEveryPropertyAndItsCellsInPlace(sample: Int) throws {
        let dir = samples[sample]
        let fresh = try loaded(dir)
        let c = cache()
        let (first, use1) = c.load(export: dir) { .success(fresh) }
        #expect(use1 == .wrote)
        let (second, use2) = c.load(export: dir) { Issue.record("loaded again"); return .success(fresh) }
        #expect(use2 == .read)
        let back = try second.get()
        #expect(same(try first.get(), fresh))
        #expect(same(back, fresh))
        #expect(differences(back, fresh) == [])
        // The cells are read where they lie in the file, not copied.
        let key = try #require(SharedSnapshotCache.key(export: dir, options: .init()))
        guard case .success(.loaded(let mapped)) = CacheFile.read(try #require(entry(c)), key: key) else {
            Issue.record("entry not read"); return
        }
        #expect(mapped.dossiers.totals.isMapped && mapped.dossiers.byField.isMapped && mapped.dossiers.byLevel.isMapped)
        #expect(!fresh.dossiers.totals.isMapped)
        #expect(back.history.allSatisfy { $0.dossiers.totals.isMapped })
        #expect(differences(mapped, fresh) == [])
    }

    @Test func aGeneratedRawExportComesBackWhole() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-cache-raw")
        var g = SampleGenerator(unitsJSON: try Data(contentsOf: URL(fileURLWithPath: samples[0] + "/units.json")))
        g.form = .rows
        g.dossierRows = 3000
        try g.write(to: dir)
        let fresh = try loaded(dir)
        let c = cache()
        _ = c.load(export: dir) { .success(fresh) }
        let (back, use) = c.load(export: dir) { .success(fresh) }
        #expect(use == .read)
        #expect(differences(try back.get(), fresh) == [])
        #expect(fresh.dossiers.supplementMonth != nil)
    }

    @Test func aRefusalIsSharedToo() throws {
        let dir = Fixtures.copyOfSample()
        Fixtures.write(Fixtures.read(dir + "/bts.csv") + "BAD,row\n", to: dir + "/bts.csv")
        Fixtures.relist(dir)
        usleep(100_000)   // older than the cache's freshness limit
        let fresh = SnapshotLoader.load(directory: dir)
        guard case .failure(let f) = fresh else { Issue.record("the broken export loaded"); return }
        let c = cache()
        _ = c.load(export: dir) { fresh }
        let (back, use) = c.load(export: dir) { Issue.record("loaded again"); return fresh }
        #expect(use == .read)
        guard case .failure(let g) = back else { Issue.record("the refusal came back as a snapshot"); return }
        #expect(f == g)
    }

    /// One byte changed anywhere in the entry (header, records, cells, padding), or the file
    /// cut short: the entry is not read, the figures come from a load, and the entry is mended.
    @Test func aCorruptEntryIsNeverRead() throws {
        let dir = samples[0]
        let fresh = try loaded(dir)
        let c = cache()
        _ = c.load(export: dir) { .success(fresh) }
        let path = try #require(entry(c))
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        let offsets = [0, 9, 20, 50, 84, 130, 400, good.count / 2, good.count - 100, good.count - 1]
        for (k, offset) in offsets.enumerated() {
            var bad = good
            bad[offset] ^= 0x10
            try bad.write(to: URL(fileURLWithPath: path))
            let key = try #require(SharedSnapshotCache.key(export: dir, options: .init()))
            if case .success = CacheFile.read(path, key: key) { Issue.record("byte \(offset) flipped and read") }
            var loads = 0
            let (back, use) = c.load(export: dir) { loads += 1; return .success(fresh) }
            #expect(loads == 1, "byte \(offset)")
            #expect(use == .wrote, "case \(k)")
            #expect(same(try back.get(), fresh))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == good, "mended")
        }
        for cut in [0, 64, 127, 128, good.count / 3, good.count - 1] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: path))
            var loads = 0
            let (back, _) = c.load(export: dir) { loads += 1; return .success(fresh) }
            #expect(loads == 1, "cut at \(cut)")
            #expect(same(try back.get(), fresh))
        }
        #expect(c.takeNotes().contains { $0.contains("corrupt (checksum)") })
    }

    /// Another version's entry, another export's, or another account's: not read.
    @Test func aForeignEntryIsNeverRead() throws {
        let dir = samples[0]
        let fresh = try loaded(dir)
        let c = cache()
        _ = c.load(export: dir) { .success(fresh) }
        let path = try #require(entry(c))
        let key = try #require(SharedSnapshotCache.key(export: dir, options: .init()))
        var other = key
        other[0] ^= 1
        guard case .failure(.foreign("another export's key")) = CacheFile.read(path, key: other) else {
            Issue.record("another key read"); return
        }
        // Another format version, with its header checksum made right.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[8] = 99
        CacheFile.reseal(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard case .failure(.foreign) = CacheFile.read(path, key: key) else { Issue.record("another version read"); return }
        var loads = 0
        _ = c.load(export: dir) { loads += 1; return .success(fresh) }
        #expect(loads == 1)
        // Written by another account: not trusted (root can give it away; others skip this).
        if geteuid() == 0 {
            #expect(chown(path, 65534, 65534) == 0)
            guard case .failure(.foreign(let why)) = CacheFile.read(path, key: key) else { Issue.record("another account's read"); return }
            #expect(why.contains("uid 65534"))
        }
    }

    @Test func aChangedExportHasAnotherKey() throws {
        let dir = Fixtures.copyOfSample()
        let c = cache()
        _ = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        let before = try #require(SharedSnapshotCache.key(export: dir, options: .init()))
        // Rewritten in place with other figures: the viewer sees them, not the entry's.
        let tourism = Fixtures.read(dir + "/tourism.csv")
        let changed = tourism.replacingOccurrences(of: "\n2024-06,", with: "\n2024-06,", options: [], range: nil)
        Fixtures.write(changed + "", to: dir + "/tourism.csv")
        Fixtures.relist(dir)
        usleep(100_000)
        #expect(SharedSnapshotCache.key(export: dir, options: .init()) != before)
        var loads = 0
        let (_, use) = c.load(export: dir) { loads += 1; return SnapshotLoader.load(directory: dir) }
        #expect(loads == 1)
        #expect(use == .wrote)
    }

    /// The export changes between the load and the writing of the entry: nothing is written,
    /// and the next viewer loads the new export.
    @Test func anExportChangingWhileLoadedIsNotCached() throws {
        let dir = Fixtures.copyOfSample()
        let c = cache()
        c.afterLoad = {
            Fixtures.write(Fixtures.read(dir + "/targets.json") + " ", to: dir + "/targets.json")
            Fixtures.relist(dir)
        }
        let (_, use) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(use == .alone("the export changed while it was read"))
        #expect(entry(c) == nil)
        c.afterLoad = nil
        usleep(100_000)
        let (_, again) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(again == .wrote)
    }

    /// Viewers racing: each with its own cache object (its own lock descriptors), as separate
    /// processes would be. Exactly one loads; all get the same snapshot.
    @Test func racingViewersLoadOnce() throws {
        let dir = samples[0]
        let fresh = try loaded(dir)
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-race")
        let loads = Atomic<Int>(0)
        let results = Mutex<[Result<Snapshot, SnapshotFailure>]>([])
        let uses = Mutex<[SharedSnapshotCache.Use]>([])
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            let t = Thread {
                let (r, u) = SharedSnapshotCache(directory: cacheDir).load(export: dir) {
                    loads.add(1, ordering: .relaxed)
                    usleep(300_000)   // a slow load: the others must wait, not load
                    return .success(fresh)
                }
                results.withLock { $0.append(r) }
                uses.withLock { $0.append(u) }
                group.leave()
            }
            t.start()
        }
        group.wait()
        #expect(loads.load(ordering: .relaxed) == 1)
        #expect(uses.withLock { $0.filter { $0 == .wrote }.count } == 1)
        #expect(uses.withLock { $0.filter { $0 == .read }.count } == 7)
        for r in results.withLock({ $0 }) { #expect(same(try r.get(), fresh)) }
    }

    /// A writer that stops (SIGSTOP) holds its lock: the others load alone after the wait limit.
    @Test func aStuckWriterDelaysOthersOnlyUpToTheLimit() throws {
        let dir = samples[0]
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-stuck")
        let key = try #require(SharedSnapshotCache.key(export: dir, options: .init()))
        let name = CacheFile.stem(key: key)
        let held = try #require(KeyLock.acquire(cacheDir + "/" + name + ".lock", waitLimit: 0))
        defer { held.release() }
        let c = SharedSnapshotCache(directory: cacheDir, waitLimit: 0.3)
        let start = monotonicNow()
        let (r, use) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(monotonicNow() - start >= 0.3)
        #expect(throws: Never.self) { try r.get() }
        guard case .alone = use else { Issue.record("expected a load alone, got \(use)"); return }
    }

    @Test func noCacheDirectoryMeansLoadingAlone() throws {
        let file = Fixtures.temporaryDirectory("cdsboard-cache-file") + "/plain"
        Fixtures.write("x", to: file)
        let c = SharedSnapshotCache(directory: file + "/cache")
        let (r, use) = c.load(export: samples[0]) { SnapshotLoader.load(directory: samples[0]) }
        #expect(throws: Never.self) { try r.get() }
        guard case .alone(let why) = use else { Issue.record("expected a load alone"); return }
        #expect(why.contains("cannot create the cache directory"))
    }

    @Test func theProviderUsesTheCache() throws {
        let dir = samples[0]
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-provider")
        let a = LiveSnapshotProvider(directory: dir, cache: SharedSnapshotCache(directory: cacheDir))
        let b = LiveSnapshotProvider(directory: dir, cache: SharedSnapshotCache(directory: cacheDir))
        let uses = Mutex<[SharedSnapshotCache.Use]>([])
        for p in [a, b] { p.onCacheUse = { u, _ in uses.withLock { $0.append(u) } } }
        guard case .loaded(let x) = a.loadNow(), case .loaded(let y) = b.loadNow() else { Issue.record("not loaded"); return }
        #expect(same(x, y))
        #expect(uses.withLock { $0 } == [.wrote, .read])
    }

    /// On the loading thread (which hands its snapshot over before writing the entry) the
    /// entry is still written, and the next viewer reads it.
    @Test func theLoadingThreadStillWritesTheEntry() throws {
        let dir = samples[0]
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-thread")
        let a = LiveSnapshotProvider(directory: dir, cache: SharedSnapshotCache(directory: cacheDir))
        let uses = Mutex<[SharedSnapshotCache.Use]>([])
        a.onCacheUse = { u, _ in uses.withLock { $0.append(u) } }
        a.start()
        guard case .loaded = a.nextEvent() else { Issue.record("not loaded"); return }
        let end = monotonicNow() + 5
        while uses.withLock({ $0.isEmpty }), monotonicNow() < end { usleep(10_000) }
        #expect(uses.withLock { $0 } == [.wrote])
        let b = LiveSnapshotProvider(directory: dir, cache: SharedSnapshotCache(directory: cacheDir))
        b.onCacheUse = { u, _ in uses.withLock { $0.append(u) } }
        guard case .loaded = b.loadNow() else { Issue.record("not loaded"); return }
        #expect(uses.withLock { $0 } == [.wrote, .read])
        a.stop()
    }

    /// Files written moments ago are read but not cached (a same-size rewrite within one tick
    /// of the file system's clock keeps their identity); a little later they are.
    @Test func anExportWrittenMomentsAgoIsNotCached() throws {
        let dir = Fixtures.copyOfSample()
        let c = cache()
        // Dated an hour ahead (as a file written moments ago on a machine whose clock is a
        // little behind): its identity says nothing of when it changes next.
        var times = [timespec(tv_sec: time(nil) + 3600, tv_nsec: 0), timespec(tv_sec: time(nil) + 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, dir + "/targets.json", &times, 0) == 0)
        let (_, now) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(now == .alone("the export was written moments ago"))
        #expect(entry(c) == nil)
        times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, dir + "/targets.json", &times, 0) == 0)
        usleep(100_000)   // its change time (now) older than the limit
        let (_, later) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(later == .wrote)
        // Entries are read-only: never changed in place under a viewer that maps them.
        var st = stat()
        #expect(stat(try #require(entry(c)), &st) == 0 && st.st_mode & 0o777 == 0o400)
    }

    /// An export whose files differ from its manifest is arriving: not cached.
    @Test func anArrivingExportIsNotCached() throws {
        let dir = Fixtures.copyOfSample()
        let manifest = Fixtures.read(dir + "/manifest.json")
        Fixtures.write(Fixtures.read(dir + "/villages.csv") + "\n", to: dir + "/villages.csv")
        #expect(Fixtures.read(dir + "/manifest.json") == manifest)
        usleep(100_000)
        let c = cache()
        let (r, use) = c.load(export: dir) { SnapshotLoader.load(directory: dir) }
        guard case .failure(let f) = r, f.errors.contains(where: ExportIntegrity.isMismatch) else {
            Issue.record("the changed file was not found to differ"); return
        }
        #expect(use == .alone("the export is still arriving"))
        #expect(entry(c) == nil)
    }

    @Test func crc32cPathsAgree() {
        var g = SystemRandomNumberGenerator()
        for n in [0, 1, 7, 8, 9, 63, 64, 1000, 4096 + 3] {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
            #expect(cds_crc32c(0, bytes, n) == cds_crc32c_portable(0, bytes, n))
        }
        // The standard check value: CRC-32C("123456789") = 0xE3069283.
        for n in [0, 5, 65536, 65537, 3 * 65536, 3 * 65536 + 9, 7 * 65536 + 100] {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
            #expect(cds_crc32c_chunked(bytes, n) == cds_crc32c_chunked_portable(bytes, n), "\(n) bytes")
        }
        #expect(cds_crc32c(0, Array("123456789".utf8), 9) == 0xE306_9283)
        #expect(cds_crc32c_portable(0, Array("123456789".utf8), 9) == 0xE306_9283)
    }
}

func cds_crc32c_for_tests(_ b: [UInt8]) -> UInt32 { cds_crc32c(0, b, b.count) }
