import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: the online and on-time shares' change in percentage points, beside the share, in
/// the tables and the report; and the shares' 12 months beside the received trend.
@Suite struct ShareChangeTests {
    @Test func pointsAreWrittenAsEachLanguageDoes() {
        let g = Glyphs.unicode
        #expect(NumberFormat(.vi).pointsChange(0.0333, glyphs: g) == "▲ 3,3 điểm %")
        #expect(NumberFormat(.en).pointsChange(0.0333, glyphs: g) == "▲ 3.3 pts")
        #expect(NumberFormat(.vi).pointsChange(-0.004, glyphs: g) == "▼ 0,4 điểm %")
        #expect(NumberFormat(.vi).pointsChange(0.0004, glyphs: g) == "= 0,0 điểm %")
        #expect(NumberFormat(.vi).pointsChange(nil, glyphs: g) == "—")
        #expect(NumberFormat(.vi).signedPoints(0.0333) == "+3,3 điểm")
        #expect(NumberFormat(.en).signedPoints(-0.0125) == "−1.3 pts")
    }

    @Test func theChangeIsTheDifferenceOfTheShares() throws {
        let s = SampleState.state()
        let fig = UnitFigures(snapshot: s.snapshot!, unit: 0, period: s.period!)
        let now = try #require(fig.dossiers.onlineShare), before = try #require(fig.dossiersLastYear?.onlineShare)
        #expect(fig.onlineShareChange(yearOnYear: true) == now - before)
        let m = s.snapshot!.dossiers.measures
        let previous = try #require(fig.dossiersPrevious)
        let onTimeBefore = try #require(Form06.onTimeShare(previous, m))
        let onTimeNow = try #require(fig.onTimeShare)
        #expect(fig.onTimeShareChange(yearOnYear: false) == onTimeNow - onTimeBefore)
    }

    static func screen(_ size: Size, _ language: Language, _ keys: String = "") -> String {
        var s = SampleState.state(size: size, language: language)
        if !keys.isEmpty { _ = SampleState.press(&s, keys) }
        return render(s).plainText
    }

    @Test(arguments: [Language.vi, .en])
    func theOverviewShowsTheSharesChange(_ language: Language) {
        let unit = language == .vi ? "điểm %" : "pts"
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            let text = Self.screen(size, language)
            #expect(text.contains(unit), "\(size)\n\(text)")
        }
    }

    @Test func aWideTableHasTheSharesChangeColumns() {
        let text = Self.screen(Size(width: 200, height: 60), .vi)
        #expect(text.contains("± Trực tuyến"), "\(text)")
        #expect(text.contains("± Đúng hạn"), "\(text)")
        #expect(text.contains(" điểm"))
    }

    @Test func theExpandedPanelHasTheSharesChange() {
        let text = Self.screen(Size(width: 200, height: 60), .en, "Tab Enter")
        #expect(text.contains("± Online") && text.contains(" pts"), "\(text)")
    }

    @Test func theReportHasTheSharesChange() {
        let s = SampleState.snapshot
        let keys = PanelRegistry.standard[.dossiers]!.reportColumns.map(\.key)
        #expect(keys.contains("online_share_change_last_year") && keys.contains("on_time_share_change_last_year"))
        let fig = UnitFigures(snapshot: s, unit: 0, period: SampleState.state().period!)
        let col = PanelRegistry.standard[.dossiers]!.reportColumns.first { $0.key == "online_share_change_last_year" }!
        #expect(col.text(fig, NumberFormat(.vi)).hasSuffix(" điểm"))
    }

    @Test func theDefinitionsSayWhatAPointIs() {
        #expect(Definitions.entries(.vi).contains { $0.term.hasPrefix("Điểm %") && $0.text.contains("▲ 3,3 điểm %") })
        #expect(Definitions.entries(.en).contains { $0.term.contains("pts") && $0.text.contains("▲ 3.3 pts") })
    }

    @Test func aShareSparklineLeavesMissingMonthsBlank() {
        var c = Canvas(size: Size(width: 6, height: 1))
        Widgets.sparkline(shares: [0.80, nil, 0.85, 0.90], x: 0, y: 0, width: 6, role: .chart1, into: &c)
        #expect(c.textDump().hasPrefix("▁ ▅█") || c.textDump().contains("▁ "), "\(c.textDump())")
    }
}
