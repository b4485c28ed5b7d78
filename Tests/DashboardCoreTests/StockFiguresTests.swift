import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: BTS technology counts are today's for any period (2023-Q1 showed 3.797 active
/// sites beside 3.814 4G sites), and the panels' "đến …" line said the export's end for past
/// and future periods. Today's stock says "hiện tại"; the line says the period's real end, or
/// that the data ends before the period.
@Suite struct StockFiguresTests {
    func screen(offset: Int, _ size: Size = Size(width: 120, height: 40), view: String? = nil) -> Canvas {
        var s = AppState()
        s.size = size
        s.now = Date(timeIntervalSince1970: 1_793_952_000)     // 06/11/2026
        _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
        s.periodKind = .quarter
        s.periodOffset = offset
        if view == "bts" { s.focus = .panel(.bts); s.expandedPanel = .bts }
        return render(s)
    }

    @Test func aPastPeriodSaysItsEndAndWhatIsTodays() {
        let text = screen(offset: -15).plainText     // Quý I/2023
        #expect(text.contains("Hiện tại: 2G 1.809 · 3G 2.928"), "technology counts not said to be today's")
        #expect(text.contains("Thôn: hiện tại · đến 31/03/2023"))
        #expect(text.contains("│                       đến 31/03/2023 │"), "the dossiers' line is not the period's end")
        #expect(!text.contains("│                       đến 31/10/2026 │"))
        #expect(text.contains("số liệu hiện tại · đến 31/10/2026"))     // OCOP: today's stock, as of the export
        #expect(screen(offset: -15, view: "bts").plainText.contains("Hạ tầng số (BTS) · 4G, 5G, thôn: hiện tại"))
    }

    @Test func aPeriodAfterTheDataSaysWhereTheDataEnds() {
        let text = screen(offset: 1).plainText      // Quý I/2027
        #expect(text.contains("số liệu chỉ đến 31/10/2026"))
        let lines = text.split(separator: "\n").filter { $0.contains("đến 31/10/2026 │") }
        #expect(lines.count >= 2 && lines.allSatisfy { $0.contains("chỉ đến 31/10/2026") }, "a future period says 'as of' the export's end")
    }

    @Test func theCurrentPeriodIsAsItWas() {
        let text = screen(offset: 0).plainText
        #expect(text.contains("2G 1.809 · 3G 2.928") && !text.contains("Hiện tại: 2G"))
        #expect(text.contains("│                       đến 31/10/2026 │"))
    }
}
