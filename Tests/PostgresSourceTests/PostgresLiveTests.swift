import DashboardTestSupport
import Foundation
import PostgresSource
import SnapshotKit
import Testing

/// The database followed live, as the run loop drives a `LiveSnapshotProvider`: a new version
/// by `NOTIFY` within a second of its commit, the server stopped (a refusal naming it, the
/// last good figures kept), restarted (recovered without anything done), a storm of
/// notifications (one load).
@Suite(.serialized) struct PostgresLiveTests {
    /// Hà Giang with the first 300 rows of its statistics, BTS sites, villages and society (a
    /// small load: the latency measured is the notification's and the provider's, not the
    /// parsing of 40,000 rows in a debug build); `more` visitors in Hà Giang city in January 2022.
    static func smallSample(more: Int = 0) -> String {
        let dir = Fixtures.copyOfSample()
        for name in ["dossier_stats.csv", "bts.csv", "villages.csv", "society.csv"] {
            let rows = Fixtures.read(dir + "/" + name).split(separator: "\n", omittingEmptySubsequences: false)
            Fixtures.write(rows.prefix(301).joined(separator: "\n") + "\n", to: dir + "/" + name)
        }
        let t = Fixtures.read(dir + "/tourism.csv").replacingOccurrences(of: "2022-01,024,39521,", with: "2022-01,024,\(39521 + more),")
        Fixtures.write(t, to: dir + "/tourism.csv")
        Fixtures.relist(dir)
        return dir
    }

    static func publish(_ dir: String, _ db: TestCluster) throws -> String {
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { throw DatabaseError("\(dir) does not load") }
        return try Publisher.publish(directory: dir, manifest: s.manifest, to: ConnectionTarget(db.url), shownAs: dir).id
    }

    /// Domestic visitors of January 2022 in the province.
    static func visitors(_ e: ProviderEvent?) -> Int? {
        guard case .loaded(let s)? = e else { return nil }
        return s.tourism.total(unit: 0, period: .month(Month(year: 2022, month: 1))).domestic
    }

    @Test func aNewVersionIsSeenWithinOneSecondAndTheServerDownKeepsTheLastGoodFigures() throws {
        let db = try TestCluster()
        _ = try Self.publish(Self.smallSample(), db)
        let p = LiveSnapshotProvider(source: PostgresSnapshotSource(target: try ConnectionTarget(db.url)))
        let first = p.loadNow()
        let before = try #require(Self.visitors(first))
        p.initialLoadDone = true
        p.start()
        #expect(p.fileDescriptors.count >= 2, "the LISTEN socket joins the poll set")

        // A new version: seen within a second of the commit, with its figures.
        let id = try Self.publish(Self.smallSample(more: 1000), db)
        let committed = monotonicNow()
        let next = p.nextEvent(timeout: 10)
        let latency = monotonicNow() - committed
        let start = monotonicNow()
        _ = p.source.load(options: p.options)
        let load = monotonicNow() - start
        print("PostgresLiveTests: export \(id) seen \(String(format: "%.0f", latency * 1000)) ms after its commit "
              + "(a load alone: \(String(format: "%.0f", load * 1000)) ms)")
        #expect(Self.visitors(next) == before + 1000)
        #expect(latency < 1.0)

        // A storm of notifications: one load, then quiet; no hang.
        try db.psql("SELECT pg_notify('cdsboard_exports', g::text) FROM generate_series(1, 20000) g")
        #expect(Self.visitors(p.nextEvent(timeout: 10)) == before + 1000)
        #expect(p.nextEvent(timeout: 1) == nil)

        // The server stopped: a refusal that names the server; the provider keeps nothing else.
        try db.stop()
        let down = p.nextEvent(timeout: 10)
        guard case .refused(let f)? = down else { Issue.record("expected a refusal, got \(String(describing: down))"); return }
        #expect(f.errors.first?.file == "postgresql://postgres@/cdsboard?host=\(db.directory)")
        #expect(p.degradation?.contains("is not reachable") == true)

        // Restarted: recovered through the signal's reconnection, with the last version.
        try db.start()
        let back = p.nextEvent(timeout: 20)
        #expect(Self.visitors(back) == before + 1000)
        #expect(p.degradation == nil)
        p.stop()
    }

    /// Viewers of one version share one load through the shared cache (its key: the version's
    /// id); a new version is a new key.
    @Test func viewersOfOneVersionShareOneLoad() throws {
        let db = try TestCluster()
        _ = try Self.publish(Self.smallSample(), db)
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-pg-cache"))
        func view() -> (SharedSnapshotCache.Use, Int?) {
            let source = PostgresSnapshotSource(target: try! ConnectionTarget(db.url))
            let (result, use) = cache.load(source: source) { source.load(options: .init()) }
            return (use, Self.visitors(try? .loaded(result.get())))
        }
        let (first, a) = view()
        let (second, b) = view()
        #expect(first == .wrote && second == .read, "\(first) \(second)")
        #expect(a != nil && a == b)
        _ = try Self.publish(Self.smallSample(more: 7), db)
        let (third, c) = view()
        #expect(third == .wrote)
        #expect(c == a.map { $0 + 7 })
    }
}
