import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

@Suite struct AggregationTests {
    func load(_ dir: String) throws -> Snapshot {
        switch SnapshotLoader.load(directory: dir) {
        case .success(let s): return s
        case .failure(let f): throw f
        }
    }

    @Test func dossierFiguresMatchHandComputedValues() throws {
        let s = try load(TinySnapshot.write())
        let q2 = Period.quarter(year: 2024, quarter: 2)
        let province = s.dossiers.total(unit: 0, period: q2)
        // D1..D4 were received in Q2/2024.
        #expect(province.received == 4)
        #expect(province.online == 3)          // D1, D3, D4
        #expect(province.resolved == 2)        // D1, D2
        #expect(province.resolvedOnTime == 1)  // D1 (D2 resolved after its due date)
        #expect(province.pending == 2)         // D3, D4
        #expect(province.pendingOverdue == 1)  // D3: due 2024-05-20 < period end; D4 due after
        #expect(province.onlineShare == 0.75)
        #expect(province.onTimeShare == 0.5)
        let dongVan = s.units.unit(code: "026")!.index
        let luengCu = s.units.unit(code: "00715")!.index
        #expect(s.dossiers.total(unit: dongVan, period: q2).received == 3)
        #expect(s.dossiers.total(unit: luengCu, period: q2).received == 2)
        // A district-level dossier counts in its district but in no commune.
        #expect(s.dossiers.total(unit: s.units.unit(code: "00712")!.index, period: q2).received == 0)
        let fields = s.dossiers.byField(unit: 0, period: q2).map(\.field)
        #expect(fields == ["Chứng thực", "Hộ tịch", "Đất đai"])
        let levels = s.dossiers.byLevel(unit: 0, period: q2)
        #expect(levels[.commune]?.received == 3)
        #expect(levels[.district]?.received == 1)
        // Previous quarter and same quarter a year earlier.
        #expect(s.dossiers.total(unit: 0, period: q2.previous).received == 1)
        #expect(s.dossiers.total(unit: 0, period: q2.sameLastYear).withdrawn == 1)
        #expect(s.dossierForm == .rows)
    }

    @Test func assetFiguresMatchHandComputedValues() throws {
        let s = try load(TinySnapshot.write())
        let p = s.bts[0]
        #expect(p.sites == 4)
        #expect(p.active == 3)
        #expect(p.byTech == [1, 1, 3, 1])
        #expect(p.byOperator == ["Viettel": 1, "VNPT": 1, "MobiFone": 1])
        let v = s.villageTotals[0]
        #expect(v.villages == 4)
        #expect(v.covered == 3)
        #expect(v.coverageShare == 0.75)
        #expect(v.byMobile == [1, 0, 1, 2, 0])
        #expect(v.households == 500)
        #expect(v.poorHouseholds == 112)
        #expect(s.villageTotals[s.units.unit(code: "030")!.index].coverageShare == 1)
        let o = s.ocop[0]
        #expect(o.products == 3)
        #expect(o.listed == 2)
        #expect(o.byStars == [1, 1, 1])
        #expect(o.byPlatform == ["Postmart": 1, "Shopee": 1, "Voso": 1])
        let q2 = Period.quarter(year: 2024, quarter: 2)
        let t = s.tourism.total(unit: 0, period: q2)
        #expect(t.domestic == 3500)
        #expect(t.international == 300)
        #expect(t.revenueMillionVND == 15000)
        #expect(s.tourism.total(unit: s.units.unit(code: "026")!.index, period: q2.sameLastYear).visitors == 880)
    }

    @Test func personalDataColumnsAreDroppedAtParseTime() throws {
        let s = try load(TinySnapshot.write())
        let dump = String(describing: s)
        for secret in ["Nguyễn Văn A", "001234567890", "0912345678", "Vàng Thị B", "applicant"] {
            #expect(!dump.contains(secret), "personal data \(secret) reached the snapshot")
        }
    }

    @Test func rawRowsAndTheirStatisticsGiveIdenticalSnapshots() throws {
        // The generator's raw rows, aggregated; then the statistics made from them, aggregated.
        let units = Fixtures.read(Fixtures.sampleDirectory + "/units.json")
        let rowsDir = Fixtures.temporaryDirectory("cdsboard-rows")
        var g = SampleGenerator(unitsJSON: Data(units.utf8))
        g.form = .rows
        g.dossierRows = 4_000
        try g.write(to: rowsDir)
        let fromRows = try load(rowsDir)

        let statsDir = Fixtures.temporaryDirectory("cdsboard-stats")
        g.form = .stats
        try g.write(to: statsDir)
        let fromStats = try load(statsDir)
        #expect(fromRows.dossierForm == .rows)
        #expect(fromStats.dossierForm == .stats)
        // Compared as booleans: a failing #expect would otherwise print both snapshots whole.
        // Rows tell who awaits a supplement at the data's end only; statistics for every month.
        var rowsCube = fromRows.dossiers
        #expect(rowsCube.supplementMonth == fromRows.manifest.periodEnd.month && fromStats.dossiers.supplementMonth == nil)
        rowsCube.supplementMonth = nil
        let sameDossiers = rowsCube == fromStats.dossiers
        #expect(sameDossiers)
        #expect(fromRows.dossiers.total(unit: 0, period: .year(2023)).received > 0)
        let sameRest = fromRows.units == fromStats.units && fromRows.btsSites == fromStats.btsSites
            && fromRows.villages == fromStats.villages && fromRows.tourism == fromStats.tourism
        #expect(sameRest)
    }
}
