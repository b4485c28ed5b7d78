import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// "Quá hạn" and "đúng hạn" mean what form 06 says, on every screen and in every report: the
/// dashboard's received, on-time share and overdue of a unit equal `report --form 06`'s, for
/// the province, khu vực and communes, in every kind of period (issue 30).
@Suite struct OneMeaningTests {
    static var snapshot: Snapshot { TwoTierTests.snapshot }

    /// Province, three khu vực (Vị Xuyên, Mèo Vạc, Lâm Bình), three communes (Minh Ngọc, whose
    /// panel said `Quá hạn 0` beside a form 06 box of 27 resolved late; Sủng Máng; Vị Xuyên).
    static let places: [Place] = [.province, .district("030"), .district("027"), .district("071"),
                                  .commune("00994"), .commune("00787"), .commune("00913")]
    /// Month 2026-09, quarter 2026-Q3 and year 2025 (whole), quarter 2026-Q4 and year 2026
    /// (partial: the data ends on 31/10/2026).
    static let periods: [(Period.Kind, Int)] = [(.month, -1), (.quarter, -1), (.year, -1), (.quarter, 0), (.year, 0)]

    /// The text after `label` in the first boxed segment of the screen that starts with it.
    static func segment(_ screen: String, _ label: String) -> [Substring]? {
        for line in screen.split(separator: "\n") {
            for part in line.split(separator: "│") {
                let t = part.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix(label) { return t.dropFirst(label.count).split(separator: " ") }
            }
        }
        return nil
    }

    static func form06Row(_ unit: Int, _ period: Period) -> [String: String] {
        let r = Report(snapshot: snapshot, period: period, unit: unit, language: .vi, form: .form06)
        return Dictionary(uniqueKeysWithValues: zip(r.columns.map(\.key), r.rawRows[0]))
    }

    @Test(arguments: places)
    func theScreenSaysWhatForm06Says(place: Place) throws {
        let f = NumberFormat(.vi)
        for (kind, offset) in Self.periods {
            var s = TwoTierTests.state(size: Size(width: 200, height: 60), panels: TwoTierTests.fivePanels)
            s.place = place
            s.periodKind = kind
            s.periodOffset = offset
            let index = try #require(s.placeIndex)
            let period = try #require(s.period)
            let f06 = Self.form06Row(index, period)
            func n(_ k: String) throws -> Int { try #require(Int(f06[k] ?? "")) }
            let received = try n("received_online") + n("received_direct_postal")
            let onTime = Double(try n("resolved_before_due") + n("resolved_on_due")) / Double(try n("resolved_total"))
            let overdue = try n("in_progress_overdue")
            let screen = render(s).textDump(styles: false)
            let what = "\(place) \(period)"
            #expect(Self.segment(screen, "Tiếp nhận")?.last.map(String.init) == f.integer(received), "\(what)")
            #expect(Self.segment(screen, "Đúng h")?.first { $0.hasSuffix("%") }.map(String.init) == f.percent(onTime), "\(what)")
            #expect(Self.segment(screen, "Đang giải quyết quá hạn")?.last.map(String.init) == f.integer(overdue), "\(what)")
            // The dashboard's report: the same figures, by the same names as form 06's.
            let r = Report(snapshot: Self.snapshot, period: period, unit: index, language: .vi)
            let dash = Dictionary(uniqueKeysWithValues: zip(r.columns.map(\.key), r.rawRows[0]))
            #expect(dash["received"] == String(received), "\(what)")
            #expect(dash["on_time_share"] == ReportColumn.rawShare(onTime), "\(what)")
            #expect(dash["in_progress_overdue"] == f06["in_progress_overdue"], "\(what)")
            #expect(dash["resolved_overdue"] == f06["resolved_overdue"], "\(what)")
            // And the row of the unit in its parent's table.
            if index != 0 {
                let row = UnitFigures(snapshot: Self.snapshot, unit: index, period: period)
                let col = { (id: String) in Panel.dossiers.tableColumns.first { $0.id == id }!.text(row, f) }
                #expect(col("received") == f.integer(received), "\(what)")
                #expect(col("on_time") == f.percent(onTime), "\(what)")
                #expect(col("overdue") == f.integer(overdue), "\(what)")
            }
        }
    }

    /// The province's figures measured for issue 30 (Quý IV/2026, to 31/10/2026): on time
    /// (76.193 + 26.095) / 105.849 = 96,6% (the dashboard said 97,8%, by month of receipt), 63
    /// in progress overdue (it said 0), 3.561 resolved late.
    @Test func theProvinceOfIssue30() {
        let fig = UnitFigures(snapshot: Self.snapshot, unit: 0, period: .quarter(year: 2026, quarter: 4))
        let f = NumberFormat(.vi)
        #expect(f.percent(fig.onTimeShare) == "96,6%")
        #expect(fig.overdueInProgress == 63)
        #expect(fig.resolvedLate == 3_561)
        #expect(fig.dossiers.received == 89_118)
    }

    /// A snapshot without form 06's columns cannot say either: "—", never 0 nor another meaning.
    @Test func withoutForm06ColumnsOverdueAndOnTimeAreAbsent() {
        let fig = UnitFigures(snapshot: Form06PanelTests.withoutOptional, unit: 0,
                              period: Period.containing(Form06PanelTests.withoutOptional.latestMonth, kind: .quarter))
        #expect(fig.dossiersHeld)
        #expect(fig.onTimeShare == nil)
        #expect(fig.overdueInProgress == nil)
        let f = NumberFormat(.vi)
        let col = { (id: String) in Panel.dossiers.tableColumns.first { $0.id == id }!.text(fig, f) }
        #expect(col("on_time") == "—")
        #expect(col("overdue") == "—")
    }

    /// At 80×24 the 12 months of received stand on the received row, not on the overdue row.
    @Test func theReceivedTrendStandsOnTheReceivedRow() throws {
        let screen = render(TwoTierTests.state(size: Size(width: 80, height: 24), panels: TwoTierTests.fivePanels)).textDump(styles: false)
        let lines = screen.split(separator: "\n")
        let received = try #require(lines.first { $0.contains("│ Tiếp nhận") })
        #expect(received.contains("12 tháng"))
        #expect(received.contains("▆"))
        let overdue = try #require(lines.first { $0.contains("│ Đang giải quyết quá hạn") })
        #expect(!overdue.contains("12 tháng"))
        #expect(!lines.contains { $0.contains("│ Quá hạn") })
    }

    /// Minh Ngọc's form 06 box said `Quá hạn 27` and `Đúng hạn 99` (dossiers resolved late, on
    /// the due day) beside the panel's `Đúng hạn 93,5%` (before and on due, a share): each of
    /// its rows now says which dossiers (`Đã giải quyết quá hạn 27`), and "Đúng hạn" alone is
    /// only ever the on-time share.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 200, height: 60)])
    func eachRowOfTheForm06BoxSaysWhichDossiers(_ size: Size) throws {
        var s = TwoTierTests.state(size: size, panels: TwoTierTests.fivePanels)
        s.place = .commune("00994")
        let canvas = render(s)
        let segments = (0..<size.height).flatMap { canvas.line($0).split(separator: "│") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for bare in ["Quá hạn ", "Trước hạn ", "Trong hạn "] {
            #expect(!segments.contains { $0.hasPrefix(bare) }, "\(bare)at \(size)")
        }
        let onTime = segments.filter { $0.hasPrefix("Đúng hạn ") }
        #expect(!onTime.isEmpty && onTime.allSatisfy { $0.contains("%") }, "\(onTime)")
        guard size.height >= 60 else { return }   // at 120×40 the box shows its first rows only
        let f06 = Self.form06Row(try #require(s.placeIndex), try #require(s.period))
        #expect(segments.contains { $0.hasPrefix("Đã giải quyết quá hạn ") && $0.hasSuffix(" \(f06["resolved_overdue"] ?? "?")") })
        #expect(segments.contains { $0.hasPrefix("Đã giải quyết đúng hạn ") })
        #expect(segments.contains { $0.hasPrefix("Đang giải quyết trong hạn ") })
    }
}
