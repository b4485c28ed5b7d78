import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Figures a committee can trust: partial periods said and compared month for month, absent
/// figures absent, stock figures dated, tables that add up, one meaning per mark.
@Suite struct HonestFiguresTests {
    /// The sample's data ends 2024-06-30: 2024 is six months long.
    func yearView(_ lang: Language = .vi) -> AppState {
        var s = SampleState.state(size: Size(width: 120, height: 40), language: lang)
        _ = SampleState.press(&s, "p") // quarter → year
        return s
    }

    @Test func aPartialYearSaysSoAndIsComparedWithTheSameMonths() {
        let s = yearView()
        let span = s.span!
        #expect(span.isPartial && span.monthCount == 6)
        #expect(s.format.span(span) == "6 tháng đầu năm 2024")
        #expect(NumberFormat(.en).span(span) == "Jan–Jun 2024")
        #expect(render(s).line(1).contains("6 tháng đầu năm 2024"))
        // Compared with January–June 2023, not with the whole of 2023.
        let fig = UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: span.period)
        let h1 = (0..<6).map { UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: .month(Month(year: 2023, month: $0 + 1))) }
        #expect(fig.dossiersLastYear?.received == h1.reduce(0) { $0 + $1.dossiers.received })
        let whole2023 = UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: .year(2023)).dossiers.received
        #expect(fig.dossiersLastYear!.received < whole2023)
        // The change is a plausible year-on-year growth, not −44% against a whole year.
        #expect(UnitFigures.change(fig.dossiers.received, fig.dossiersLastYear?.received)! > 0)
    }

    @Test func aPartialPeriodEndingMidMonthSaysToWhen() {
        let span = Span(.quarter(year: 2024, quarter: 3), dataEnd: Day(iso: "2024-07-05")!)
        #expect(span.isPartial && span.monthCount == 1)
        #expect(NumberFormat(.vi).span(span) == "Quý III/2024 (lũy kế đến 05/07/2024)")
        #expect(span.sameLastYear.endDay == Day(iso: "2023-07-05")!)
        #expect(span.previous.first == Month(year: 2024, month: 4).index && span.previous.last == span.previous.first)
    }

    @Test func tourismShowsTheMonthsItHas() {
        let s = yearView()
        let fig = UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: s.period!)
        #expect(fig.tourism != nil)
        #expect(!render(s).textDump().contains("Chưa có dữ liệu"))
    }

    @Test func aPeriodWithoutDataIsAbsentNotZero() {
        let fig = UnitFigures(snapshot: SampleState.snapshot, unit: 0, period: .quarter(year: 2022, quarter: 1))
        #expect(!fig.dossiersHeld)
        let report = Report(snapshot: SampleState.snapshot, period: .quarter(year: 2022, quarter: 1), language: .vi)
        let received = report.columns.firstIndex { $0.key == "received" }!
        #expect(report.rows.allSatisfy { $0[received] == "—" })
        #expect(report.rawRows.allSatisfy { $0[received] == "" })
        // The quarter has no dossiers but has visitors: the report has data (issue 25).
        #expect(report.hasData)
    }

    @Test func villagesAndProductsOfAnEarlierPeriodAreMarkedCurrent() {
        var s = SampleState.state(size: Size(width: 200, height: 60))
        _ = SampleState.press(&s, "[ [ [ [")
        let text = render(s).textDump()
        #expect(text.contains("Thôn, tổ dân phố: số liệu hiện tại") || text.contains("số liệu hiện tại"))
        let now = render(SampleState.state(size: Size(width: 200, height: 60))).textDump()
        #expect(!now.contains("số liệu hiện tại"))
    }

    @Test func aDistrictTableAddsUpToItsDistrict() {
        var s = SampleState.state(size: Size(width: 120, height: 40))
        _ = SampleState.press(&s, "/ v i Space x u y e n Enter")
        let rows = TableModel.rows(s)
        let remainder = TableModel.receivedAboveChildren(s, rows)!
        let district = UnitFigures(snapshot: SampleState.snapshot, unit: s.placeIndex!, period: s.period!).dossiers.received
        #expect(remainder > 0 && rows.reduce(0) { $0 + $1.dossiers.received } + remainder == district)
        let row = render(s).textDump().components(separatedBy: "\n").first { $0.contains("│  Cấp huyện ") }
        #expect(row?.contains(NumberFormat(.vi).integer(remainder)) == true && row?.contains("tiếp nhận, không thuộc xã nào") == true)
    }

    @Test func aCommuneSaysItsOCOPFiguresAreTheDistricts() {
        // Wide enough for five panels across to hold the whole sentence.
        var s = SampleState.state(size: Size(width: 240, height: 60))
        _ = SampleState.press(&s, "/ d a o Space d u c Enter")
        #expect(render(s).textDump().contains("Số liệu OCOP chỉ có ở cấp huyện: Vị Xuyên"))
    }

    @Test func tiedWorstValuesAreAllMarkedAndAllEqualNone() {
        let col = PanelRegistry.standard.tableColumn("coverage")!
        var s = SampleState.state()
        _ = SampleState.press(&s, "/ v i Space x u y e n Enter")
        let rows = TableModel.rows(s)
        let worst = TableModel.worst(rows, col)
        let values = rows.map { col.value($0) }
        if Set(values.compactMap { $0 }).count == 1 { #expect(worst.isEmpty) }
        let lowest = values.compactMap { $0 }.min()
        #expect(worst == Set(values.indices.filter { values[$0] == lowest }) || worst.isEmpty)
        // One meaning per mark: the sort arrow is not the change arrow, at risk is not up.
        let g = Glyphs.unicode
        #expect(Set([g.up, g.warn, g.sortUp, g.worst]).count == 4)
    }

    @Test func sortingSkipsColumnsThatAreNotOnScreen() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        let shown = TableView.shownColumns(s).map(\.id)
        var seen: [String] = []
        for _ in 0..<shown.count { _ = SampleState.press(&s, "s"); seen.append(s.sortColumn) }
        #expect(Set(seen) == Set(shown))
        #expect(shown.count < PanelRegistry.standard.tableColumns.count)
    }

    @Test func keysWithoutAVisibleEffectSayWhatTheyDid() {
        var s = SampleState.state(size: Size(width: 120, height: 40))
        _ = SampleState.press(&s, "t")
        #expect(render(s).line(39).contains("Giao diện màu: light"))
        _ = SampleState.press(&s, "m")
        #expect(render(s).line(39).contains("Chuột: bật"))
        _ = SampleState.press(&s, "]")
        #expect(render(s).line(39).contains("kỳ mới nhất"))
        _ = SampleState.press(&s, "j")
        #expect(!render(s).line(39).contains("kỳ mới nhất"))
    }

    @Test func placeAndPeriodAreBothVisibleAt80Columns() {
        for lang in Language.allCases {
            var s = SampleState.state(size: Size(width: 80, height: 24), language: lang)
            _ = SampleState.press(&s, "/ d a o Space d u c Enter p p") // quarter → year → month
            let line = render(s).line(1)
            #expect(line.contains("Đạo Đức"), "\(lang): \(line)")
            #expect(line.contains(lang == .vi ? "Tháng 6/2024" : "Jun 2024"), "\(lang): \(line)")
        }
    }

    @Test func officialWords() {
        let vi = Strings(.vi)
        #expect([vi[.onTrack], vi[.atRisk], vi[.behind]] == ["Đạt", "Có nguy cơ không đạt", "Chưa đạt"])
        #expect(NumberFormat(.vi).period(.quarter(year: 2024, quarter: 2)) == "Quý II/2024")
    }
}
