import DashboardTestSupport
import Foundation
import Synchronization
import Testing
import CSHA256
@testable import SnapshotKit
#if canImport(Glibc)
import Glibc
#endif

/// The shared cache against a hostile or unlucky cache directory: things planted at an entry's
/// path, and entries whose checksums are right but whose header or records lie. Never a hang, a
/// crash or a wrong tree: such an entry is not read, and the viewer loads alone.
@Suite struct CacheAttackTests {
    let sample = Fixtures.repositoryRoot() + "/SampleData/ha-giang"

    func key(_ dir: String) throws -> [UInt8] { try #require(SharedSnapshotCache.key(export: dir, options: .init())) }
    func entryPath(_ cacheDir: String, _ key: [UInt8]) -> String {
        cacheDir + "/" + CacheFile.stem(key: key) + ".snapshot"
    }

    /// The snapshot with some parts replaced, made as the cache makes one when reading.
    func rebuilt(_ s: Snapshot, units: UnitTree? = nil, dossiers: DossierCube? = nil, tourism: TourismCube? = nil,
                 history: [HistoricalProvince]? = nil) -> Snapshot {
        Snapshot(manifest: s.manifest, units: units ?? s.units, targets: s.targets, dossierForm: s.dossierForm,
                 dossiers: dossiers ?? s.dossiers,
                 datasets: tourism.map { t in var d = s.datasets; d.set(TourismDataset.self, t); return d } ?? s.datasets,
                 warnings: s.warnings, history: history ?? s.history,
                 geometry: s.geometry)
    }

    /// Writes `s` as the entry of `sample` (checksums right) and reads it back.
    func readCrafted(_ s: Snapshot) throws -> Result<LoadOutcome, CacheFile.ReadError> {
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-crafted")
        let k = try key(sample)
        let path = entryPath(cacheDir, k)
        #expect(CacheFile.write(.loaded(s), key: k, to: path) == nil)
        return CacheFile.read(path, key: k)
    }

    static func putU64(_ v: Int, at: Int, in b: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: v).littleEndian) { for (k, x) in $0.enumerated() { b[at + k] = x } }
    }

    /// Both checksums made right again after editing the bytes.
    static func reseal(_ b: inout [UInt8]) { CacheFile.reseal(&b) }

    /// A FIFO (or another special file) at the entry's path: opening it must not wait for a writer.
    @Test func aFIFOAtTheEntryPathDoesNotHang() throws {
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-fifo")
        let path = entryPath(cacheDir, try key(sample))
        #expect(mkfifo(path, 0o600) == 0)
        let fresh = try SnapshotLoader.load(directory: sample).get()
        let c = SharedSnapshotCache(directory: cacheDir)
        let ok = finishes(within: 10) { _ = c.load(export: sample) { .success(fresh) } }
        if !ok {
            Issue.record("the viewer waits on the FIFO")
            let w = open(path, O_WRONLY | O_NONBLOCK)   // let the stuck reader go
            if w >= 0 { close(w) }
            return
        }
        #expect(c.takeNotes().contains { $0.contains("not a regular file") })
    }

    /// The control: an entry resealed without a change is read, so the crafted ones below are
    /// refused for what was changed, not for a checksum.
    @Test func aResealedEntryIsRead() throws {
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-reseal")
        let k = try key(sample)
        let path = entryPath(cacheDir, k)
        #expect(CacheFile.write(.loaded(try SnapshotLoader.load(directory: sample).get()), key: k, to: path) == nil)
        var b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        b[80] ^= 0xFF
        Self.reseal(&b)
        try Data(b).write(to: URL(fileURLWithPath: path))
        guard case .success(.loaded) = CacheFile.read(path, key: k) else { Issue.record("not read"); return }
    }

    /// Section lengths whose sum overflows: not read (it used to trap in the bounds check).
    @Test func aHeaderWithOverflowingLengthsIsCorrupt() throws {
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-header")
        let k = try key(sample)
        let path = entryPath(cacheDir, k)
        #expect(CacheFile.write(.loaded(try SnapshotLoader.load(directory: sample).get()), key: k, to: path) == nil)
        var b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        Self.putU64(Int.max - 64, at: 56, in: &b)
        Self.reseal(&b)
        try Data(b).write(to: URL(fileURLWithPath: path))
        guard case .failure(.corrupt) = CacheFile.read(path, key: k) else { Issue.record("read"); return }
    }

    /// A file cut to an unaligned size, with a cell block of no cells at its end: not read (it
    /// used to fail the cells' alignment precondition).
    @Test func anUnalignedEndIsCorrupt() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        let empty = DossierCube(firstMonth: s.dossiers.firstMonth, monthCount: 0, unitCount: s.units.units.count,
                                fields: [], measures: s.dossiers.measures, supplementMonth: nil, slot: [],
                                totals: TallyCells([]), byField: TallyCells([]), byLevel: TallyCells([]))
        let crafted = rebuilt(s, history: s.history + [HistoricalProvince(units: s.units, dossiers: empty)])
        let cacheDir = Fixtures.temporaryDirectory("cdsboard-cache-unaligned")
        let k = try key(sample)
        let path = entryPath(cacheDir, k)
        #expect(CacheFile.write(.loaded(crafted), key: k, to: path) == nil)
        var b = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The end of the last cells (blocks of no cells follow it).
        let (_, blocks, total) = CacheFile.layout(.loaded(crafted), key: k)
        let last = try #require(blocks.last { $0.cells.count > 0 })
        let end = last.offset + last.cells.bytes.count
        try #require(CacheFile.align(end) - end > 3, "the last cells end \(end), the file \(total)")
        b.removeLast(b.count - (end + 3))
        let cellsAt = blocks[0].offset
        Self.putU64(b.count - cellsAt, at: 72, in: &b)
        Self.reseal(&b)
        try Data(b).write(to: URL(fileURLWithPath: path))
        guard case .failure(.corrupt) = CacheFile.read(path, key: k) else { Issue.record("read"); return }
    }

    /// Units whose parents go round in a circle: not read (any walk up the tree, such as the
    /// totals made while reading an entry with villages in those units, never ended).
    @Test func aUnitTreeWithACycleIsNotRead() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        var units = s.units.units
        let (i, j) = (s.units.communeIndexes[0], s.units.communeIndexes[1])
        units[i].parent = j
        units[j].parent = i
        let tree = UnitTree(restoring: units, districtIndexes: s.units.districtIndexes, communeIndexes: s.units.communeIndexes)
        // The kinds' values as made in the good tree (reading them back walks up the tree).
        let crafted = Snapshot(manifest: s.manifest, units: tree, targets: s.targets, dossierForm: s.dossierForm,
                               dossiers: s.dossiers, datasets: s.datasets, warnings: s.warnings, history: s.history, geometry: s.geometry)
        let outcome = Mutex<Result<LoadOutcome, CacheFile.ReadError>?>(nil)
        let ok = finishes(within: 10) { [self] in
            let r = try? readCrafted(crafted)
            outcome.withLock { $0 = r }
        }
        try #require(ok, "reading a tree with a cycle does not end")
        guard case .failure(.corrupt) = outcome.withLock({ $0 }) else { Issue.record("read"); return }
    }

    /// A child listed under a unit that is not its parent: not read.
    @Test func aChildListedUnderAnotherUnitIsNotRead() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        var units = s.units.units
        let c = s.units.communeIndexes[0]
        units[c].children = [s.units.districtIndexes[0]]
        let tree = UnitTree(restoring: units, districtIndexes: s.units.districtIndexes, communeIndexes: s.units.communeIndexes)
        guard case .failure(.corrupt) = try readCrafted(rebuilt(s, units: tree)) else { Issue.record("read"); return }
    }

    /// Sizes whose product overflows: not read (they used to trap while being checked).
    @Test func cubeSizesThatOverflowAreCorrupt() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        let d = s.dossiers
        let huge = DossierCube(firstMonth: d.firstMonth, monthCount: 1, unitCount: 1 << 62, fields: ["a", "b", "c", "d"],
                               measures: d.measures, supplementMonth: nil, slot: [0], totals: TallyCells([]),
                               byField: TallyCells([]), byLevel: TallyCells([]))
        guard case .failure(.corrupt) = try readCrafted(rebuilt(s, dossiers: huge)) else { Issue.record("cube read"); return }
        let tourism = TourismCube(firstMonth: s.tourism.firstMonth, monthCount: 1 << 32, unitCount: 1 << 32, cells: [])
        guard case .failure(.corrupt) = try readCrafted(rebuilt(s, tourism: tourism)) else { Issue.record("tourism read"); return }
    }

    /// Months and days far outside any calendar (their arithmetic would overflow): not read.
    @Test func monthsOutsideTheCalendarAreCorrupt() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        let d = s.dossiers
        let far = DossierCube(firstMonth: Month(index: Int.max - 2), monthCount: 5, unitCount: d.unitCount, fields: d.fields,
                              measures: d.measures, supplementMonth: nil, slot: [-1, -1, -1, -1, -1], totals: TallyCells([]),
                              byField: TallyCells([]), byLevel: TallyCells([]))
        guard case .failure(.corrupt) = try readCrafted(rebuilt(s, dossiers: far)) else { Issue.record("read"); return }
    }

    /// A former province whose cube does not fit its tree: not read.
    @Test func aHistoryCubeOfAnotherTreeIsNotRead() throws {
        let s = try SnapshotLoader.load(directory: sample).get()
        var units = s.units.units
        units.removeLast()
        let lastParent = try #require(s.units.units.last?.parent)
        units[lastParent].children.removeAll { $0 == s.units.units.count - 1 }
        let smaller = UnitTree(restoring: units, districtIndexes: s.units.districtIndexes,
                               communeIndexes: s.units.communeIndexes.filter { $0 < units.count })
        let crafted = rebuilt(s, history: [HistoricalProvince(units: smaller, dossiers: s.dossiers)])
        guard case .failure(.corrupt) = try readCrafted(crafted) else { Issue.record("read"); return }
    }

    /// The default directory is inside `~/.cache`, which a new account often lacks: it is made.
    @Test func missingParentsOfTheCacheDirectoryAreMade() throws {
        let home = Fixtures.temporaryDirectory("cdsboard-cache-home")
        let dir = try #require(SharedSnapshotCache.defaultDirectory(environment: ["HOME": home]))
        let fresh = try SnapshotLoader.load(directory: sample).get()
        let (_, use) = SharedSnapshotCache(directory: dir).load(export: sample) { .success(fresh) }
        #expect(use == .wrote)
        var st = stat()
        #expect(stat(home + "/.cache", &st) == 0 && st.st_mode & 0o777 == 0o700)
    }
}
