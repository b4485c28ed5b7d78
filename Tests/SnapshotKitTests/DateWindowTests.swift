import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// Dates and months far from the data (a typo such as `2204-06` or `9999-12`, a `period_end` in
/// year 0000) are refused at their `file:line`, nothing traps on them, and what the cube takes
/// follows the rows, not the date range.
@Suite struct DateWindowTests {
    func errors(_ overrides: [String: String?]) -> [String] {
        guard case .failure(let f) = SnapshotLoader.load(directory: TinySnapshot.write(overrides)) else { return [] }
        return f.errors.map(\.description)
    }

    static let stats = BadInput.stats

    @Test func aPeriodEndInYearZeroIsRefused() {
        let e = errors(["manifest.json": TinySnapshot.manifest.replacingOccurrences(of: "2024-06-30", with: "0000-12-31")])
        #expect(e == ["manifest.json: period_end 0000-12-31 is outside the accepted months 1990-01 … 2199-12 (a typo?)"])
    }

    @Test func farMonthsAndDatesAreErrorsAtTheirLine() {
        let far = Self.stats + "\n9999-12,026,,province,Y tế,online,1,1,1,0,0,0,0\n2204-06,026,,province,Y tế,online,1,1,1,0,0,0,0"
        #expect(errors(["dossiers.csv": nil, "dossier_stats.csv": far]) == [
            "dossier_stats.csv:3:1: month 9999-12 is outside the accepted months 1990-01 … 2025-06 (a typo?)",
            "dossier_stats.csv:4:1: month 2204-06 is outside the accepted months 1990-01 … 2025-06 (a typo?)",
        ])
        let raw = TinySnapshot.dossiers.replacingOccurrences(of: "2024-06-25,2024-07-10", with: "1989-06-25,2024-07-10")
        #expect(errors(["dossiers.csv": raw]) == [
            "dossiers.csv:5:7: received_date 1989-06-25 is outside the accepted months 1990-01 … 2025-06 (a typo?)",
        ])
        let tourism = TinySnapshot.tourism + "\n0000-01,030,1,1,1"
        #expect(errors(["tourism.csv": tourism]) == [
            "tourism.csv:6:1: month 0000-01 is outside the accepted months 1990-01 … 2025-06 (a typo?)",
        ])
    }

    @Test func theWindowIsABuilderOption() throws {
        var b = SnapshotBuilder(options: { var o = SnapshotBuilder.Options(); o.earliest = Month(year: 2024, month: 1); return o }())
        b.setManifest(json: Data(TinySnapshot.manifest.utf8))
        b.setUnits(json: Data(TinySnapshot.units.utf8))
        var t = try TextTable(.tourism, header: TableKind.tourism.columns, rows: [TextRow(["2023-04", "026", "1", "1", "1"], line: 2)])
        b.addTourism(&t)
        #expect(b.issues.errors.map(\.description) == [
            "tourism.csv:2:1: month 2023-04 is outside the accepted months 2024-01 … 2025-06 (a typo?)",
        ])
    }

    @Test func monthsBeforeYearZeroNeverTrap() {
        let m = Month(year: 0, month: 1).adding(-1)
        #expect(m.year == -1 && m.month == 12)
        #expect(m.lastDay == Day(year: -1, month: 12, day: 31))
        #expect(Month(index: -12).firstDay == Day(year: -1, month: 1, day: 1))
        #expect(Period.quarter(year: 0, quarter: 1).previous == .quarter(year: -1, quarter: 4))
        #expect(Period.year(0).previous.lastMonth.lastDay == Day(year: -1, month: 12, day: 31))
    }

    /// A row in 1990 beside data of 2024: the cube holds two months, not 35 years.
    @Test func theCubeFollowsTheRowsNotTheDateRange() throws {
        let early = Self.stats + "\n1990-01,026,,province,Y tế,online,3,3,3,0,0,0,0"
        let s = try #require(try? SnapshotLoader.load(directory: TinySnapshot.write(["dossiers.csv": nil, "dossier_stats.csv": early])).get())
        #expect(s.dossiers.monthCount == 412)
        #expect(s.dossiers.total(unit: 0, period: .month(Month(year: 1990, month: 1))).received == 3)
        #expect(s.dossiers.total(unit: 0, period: .year(2000)).received == 0)
        #expect(s.dossiers.series(unit: 0, endingAt: Month(year: 2024, month: 4), count: 3).map(\.received) == [0, 0, 10])
        var acc = DossierAccumulator()
        let field = acc.field("Y tế")
        for m in [Month(year: 1990, month: 1), Month(year: 2024, month: 4)] {
            acc.add(DossierKey(month: m, unit: 0, level: .province, field: field, channel: .online), DossierTally())
        }
        #expect(DossierCube.bytes(for: acc, units: s.units) == 2 * s.units.units.count * 5 * MemoryLayout<DossierTally>.stride)
    }

    @Test func aCubeAboveItsLimitIsRefusedNotAllocated() throws {
        var o = SnapshotBuilder.Options()
        o.maximumCubeBytes = 1000
        guard case .failure(let f) = SnapshotLoader.load(directory: TinySnapshot.write(), options: o) else {
            Issue.record("accepted"); return
        }
        #expect(f.first.description.hasPrefix("dossiers.csv: the dossier figures would take 0 MB (4 distinct fields, 6 units)"))
    }

    @Test func countsAboveABillionAreRefused() {
        let t = TinySnapshot.tourism.replacingOccurrences(of: "2024-04,030,500,0,1000", with: "2024-04,030,500,0,999999999999999999")
        #expect(errors(["tourism.csv": t]) == [
            "tourism.csv:4:5: revenue_million_vnd (999999999999999999) is implausibly large (more than 1000000000)",
        ])
    }

    /// A key holds its field in 16 bits: past 4096 distinct fields the file is refused, not
    /// miscounted.
    @Test func thousandsOfDistinctFieldsAreRefused() {
        let stats = ["month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue"]
            + (0...4096).map { "2024-04,026,,province,F\($0),online,1,1,1,0,0,0,0" }
        let e = errors(["dossiers.csv": nil, "dossier_stats.csv": stats.joined(separator: "\n")])
        #expect(e == ["dossier_stats.csv:4098:5: more than 4096 distinct fields: is this the field column?"])
    }
}
