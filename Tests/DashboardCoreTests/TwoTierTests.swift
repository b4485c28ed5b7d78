import DashboardTestSupport
import Foundation
import SnapshotKit
@testable import SampleGeneration
import Testing
@testable import DashboardCore

/// The merged two-tier sample: drill-down by former district (khu vực), the flat list, the
/// note on re-based comparisons, the historical report, and whole-screen goldens.
@Suite struct TwoTierTests {
    static let snapshot: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: Fixtures.repositoryRoot() + "/SampleData/tuyen-quang") else {
            fatalError("the tuyen-quang sample does not load")
        }
        return s
    }()

    /// 2026-11-10: five days after the export.
    /// The five panels of the screens written before the committee's score sets (issue 28)
    /// took three more places on the Tuyên Quang sample's screen.
    static let fivePanels = PanelRegistry([.dossiers, .bts, .ocop, .tourism, .society])

    static func state(size: Size = Size(width: 120, height: 40), language: Language = .vi,
                      panels: PanelRegistry = .standard) -> AppState {
        var s = AppState()
        s.panels = panels
        s.size = size
        s.language = language
        s.now = Date(timeIntervalSince1970: 1_794_290_400)
        s.showClock = false
        _ = update(&s, .snapshotLoaded(snapshot))
        return s
    }

    @Test func theProvinceListsItsFormerDistrictsAndOneKeyListsEveryCommune() {
        var s = Self.state()
        #expect(TableModel.rows(s).count == 18)
        #expect(TableModel.rows(s).allSatisfy { $0.unit.isGrouping })
        _ = SampleState.press(&s, "f")
        #expect(TableModel.rows(s).count == 124)
        _ = SampleState.press(&s, "f")
        #expect(TableModel.rows(s).count == 18)
    }

    @Test func drillDownThroughAFormerDistrictIntoACommuneAndOut() throws {
        var s = Self.state()
        let rows = TableModel.rows(s)
        let dongVan = try #require(rows.firstIndex { $0.unit.code == "026" })
        s.selectedRow = dongVan
        _ = SampleState.press(&s, "Enter")
        #expect(s.place == .district("026"))
        let communes = TableModel.rows(s)
        #expect(communes.contains { $0.unit.code == "00721" && $0.unit.straddles })
        #expect(UnitColumn.name.text(communes.first { $0.unit.code == "00721" }!, s.format) == "Xã Đồng Văn *")
        s.selectedRow = communes.firstIndex { $0.unit.code == "00721" }!
        _ = SampleState.press(&s, "Enter")
        #expect(s.place == .commune("00721"))
        _ = SampleState.press(&s, "Escape")
        #expect(s.place == .district("026"))
        #expect(TableModel.rows(s)[s.selectedRow].unit.code == "00721")
        _ = SampleState.press(&s, "Escape")
        #expect(s.place == .province)
        #expect(TableModel.rows(s)[s.selectedRow].unit.code == "026")
    }

    @Test func fromTheFlatListBackLeadsToTheProvince() {
        var s = Self.state()
        _ = SampleState.press(&s, "f Enter")
        guard case .commune(let code) = s.place else { Issue.record("not at a commune: \(s.place)"); return }
        _ = SampleState.press(&s, "Escape")
        #expect(s.place == .province)
        #expect(TableModel.rows(s).count == 124)
        #expect(TableModel.rows(s)[s.selectedRow].unit.code == code)
    }

    @Test func aThreeTierSnapshotIgnoresTheFlatKey() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "f")
        #expect(!s.flatList)
        #expect(TableModel.rows(s).count == 11)
    }

    @Test func comparisonsThatCrossTheChangeSaySo() {
        let note = "số liệu trước 01/07/2025 quy đổi theo địa bàn mới"
        var s = Self.state(size: Size(width: 200, height: 50))
        #expect(!render(s).textDump().contains(note))     // Q4/2026 against Q3/2026 and Q4/2025: all after the change
        _ = SampleState.press(&s, "[ [ [ [")              // Q4/2025 against Q4/2024
        #expect(render(s).textDump().contains(note))
        let r = Report(snapshot: Self.snapshot, period: .quarter(year: 2025, quarter: 3), unit: 0, language: .vi, now: nil,
                       staleAfter: 1e9)
        #expect(r.rendered(as: .text).contains(note))
        let later = Report(snapshot: Self.snapshot, period: .quarter(year: 2026, quarter: 3), unit: 0, language: .vi, now: nil,
                           staleAfter: 1e9)
        #expect(!later.rendered(as: .text).contains(note))
    }

    @Test func theHistoricalReportShowsTheOldUnitsAsReported() throws {
        let r = try HistoricalReport(snapshot: Self.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi)
        let text = r.rendered(as: .text, width: 400)
        #expect(r.hasData)
        #expect(text.hasPrefix("Số liệu theo địa bàn cũ, như đã báo cáo, trước 01/07/2025 — Quý II/2024\n"))
        #expect(text.contains("02     Tỉnh Hà Giang"))
        #expect(text.contains("143.218"))
        #expect(text.contains("00691      Phường Trần Phú"))
        #expect(text.contains("Huyện Chiêm Hóa"))
    }

    /// `--structure historical` honours `--format`, `--form 06` and `--district`; a figure it
    /// does not hold is "—" (a period after the change: no row of zeros).
    @Test(arguments: Report.Format.allCases)
    func theHistoricalReportHonoursTheFormat(_ format: Report.Format) throws {
        let r = try HistoricalReport(snapshot: Self.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi)
        let out = r.rendered(as: format, width: 400)
        switch format {
        case .text: #expect(out.contains("02     Tỉnh Hà Giang"))
        case .markdown: #expect(out.hasPrefix("## Số liệu theo địa bàn cũ") && out.contains("| 02 | Tỉnh Hà Giang | 143.218 |"))
        case .csv: #expect(out.contains("\n02,Tỉnh Hà Giang,143218,") && out.contains("\n08,Tỉnh Tuyên Quang,"))
        case .json:
            let o = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            let units = try #require(o["units"] as? [[String: Any]])
            #expect(units.first?["code"] as? String == "02" && units.first?["received"] as? Int == 143_218)
            #expect(units.contains { $0["code"] as? String == "08" } && o["has_data"] as? Bool == true)
        }
    }

    @Test func theHistoricalFormSixIsTheOldProvincesOwn() throws {
        let r = try HistoricalReport(snapshot: Self.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi, form: .form06,
                                     district: "024")
        let csv = r.rendered(as: .csv).split(separator: "\n")
        #expect(csv[0].contains("received_total,received_online"))
        // Thành phố Hà Giang as the ha-giang sample's form 06 gives it (9.559 received, 8.476 online).
        #expect(csv[1].hasPrefix("024,Thành phố Hà Giang,9559,8476,505,"))
        #expect(csv.count == 1 + 1 + 8)   // the district and its 8 communes
        let same = Report(snapshot: SampleState.snapshot, period: .quarter(year: 2024, quarter: 2),
                          unit: SampleState.snapshot.units.unit(code: "024")!.index, language: .vi, form: .form06)
        // The same figures (the rows' context differs: the title, and each sample's export time).
        func figures(_ row: Substring) -> String { row.components(separatedBy: ",2024-Q2,")[0] }
        #expect(figures(csv[1]) == figures(same.rendered(as: .csv).split(separator: "\n")[1]))
        #expect(csv[1].contains(",2024-Q2,Quý II/2024,2024-04,2024-06-30,"))
    }

    @Test func aPeriodAfterTheChangeIsAbsentNotZero() throws {
        let r = try HistoricalReport(snapshot: Self.snapshot, period: .quarter(year: 2025, quarter: 3), language: .vi)
        #expect(!r.hasData)
        let text = r.rendered(as: .text, width: 400)
        #expect(text.contains("KHÔNG CÓ SỐ LIỆU"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("02 ") })
        let cells = row.split(separator: " ")
        #expect(!cells.contains("0") && cells.filter { $0 == "—" }.count >= 8, "\(row)")
        #expect(r.rendered(as: .json).contains("\"received\" : null"))
    }

    @Test func anUnknownOldDistrictOrNoChangeIsRefused() {
        #expect(throws: HistoricalReport.Refusal.noDistrict("999")) {
            try HistoricalReport(snapshot: Self.snapshot, period: .year(2024), language: .vi, district: "999")
        }
        #expect(throws: HistoricalReport.Refusal.noChange) {
            try HistoricalReport(snapshot: SampleState.snapshot, period: .year(2024), language: .vi)
        }
    }

    /// Any province: the old Tuyên Quang (three tiers) made by `gen`, and a two-tier province
    /// without former districts, load and navigate.
    @Test func anotherProvinceGeneratedByGenLoadsAndNavigates() throws {
        let before = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            Fixtures.repositoryRoot() + "/SampleData/tuyen-quang/units_before.json"))) as? [String: Any]
        let old = try #require((before?["provinces"] as? [Any])?.last)
        let dir = Fixtures.temporaryDirectory("cdsboard-other")
        try SampleGenerator(unitsJSON: JSONSerialization.data(withJSONObject: ["province": old])).write(to: dir)
        let snap = try SnapshotLoader.load(directory: dir).get()
        #expect(snap.units.province.code == "08" && !snap.units.twoTier)
        var s = AppState()
        _ = update(&s, .snapshotLoaded(snap))
        #expect(TableModel.rows(s).count == 7)
        _ = SampleState.press(&s, "Enter Enter")
        guard case .commune = s.place else { Issue.record("not at a commune: \(s.place)"); return }
        _ = SampleState.press(&s, "Escape Escape")
        #expect(s.place == .province)

        // Two tiers, no former districts: the province lists its communes; f does nothing.
        Fixtures.write("""
        {"province": {"code": "31", "name": "Hải Phòng", "communes": [
          {"code": "11311", "name": "Phường Hồng Bàng", "kind": "phường"}, {"code": "11312", "name": "Xã Cát Hải"}]}}
        """, to: dir + "/units.json")
        Fixtures.write("""
        {"province_code": "31", "generated_at": "2025-10-05T08:00:00+07:00", "period_end": "2025-09-30"}
        """, to: dir + "/manifest.json")
        Fixtures.write("""
        month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue
        2025-09,,11311,commune,Hộ tịch,online,30,30,30,0,0,0,0
        """, to: dir + "/dossier_stats.csv")
        for (name, header) in [("bts.csv", "site_id,operator,district_code,commune_code,lat,lon,tech,status,commissioned_date"),
                               ("villages.csv", "village_code,name,district_code,commune_code,households,poor_households,mobile,broadband"),
                               ("ocop.csv", "product_id,name,producer,district_code,category,stars,platforms,listed_date"),
                               ("tourism.csv", "month,district_code,domestic_visitors,international_visitors,revenue_million_vnd"),
                               ("society.csv", TableKind.society.columns.joined(separator: ","))] {
            Fixtures.write(header + "\n", to: dir + "/" + name)
        }
        let two = try SnapshotLoader.load(directory: dir).get()
        var t = AppState()
        _ = update(&t, .snapshotLoaded(two))
        _ = SampleState.press(&t, "f")
        #expect(TableModel.rows(t).map(\.unit.code) == ["11311", "11312"])   // by name: Phường Hồng Bàng, Xã Cát Hải
        _ = SampleState.press(&t, "j Enter")
        #expect(t.place == .commune("11312"))
        _ = SampleState.press(&t, "Escape")
        #expect(t.place == .province)
        #expect(render(t).textDump().contains("Hải Phòng"))
    }

    static let goldenCases: [(String, Size, String, Bool)] = [
        ("tq-overview-80x24-vi", Size(width: 80, height: 24), "", false),
        ("tq-overview-200x50-vi", Size(width: 200, height: 50), "", false),
        ("tq-khu-vuc-80x24-vi", Size(width: 80, height: 24), "/ d o n g Space v a n Enter", false),
        ("tq-khu-vuc-200x50-vi", Size(width: 200, height: 50), "/ d o n g Space v a n Enter", false),
        ("tq-flat-200x50-vi", Size(width: 200, height: 50), "f", false),
        ("tq-flat-80x24-en", Size(width: 80, height: 24), "f", true),
        ("tq-commune-200x50-vi", Size(width: 200, height: 50), "/ x a Space d o n g Space v a n Enter", false),
        ("tq-rebased-200x50-vi", Size(width: 200, height: 50), "[ [ [ [", false),
        ("hg-overview-200x50-vi", Size(width: 200, height: 50), "", false),
        // The map: the 18 former districts filled; in one of them its communes as marks sized by
        // area over the outlines; the flat list's 124 communes on the wall.
        ("tq-map-120x40-vi", Size(width: 120, height: 40), "b", false),
        ("tq-map-khu-vuc-120x40-en", Size(width: 120, height: 40), "b / c h i e m Enter", true),
        ("tq-map-flat-300x80-vi", Size(width: 300, height: 80), "b f", false),
    ]

    @Test(arguments: 0..<goldenCases.count)
    func screenMatchesItsGolden(_ k: Int) {
        let (name, size, keys, english) = Self.goldenCases[k]
        var s = name.hasPrefix("hg-") ? SampleState.state(size: size) : Self.state(size: size, language: english ? .en : .vi)
        s.showClock = false
        if !keys.isEmpty { _ = SampleState.press(&s, keys) }
        var canvas = render(s)
        if let status = Layout.make(s)?.status, s.search == nil, !s.showHelp { canvas.fill(status, role: .status, with: "·") }
        let path = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Screens/\(name).txt"
        let problem = Golden.compare(canvas.textDump(), to: path)
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }
}
