import DashboardTestSupport
import Foundation
import Testing
@testable import DashboardCore
@testable import SnapshotKit

/// Issue 26's test of the open data side: a kind of data, its indicator and its panel are
/// declared in this file alone, and the figures are read with `file:line:column` errors,
/// cached and read back, drawn by the panel, ranked on the wall, judged against a target in
/// `targets.json` (and listed among the units furthest behind), and reported — with no other
/// source file naming them.
@Suite struct NewKindEndToEndTests {
    /// Civil servants trained in digital skills, per month and district.
    enum TrainingDataset: CachedAsAggregated {
        static let id = DatasetID("test.training")
        static let fileName = "training.csv"
        static let columns = ["month", "district_code", "staff", "trained"]
        static let presence = Presence.optional(warning: nil)
        static let codecVersion = 1
        static let indicators = [Indicator(share, .share, better: .higher, nature: .flow)]
        static let share = "test.training.trained_share"

        static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [TrainingCell] {
            var out: [TrainingCell] = []
            table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
                let month = try row.month(0, in: ctx.window)
                let d = try AssetParsers.district(row, 1, ctx.units)
                let staff = try row.count(2, "staff"), trained = try row.count(3, "trained")
                if trained > staff { throw row.fail(3, "trained \(trained) is more than staff \(staff)") }
                out.append(TrainingCell(unit: d, month: month.index, staff: staff, trained: trained))
            }
            return out
        }

        /// Each district's rows, and the province's sums, by month.
        static func aggregate(_ rows: [TrainingCell], units: UnitTree) -> TrainingCells {
            var sums: [TrainingCell] = []
            for r in rows {
                for u in [0, r.unit] {
                    if let i = sums.firstIndex(where: { $0.unit == u && $0.month == r.month }) {
                        sums[i].staff += r.staff; sums[i].trained += r.trained
                    } else {
                        sums.append(TrainingCell(unit: u, month: r.month, staff: r.staff, trained: r.trained))
                    }
                }
            }
            return TrainingCells(cells: sums.sorted { ($0.unit, $0.month) < ($1.unit, $1.month) })
        }

        static func fits(_ value: TrainingCells, _ units: UnitTree) -> Bool { value.cells.allSatisfy { $0.unit < units.units.count } }
    }

    struct TrainingCell: Equatable, Sendable {
        var unit: Int, month: Int, staff: Int, trained: Int
    }

    struct TrainingCells: Equatable, Sendable, CacheCodable {
        var cells: [TrainingCell]
        init(cells: [TrainingCell]) { self.cells = cells }
        func write(to w: inout CacheWriter) {
            w.put(cells.count)
            for c in cells { w.put(c.unit); w.put(c.month); w.put(c.staff); w.put(c.trained) }
        }
        init(from r: inout CacheReader) throws(CacheReader.Malformed) {
            let n = try r.count(minimumBytes: 32)
            cells = []
            for _ in 0..<n { cells.append(TrainingCell(unit: try r.get(), month: try r.get(), staff: try r.get(), trained: try r.get())) }
        }

        /// The share trained of a unit over a span; nil when no month of it has figures.
        func share(unit: Int, span: Span) -> Double? {
            let held = cells.filter { $0.unit == unit && (span.first...max(span.first, span.last)).contains($0.month) }
            let staff = held.reduce(0) { $0 + $1.staff }
            return held.isEmpty || staff == 0 ? nil : Double(held.reduce(0) { $0 + $1.trained }) / Double(staff)
        }
    }

    static func share(_ r: UnitFigures) -> Double? {
        r.snapshot.datasets[TrainingDataset.self]?.share(unit: r.unit.index, span: r.span)
    }

    static let column = UnitColumn(id: "trained", title: { _ in "Trained" }, minWidth: 8, priority: 1, lowerIsWorse: true,
                                   value: { share($0) }, text: { r, f in f.percent(share(r)) })

    static let panel = Panel(
        id: "test-training", title: { _ in "Digital skills" }, indicators: [TrainingDataset.share],
        isShown: { $0.datasets[TrainingDataset.self] != nil },
        compact: { ctx, lines, c in
            guard let y = lines.take() else { return }
            c.write("trained \(ctx.format.percent(share(ctx.figures)))", x: lines.inner.x, y: y, role: .text)
        },
        expanded: { ctx, children, _ in
            ListTable(title: "Digital skills", columns: [.unitName(ctx.strings), .figure("Trained", 8)],
                      rows: children.map { [$0.unit.name, ctx.format.percent(share($0))] })
        },
        tile: { ctx, _ in
            KioskTile(label: "Trained", big: ctx.format.percent(share(ctx.figures)), value: share(ctx.figures),
                      indicator: TrainingDataset.share)
        },
        tableColumns: [column],
        reportColumns: [ReportColumn(key: "trained_share", title: { _ in "Trained" }, text: { r, f in f.percent(share(r)) },
                                     raw: { ReportColumn.rawShare(share($0)) })],
        judged: [JudgedColumn(indicator: TrainingDataset.share, column: "trained")])

    static var options: SnapshotBuilder.Options {
        var o = SnapshotBuilder.Options()
        o.datasets = DatasetRegistry(kinds: DatasetRegistry.standard.kinds + [TrainingDataset.self])
        return o
    }

    /// The bundled sample with training.csv (each district's share its position in the list:
    /// 10%, 20%, …) for the sample's last month, and a target of 50% (at risk from 30%).
    static func export(extraRows: String = "") throws -> (dir: String, codes: [String]) {
        let dir = Fixtures.copyOfSample()
        let snap = SampleState.snapshot
        let month = snap.latestMonth
        let codes = snap.units.districts.map(\.code)
        var csv = "month,district_code,staff,trained\n"
        for (i, code) in codes.enumerated() { csv += "\(month),\(code),100,\((i + 1) * 10 % 100)\n" }
        try (csv + extraRows).write(toFile: dir + "/training.csv", atomically: true, encoding: .utf8)
        var targets = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/targets.json"))) as? [String: Any])
        var list = try #require(targets["targets"] as? [[String: Any]])
        list.append(["indicator": TrainingDataset.share, "target": 0.5, "at_risk": 0.3])
        targets["targets"] = list
        try JSONSerialization.data(withJSONObject: targets).write(to: URL(fileURLWithPath: dir + "/targets.json"))
        Fixtures.relist(dir)
        return (dir, codes)
    }

    func state(_ snapshot: Snapshot, size: Size = Size(width: 200, height: 60)) -> AppState {
        var s = AppState()
        s.panels = PanelRegistry(PanelRegistry.standard.all + [Self.panel])
        s.size = size
        s.now = SampleState.now
        _ = update(&s, .snapshotLoaded(snapshot))
        return s
    }

    @Test func itsRowsAreRefusedAtTheirFileLineAndColumn() throws {
        let (dir, _) = try Self.export(extraRows: "2024-06,999,10,1\n2024-06,030,10,11\n")
        guard case .failure(let f) = SnapshotLoader.load(directory: dir, options: Self.options) else { Issue.record("loaded"); return }
        let lines = f.errors.map(\.description)
        let n = Fixtures.read(dir + "/training.csv").split(separator: "\n").count
        #expect(lines.contains { $0.hasPrefix("training.csv:\(n - 1):2: unknown district_code \"999\"") }, "\(lines)")
        #expect(lines.contains("training.csv:\(n):4: trained 11 is more than staff 10"), "\(lines)")
    }

    @Test func itIsCachedReadBackDrawnRankedJudgedAndReported() throws {
        let (dir, codes) = try Self.export()
        usleep(100_000)   // older than the cache's freshness limit
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-new-kind"))
        let (loaded, wrote) = cache.load(export: dir, options: Self.options) { SnapshotLoader.load(directory: dir, options: Self.options) }
        let (again, read) = cache.load(export: dir, options: Self.options) { Issue.record("loaded again"); return loaded }
        #expect(wrote == .wrote && read == .read)
        let snap = try again.get()
        #expect(snap == (try loaded.get()))
        let province = try #require(snap.datasets[TrainingDataset.self]?.share(unit: 0, span: Span(.month(snap.latestMonth), dataEnd: snap.manifest.periodEnd)))
        let expected = Double(codes.indices.map { ($0 + 1) * 10 % 100 }.reduce(0, +)) / Double(100 * codes.count)
        #expect(abs(province - expected) < 1e-9)

        // Drawn: the panel is laid out beside the five and shows the province's share.
        var s = state(snap)
        s.periodKind = .month
        let screen = render(s).textDump()
        #expect(screen.contains("Digital skills"))
        #expect(screen.contains("trained " + s.format.percent(province)))

        // Ranked on the wall, best first, each judged against the 50% target.
        let ranking = try #require(RankingView.ranking(s, only: Self.panel))
        #expect(ranking.target == 0.5 && ranking.isShare)
        let values = ranking.entries.compactMap(\.value)
        #expect(values.count == codes.count && values == values.sorted(by: >))
        #expect(ranking.entries.first?.status == .onTrack)
        #expect(ranking.entries.last?.status == .behind)
        #expect(ranking.entries.contains { $0.status == .atRisk })

        // Judged: the districts short of 50% are among the furthest behind, worst first.
        let gaps = InsightsView.gaps(s, TableModel.rows(s)).filter { $0.label == "Trained" }
        #expect(gaps.count == values.filter { $0 < 0.5 }.count)
        #expect(gaps.first?.value == values.min())

        // Reported: its column, with the figure as a raw share.
        let r = Report(snapshot: snap, period: s.period!, language: .en, panels: s.panels)
        #expect(r.columns.map(\.key).contains("trained_share"))
        let csv = r.rendered(as: .csv)
        #expect(csv.split(separator: "\n")[0].contains(",trained_share,"))
        #expect(csv.contains(ReportColumn.rawShare(province)))
    }
}
