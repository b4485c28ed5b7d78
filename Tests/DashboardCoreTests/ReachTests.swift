import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Every row reachable: lists scroll with the table's keys and say where they are; the kiosk
/// pages a table that does not fit instead of dropping rows.
@Suite struct ReachTests {
    @Test func theKioskPagesATableThatDoesNotFit() {
        var s = AppState()
        s.size = Size(width: 120, height: 34)
        s.consoleGlyphs = true
        s.kiosk = KioskState(parts: ["district:030"], interval: 10)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        _ = update(&s, .tick(Instant(wall: SampleState.now, monotonic: 0)))
        let capacity = KioskView.frame(s).tableCapacity
        let rows = TableModel.rows(s).count
        #expect(capacity > 0 && capacity < rows, "the table fits: nothing to page (\(capacity) of \(rows))")
        let pages = KioskView.pages(s)
        #expect(pages == (rows + capacity - 1) / capacity)
        var seen = Set<String>()
        for k in 0..<pages {
            let screen = render(s).textDump(styles: false)
            for r in TableModel.rows(s) where screen.contains(UnitColumn.name.text(r, s.format)) { seen.insert(r.unit.code) }
            #expect(screen.contains("Trang \(k + 1)/\(pages)"))
            _ = update(&s, .tick(Instant(wall: SampleState.now, monotonic: Double(10 * (k + 1)))))
        }
        #expect(seen.count == rows, "rows never shown: \(rows - seen.count)")
        #expect(s.listScroll == 0) // back to the first page after the last
    }

    @Test func aCommunesListsScrollAndSayWhere() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        _ = SampleState.press(&s, "/ d a o Space d u c Enter 2")
        let before = render(s).textDump(styles: false)
        #expect(before.contains("1–"))
        _ = SampleState.press(&s, "j j")
        #expect(s.listScroll == 2)
        let after = render(s).textDump(styles: false)
        #expect(after.contains("3–") && after != before)
        _ = SampleState.press(&s, "G")
        #expect(s.listScroll == DetailView.longestList(s) - 1)
        _ = SampleState.press(&s, "g")
        #expect(s.listScroll == 0)
    }

    @Test func anExpandedPanelFollowsTheSelectionAndTheSort() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        _ = SampleState.press(&s, "1 Enter")
        #expect(s.expandedPanel == .dossiers)
        _ = SampleState.press(&s, "G")
        let last = TableModel.rows(s).last!.unit.shortName
        let screen = render(s).textDump(styles: false)
        #expect(screen.contains(last))
        #expect(screen.contains("/11"))
        _ = SampleState.press(&s, "s")
        #expect(s.sortColumn != "name")
    }
}
