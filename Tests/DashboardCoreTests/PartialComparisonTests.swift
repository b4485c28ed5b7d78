import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: tourism's `▲ 138,2% so kỳ trước` for Quý IV/2026 is October against July, while the
/// header said only "Quý IV/2026 (lũy kế đến 31/10/2026)". A partial quarter's header names the
/// months compared, as a full period's names the periods.
@Suite struct PartialComparisonTests {
    @Test func partOfAQuarterIsNamedByItsMonths() {
        let vi = NumberFormat(.vi), en = NumberFormat(.en)
        let oct = Span(.quarter(year: 2026, quarter: 4), dataEnd: Day(year: 2026, month: 10, day: 31)!)
        #expect(vi.compared(oct.previous) == "tháng 7/2026")
        #expect(vi.compared(oct.sameLastYear, short: true) == "T10/2025")
        #expect(en.compared(oct.previous) == "Jul 2026")
        let nov = Span(.quarter(year: 2026, quarter: 4), dataEnd: Day(year: 2026, month: 11, day: 30)!)
        #expect(vi.compared(nov.previous) == "tháng 7–8/2026")
        #expect(en.compared(nov.sameLastYear) == "Oct–Nov 2025")
        // Whole periods keep their names; a year's first months already say which.
        let q2 = Span(.quarter(year: 2024, quarter: 2), dataEnd: Day(year: 2024, month: 6, day: 30)!)
        #expect(vi.compared(q2.previous) == "Quý I/2024")
        let year = Span(.year(2026), dataEnd: Day(year: 2026, month: 10, day: 31)!)
        #expect(vi.compared(year.sameLastYear) == "10 tháng đầu năm 2025")
    }

    func header(_ size: Size, _ language: Language, kiosk: Bool = false) -> String {
        var s = AppState()
        if kiosk { s.kiosk = KioskState() }
        s.size = size
        s.language = language
        s.now = Date(timeIntervalSince1970: 1_793_952_000)     // 06/11/2026
        _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
        s.periodKind = .quarter
        return render(s).line(1)
    }

    @Test func theHeaderOfAPartialQuarterNamesTheMonthsCompared() {
        #expect(header(Size(width: 80, height: 24), .vi).hasSuffix("Quý IV/2026 (lũy kế đến 31/10/2026) · so T7/2026 và T10/2025 "))
        #expect(header(Size(width: 120, height: 40), .vi)
                .hasSuffix("Quý IV/2026 (lũy kế đến 31/10/2026) · so kỳ trước tháng 7/2026, so cùng kỳ tháng 10/2025 "))
        #expect(header(Size(width: 120, height: 40), .en).hasSuffix("Q4 2026 (to 2026-10-31) · vs previous Jul 2026, vs last year Oct 2025 "))
        // The wall screen too, in the short form where the long one would be cut.
        #expect(header(Size(width: 80, height: 24), .vi, kiosk: true).hasPrefix(" Quý IV/2026 (lũy kế đến 31/10/2026) · so T7/2026 và T10/2025 "))
        #expect(header(Size(width: 200, height: 60), .vi, kiosk: true)
                .hasPrefix(" Quý IV/2026 (lũy kế đến 31/10/2026) · so kỳ trước tháng 7/2026, so cùng kỳ tháng 10/2025 "))
    }
}
