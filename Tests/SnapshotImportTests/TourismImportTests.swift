import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotImport

/// A tourism report (typed by a department, saved by LibreOffice) written into a copy of the
/// Tuyên Quang sample: that month's rows replaced by the sheet's, every other month unchanged,
/// the new version passing check; refusals write nothing.
@Suite struct TourismImportTests {
    static let file = URL(fileURLWithPath: PackageMaker.fixtures + "/du-lich-thang-10-2026.xlsx")

    static func formerDistricts() -> [UnitMatcher.Entry] {
        let data = FileManager.default.contents(atPath: Fixtures.repositoryRoot() + "/SampleData/tuyen-quang/units_before.json")!
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (json["provinces"] as! [[String: Any]]).flatMap { ($0["districts"] as! [[String: Any]]) }
            .map { UnitMatcher.Entry(code: $0["code"] as! String, name: $0["name"] as! String) }
    }

    func plan() throws -> ImportPlan {
        try ImportPlan.make(Self.file, catalogue: Self.formerDistricts(), layouts: .shipped())
    }

    @Test func theMonthsRowsAreReplacedAndTheRestKept() throws {
        let plan = try plan()
        #expect(plan.match.layout.id == "du-lich")
        #expect(plan.period == ReportPeriod(first: "2026-10", last: "2026-10"))
        #expect(plan.units.count == 18 && plan.missing.isEmpty && plan.warnings.isEmpty, "\(plan.warnings)")
        let existing = Fixtures.read(Fixtures.repositoryRoot() + "/SampleData/tuyen-quang/tourism.csv")
        let merge = try TourismWriter.merge(existing: existing, plan: plan)
        #expect(merge.replaced == 18 && merge.added == 0 && merge.removed == 0)
        let others = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("2026-10,") } }
        #expect(others(merge.text) == others(existing))
        let october = merge.text.split(separator: "\n").filter { $0.hasPrefix("2026-10,") }
        #expect(october.count == 18)
        for u in plan.units {
            let line = "2026-10,\(u.code),\(Int(u.figures["domestic_visitors"]!)),\(Int(u.figures["international_visitors"]!)),\(Int(u.figures["revenue_million_vnd"]!))"
            #expect(october.contains(Substring(line)), "\(line)")
        }
        let total = try #require(plan.total)
        #expect(plan.units.reduce(0) { $0 + $1.figures["domestic_visitors"]! } == total.figures["domestic_visitors"], "a figure typed as text (\"12.345\") counts")
    }

    @Test func aSpanOrABlankFigureIsRefused() throws {
        var p = try plan()
        p.period = ReportPeriod(first: "2026-10", last: "2026-12")
        #expect(throws: ImportError.self) { try TourismWriter.merge(existing: TourismWriter.header + "\n", plan: p) }
        var q = try plan()
        q.units[0].figures["revenue_million_vnd"] = nil
        do {
            _ = try TourismWriter.merge(existing: TourismWriter.header + "\n", plan: q)
            Issue.record("merged")
        } catch {
            #expect(error.description == "du-lich-thang-10-2026.xlsx: Du lịch!B5: khu vực Hà Giang (cũ) has no revenue_million_vnd: tourism.csv has no \"not reported\" value; fill it in or remove the row"
                    || error.description.hasSuffix("has no revenue_million_vnd: tourism.csv has no \"not reported\" value; fill it in or remove the row"))
        }
        do {
            _ = try TourismWriter.merge(existing: "month,district,visitors\n", plan: try plan())
            Issue.record("merged")
        } catch {
            #expect("\(error)".hasPrefix("tourism.csv: its header is not"))
        }
    }

    @Test func theCommandPublishesIntoASymlinkedCopyThatStillChecks() throws {
        let root = Fixtures.temporaryDirectory("cdsboard-import-tq")
        let sample = Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"
        try FileManager.default.createDirectory(atPath: root + "/v1", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: sample) {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: root + "/v1/" + name)
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/current", withDestinationPath: root + "/v1")
        let run = Fixtures.run(Fixtures.binary, ["import", Self.file.path, "--into", root + "/current"], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("du-lich-thang-10-2026.xlsx: tourism.csv 2026-10: 18 rows replaced, 0 added, 0 removed"))
        let now = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/current")
        #expect(now != root + "/v1")
        #expect(Fixtures.read(root + "/v1/tourism.csv") == Fixtures.read(sample + "/tourism.csv"), "the old version is untouched")
        #expect(Fixtures.read(root + "/current/tourism.csv") != Fixtures.read(sample + "/tourism.csv"))
        let check = Fixtures.run(Fixtures.binary, ["check", root + "/current"])
        #expect(check.status == 0, "\(check.output)")
        // A quarter given for a monthly table: refused, nothing written.
        let before = Fixtures.read(root + "/current/manifest.json")
        let refused = Fixtures.run(Fixtures.binary, ["import", Self.file.path, "--into", root + "/current", "--period", "2026-Q4"], environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("the title (Du lịch!A1) says 2026-10, the --period says 2026-10…2026-12"), "\(refused.output)")
        #expect(Fixtures.read(root + "/current/manifest.json") == before)
    }
}

/// The 766 portal's table (LibreOffice) into `index_766.csv`: the province's "5/34", the
/// communes' plain ranks counted among the rows, the agency skipped and reported.
@Suite struct Index766ImportTests {
    static let file = URL(fileURLWithPath: PackageMaker.fixtures + "/chi-so-766-thang-11-2026.xlsx")

    func plan() throws -> ImportPlan {
        let catalogue = [UnitMatcher.Entry(code: "08", name: "Tỉnh Tuyên Quang")] + UnitsAndPeriodTests.tuyenQuangUnits()
        return try ImportPlan.make(Self.file, catalogue: catalogue, layouts: .shipped())
    }

    @Test func scoresRanksAndThePeriodAreWrittenAsThePortalPublishes() throws {
        let plan = try plan()
        #expect(plan.match.layout.id == "chi-so-766")
        #expect(plan.units.count == 31)
        #expect(plan.skipped.map(\.text) == ["Sở Tư pháp"])
        let old = Index766Writer.header + "\n2026-10,08,15,18,10,8,20,15,86,4,34\n2026-11,00691,1,1,1,1,1,1,6,9,9\n"
        let merge = try Index766Writer.merge(existing: old, plan: plan, provinceCode: "08")
        #expect(merge.period == "2026-11")
        #expect(merge.replaced == 1 && merge.added == 30 && merge.removed == 0)
        #expect(merge.rankedFromRows == 30)
        let lines = merge.text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "2026-10,08,15,18,10,8,20,15,86,4,34", "another period is kept")
        let province = try #require(lines.first { $0.hasPrefix("2026-11,08,") })
        #expect(province.hasSuffix(",5,34"))
        let ranks = lines.filter { $0.hasPrefix("2026-11,0") && !$0.hasPrefix("2026-11,08,") }.map { Int($0.split(separator: ",")[9])! }
        #expect(ranks.sorted() == Array(1...30))
        for u in plan.units {
            let sum = ["transparency", "progress", "online_service", "online_payment", "digitisation", "satisfaction"].reduce(0.0) { $0 + u.figures[$1]! }
            #expect(abs(sum - u.figures["total"]!) < 0.02, "\(u.written): scores typed as \"15,25\" are read as numbers")
        }
    }

    @Test func theProvinceIsFoundWithOrWithoutTinh() {
        let m = UnitMatcher(units: [UnitMatcher.Entry(code: "08", name: "Tỉnh Tuyên Quang")] + UnitsAndPeriodTests.tuyenQuangUnits())
        for name in ["Tuyên Quang", "TỈNH TUYÊN QUANG", "UBND tỉnh Tuyên Quang"] {
            #expect(m.match(name: name) == .matched(UnitMatcher.Entry(code: "08", name: "Tỉnh Tuyên Quang"), exact: false), "\(name)")
        }
    }

    @Test func periodsThePortalDoesNotPublishAreRefused() throws {
        #expect(Index766Writer.portalPeriod(ReportPeriod(first: "2026-10", last: "2026-12")) == "2026-Q4")
        #expect(Index766Writer.portalPeriod(ReportPeriod(first: "2026-01", last: "2026-12")) == "2026")
        #expect(Index766Writer.portalPeriod(ReportPeriod(first: "2026-09", last: "2026-11")) == nil)
        var p = try plan()
        p.period = ReportPeriod(first: "2026-09", last: "2026-11")
        #expect(throws: ImportError.self) { try Index766Writer.merge(existing: nil, plan: p, provinceCode: "08") }
    }
}
