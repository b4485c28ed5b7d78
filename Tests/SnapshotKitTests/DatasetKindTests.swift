import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// A kind of data registered from this file alone (issue 26): no source file of SnapshotKit
/// names it, yet it is read with `file:line:column` errors, kept in the snapshot, compared,
/// cached and read back. (A panel, a ranking and a target over it wait for indicators as data.)
@Suite struct DatasetKindTests {
    /// Tasks assigned by the committee and done on time, per month × district (issue 28's
    /// "nhiệm vụ", as a test's kind).
    enum TasksDataset: CachedAsAggregated {
        static let id = DatasetID("test.tasks")
        static let fileName = "test_tasks.csv"
        static let columns = ["month", "district_code", "assigned", "done_on_time"]
        static let presence = Presence.optional(warning: "not present: no tasks")
        static let codecVersion = 1
        /// Tasks late, of those assigned: lower is better.
        static let indicators = [Indicator("test.tasks.late_share", .share, better: .lower, nature: .flow)]

        static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Int, Int, Int)] {
            var out: [(Int, Int, Int)] = []
            table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
                _ = try row.month(0, in: ctx.window)
                let d = try AssetParsers.district(row, 1, ctx.units)
                let assigned = try row.count(2, "assigned"), done = try row.count(3, "done_on_time")
                if done > assigned { throw row.fail(3, "done_on_time \(done) is more than assigned \(assigned)") }
                out.append((d, assigned, done))
            }
            return out
        }

        static func aggregate(_ rows: [(Int, Int, Int)], units: UnitTree) -> TaskTotals {
            var t = TaskTotals(assigned: Array(repeating: 0, count: units.units.count), done: Array(repeating: 0, count: units.units.count))
            for (d, a, done) in rows {
                for u in [0, d] { t.assigned[u] += a; t.done[u] += done }
            }
            return t
        }

        static func fits(_ value: TaskTotals, _ units: UnitTree) -> Bool { value.assigned.count == units.units.count }
    }

    /// Per unit (the province and its districts): tasks assigned and done on time.
    struct TaskTotals: Equatable, Sendable, CacheCodable {
        var assigned: [Int]
        var done: [Int]
        init(assigned: [Int], done: [Int]) { self.assigned = assigned; self.done = done }
        func write(to w: inout CacheWriter) {
            w.put(assigned.count)
            for (a, d) in zip(assigned, done) { w.put(a); w.put(d) }
        }
        init(from r: inout CacheReader) throws(CacheReader.Malformed) {
            let n = try r.count(minimumBytes: 16)
            assigned = []; done = []
            for _ in 0..<n { assigned.append(try r.get()); done.append(try r.get()) }
        }
    }

    var options: SnapshotBuilder.Options {
        var o = SnapshotBuilder.Options()
        o.datasets = DatasetRegistry(kinds: DatasetRegistry.standard.kinds + [TasksDataset.self])
        return o
    }

    /// Hà Giang's sample with `tasks` as test_tasks.csv (tasks.csv is now the standard kind of
    /// issue 28), not in the manifest's list: the export's own kinds stay verified.
    func export(tasks: String?) throws -> String {
        let dir = Fixtures.temporaryDirectory("cdsboard-kind")
        let sample = Fixtures.repositoryRoot() + "/SampleData/ha-giang"
        for name in try FileManager.default.contentsOfDirectory(atPath: sample) {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: dir + "/" + name)
        }
        if let tasks { try tasks.write(toFile: dir + "/test_tasks.csv", atomically: true, encoding: .utf8) }
        return dir
    }

    let good = "month,district_code,assigned,done_on_time\n2024-05,030,12,9\n2024-06,030,8,8\n2024-06,031,5,1\n"

    @Test func aKindOfTheTestsIsReadAndKeptBesideTheOthers() throws {
        let s = try SnapshotLoader.load(directory: try export(tasks: good), options: options).get()
        let t = try #require(s.datasets[TasksDataset.self])
        let vx = try #require(s.units.district(numericCode: 30)), bq = try #require(s.units.district(numericCode: 31))
        #expect(t.assigned[0] == 25 && t.done[0] == 18)
        #expect(t.assigned[vx] == 20 && t.done[vx] == 17 && t.assigned[bq] == 5 && t.done[bq] == 1)
        // The standard kinds are read as before.
        let standard = try SnapshotLoader.load(directory: try export(tasks: good)).get()
        #expect(standard.datasets[TasksDataset.self] == nil)
        #expect(standard.society == s.society && standard.tourism == s.tourism)
        // Equality sees the new kind's values.
        let other = try SnapshotLoader.load(directory: try export(tasks: good.replacingOccurrences(of: ",5,1", with: ",5,2")),
                                            options: options).get()
        #expect(other != s)
    }

    @Test func itsRowsAreRefusedAtTheirFileLineAndColumn() throws {
        let bad = good + "2024-06,999,1,0\n2024-06,030,3,4\n"
        guard case .failure(let f) = SnapshotLoader.load(directory: try export(tasks: bad), options: options) else {
            Issue.record("an export with bad tasks loaded"); return
        }
        let lines = f.errors.map(\.description)
        #expect(lines.contains { $0.hasPrefix("test_tasks.csv:5:2: unknown district_code \"999\"") }, "\(lines)")
        #expect(lines.contains { $0 == "test_tasks.csv:6:4: done_on_time 4 is more than assigned 3" }, "\(lines)")
    }

    /// Its indicator is known to targets.json, judged the way it says is better (lower), and
    /// listed among the snapshot's indicators.
    @Test func targetsMayNameItsIndicatorAndLowerIsBetter() throws {
        let dir = try export(tasks: good)
        // The sample's manifest lists its targets.json with its digest: this test writes its own.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/manifest.json")))
        var fields = try #require(manifest as? [String: Any])
        fields["files"] = nil
        try JSONSerialization.data(withJSONObject: fields).write(to: URL(fileURLWithPath: dir + "/manifest.json"))
        try #"{"targets": [{"indicator": "test.tasks.late_share", "target": 0.1, "at_risk": 0.2}]}"#
            .write(toFile: dir + "/targets.json", atomically: true, encoding: .utf8)
        let s = try SnapshotLoader.load(directory: dir, options: options).get()
        #expect(s.indicators["test.tasks.late_share"]?.better == .lower)
        #expect(s.targets.status(of: "test.tasks.late_share", value: 0.05) == .onTrack)
        #expect(s.targets.status(of: "test.tasks.late_share", value: 0.1) == .onTrack)
        #expect(s.targets.status(of: "test.tasks.late_share", value: 0.15) == .atRisk)
        #expect(s.targets.status(of: "test.tasks.late_share", value: 0.3) == .behind)
        // An at_risk better than the target is refused, saying which way is better.
        try #"{"targets": [{"indicator": "test.tasks.late_share", "target": 0.1, "at_risk": 0.05}]}"#
            .write(toFile: dir + "/targets.json", atomically: true, encoding: .utf8)
        guard case .failure(let f) = SnapshotLoader.load(directory: dir, options: options) else { Issue.record("loaded"); return }
        #expect(f.errors.map(\.description) == ["targets.json:1:79: target test.tasks.late_share: at_risk (0.05) is below target (0.1) "
                                                + "(lower is better for test.tasks.late_share)"])
        // Without the kind, the indicator is unknown.
        guard case .failure(let g) = SnapshotLoader.load(directory: dir) else { Issue.record("loaded"); return }
        #expect(g.errors.first?.message.contains("unknown indicator \"test.tasks.late_share\"") == true)
    }

    @Test func anOptionalKindMissingIsItsWarning() throws {
        let s = try SnapshotLoader.load(directory: try export(tasks: nil), options: options).get()
        #expect(s.datasets[TasksDataset.self] == nil)
        #expect(s.warnings.contains { $0.file == "test_tasks.csv" && $0.message == "not present: no tasks" })
    }

    @Test func itIsCachedAndReadBackAndAnEntryOfOtherKindsIsAnotherEntry() throws {
        let dir = try export(tasks: good)
        usleep(100_000)   // older than the cache's freshness limit
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-kind-cache"))
        let (first, wrote) = cache.load(export: dir, options: options) { SnapshotLoader.load(directory: dir, options: options) }
        #expect(wrote == .wrote)
        let (again, read) = cache.load(export: dir, options: options) { Issue.record("loaded again"); return first }
        #expect(read == .read)
        let a = try first.get(), b = try again.get()
        #expect(a == b && b.datasets[TasksDataset.self] == a.datasets[TasksDataset.self])
        // Without the kind, the same export is another entry (its values would not be read).
        let (plain, use) = cache.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(use == .wrote)
        #expect(try plain.get().datasets[TasksDataset.self] == nil)
    }
}
