import DashboardTestSupport
import Foundation
@testable import SnapshotKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 25, "when something does trap": a viewer that crashed while loading an export does
/// not load it again at its next start. A crash is simulated as the crash guard leaves it: a
/// load's mark with the signal written into it, whose lock went with the process.
@Suite struct ExportQuarantineTests {
    let export = Fixtures.copyOfSample()
    let options = SnapshotBuilder.Options()

    func quarantine(_ dir: String) throws -> ExportQuarantine {
        try #require(ExportQuarantine(directory: dir) { "crashed on it (signal \($0))" })
    }

    /// What a process that faulted during the load leaves: its mark, the signal in it, no lock.
    func crashedLoad(_ q: ExportQuarantine, signal: Int32? = 4) throws {
        let key = try #require(SharedSnapshotCache.key(export: export, options: options))
        let mark = try #require(LoadMark(quarantine: q, export: export, fingerprint: SHA256.hexDigits(key)))
        if let signal { _ = "signal \(signal)\n".withCString { write(mark.fd, $0, strlen($0)) } }
        close(mark.fd)   // the process is gone: so is its lock; the mark stays
    }

    func names(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    @Test func anExportThatCrashedALoadIsRefusedWithoutLoading() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        try crashedLoad(try quarantine(dir))
        var loaded = false
        let result = try quarantine(dir).guarding(export: export, options: options) { loaded = true; return SnapshotLoader.load(directory: export) }
        #expect(!loaded)
        guard case .failure(let f) = result else { Issue.record("loaded"); return }
        #expect(f.first.message == "crashed on it (signal 4)")
        #expect(f.first.file == (export as NSString).lastPathComponent)
        #expect(try quarantine(dir).isPoisoned(export: export))
    }

    @Test func aLoadStillUnderWayInAnotherViewerIsNoPoison() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        let other = try quarantine(dir)
        let key = try #require(SharedSnapshotCache.key(export: export, options: options))
        let mark = try #require(LoadMark(quarantine: other, export: export, fingerprint: SHA256.hexDigits(key)))
        defer { mark.finish() }
        _ = "signal 4\n".withCString { write(mark.fd, $0, strlen($0)) }
        var loaded = false
        _ = try quarantine(dir).guarding(export: export, options: options) { loaded = true; return SnapshotLoader.load(directory: export) }
        #expect(loaded, "a live viewer's mark (its lock held) was taken for a crash")
    }

    @Test func aViewerStoppedFromOutsideMidLoadLeavesNoPoison() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        try crashedLoad(try quarantine(dir), signal: nil)
        var loaded = false
        _ = try quarantine(dir).guarding(export: export, options: options) { loaded = true; return SnapshotLoader.load(directory: export) }
        #expect(loaded)
        #expect(!names(dir).contains { $0.hasPrefix("load-") || $0.hasPrefix("poison-") }, "\(names(dir))")
    }

    @Test func aNewExportClearsThePoison() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        try crashedLoad(try quarantine(dir))
        Fixtures.write("new\n", to: export + "/notes.txt")
        var loaded = false
        let q = try quarantine(dir)
        _ = q.guarding(export: export, options: options) { loaded = true; return SnapshotLoader.load(directory: export) }
        #expect(loaded)
        #expect(!q.isPoisoned(export: export))
    }

    @Test func aLoadIsMarkedWhileItRunsAndTheMarkGoesAfter() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        let q = try quarantine(dir)
        let told = Told()
        q.onLoading = { what, fd in told.add(what, fd) }
        var during: [String] = []
        let result = q.guarding(export: export, options: options) {
            during = names(dir)
            return SnapshotLoader.load(directory: export)
        }
        guard case .success = result else { Issue.record("refused"); return }
        let mark = try #require(during.first { $0.hasPrefix("load-") })
        #expect(!names(dir).contains(mark))
        #expect(told.calls.count == 2 && told.calls[0].0 == export && told.calls[0].1 >= 0 && told.calls[1].0 == nil)
        // A good load is remembered, for its figures while a later export is refused.
        #expect(q.lastGood(export: export) == SharedSnapshotCache.key(export: export, options: options))
    }

    @Test func theProviderKeepsTheLastGoodFiguresOfAPoisonedExport() throws {
        let dir = Fixtures.temporaryDirectory("quarantine")
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("quarantine-cache"))
        let good = LiveSnapshotProvider(directory: export, useInotify: false, cache: cache)
        good.quarantine = try quarantine(dir)
        // Old enough files for the cache to share them (see SharedSnapshotCache.freshness).
        usleep(100_000)
        guard case .loaded(let first) = good.loadNow() else { Issue.record("the sample was refused"); return }

        Fixtures.write("new\n", to: export + "/notes.txt")
        try crashedLoad(try quarantine(dir))
        let next = LiveSnapshotProvider(directory: export, useInotify: false, cache: cache)
        next.quarantine = try quarantine(dir)
        guard case .refused(let f) = next.loadNow() else { Issue.record("a poisoned export was loaded"); return }
        #expect(f.first.message == "crashed on it (signal 4)")
        let kept = try #require(next.lastGoodSnapshot(), "the last good figures are gone")
        #expect(kept.units.units.count == first.units.units.count)
        #expect(kept.dossiers.lastMonth == first.dossiers.lastMonth)
    }
}

/// What `onLoading` was told, from the loading thread.
final class Told: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls: [(String?, Int32)] = []
    func add(_ what: String?, _ fd: Int32) { lock.lock(); calls.append((what, fd)); lock.unlock() }
}
