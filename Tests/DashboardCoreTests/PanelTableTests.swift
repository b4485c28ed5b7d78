import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The panel table is the one place panels are named: a panel registered here, from the test
/// target, reaches the layout, focus keys and cycling, help, the kiosk playlist, the unit table
/// and the report with no other change.
@Suite struct PanelTableTests {
    /// A sixth panel that exists only in this test: the number of villages.
    static let villagesPanel = Panel(
        id: "test-villages", title: { _ in "Test villages" },
        compact: { ctx, lines, c in
            guard let y = lines.take() else { return }
            c.write("villages \(ctx.figures.villages.villages)", x: lines.inner.x, y: y, role: .text)
        },
        expanded: { ctx, children, _ in
            ListTable(title: "Test villages", columns: [.init(title: "unit", weight: 1, minWidth: 10, align: .left),
                                                        .init(title: "villages", weight: 1, minWidth: 8, align: .right)],
                      rows: children.map { [$0.unit.name, String($0.villages.villages)] })
        },
        tile: { ctx, _ in KioskTile(label: "Test villages", big: String(ctx.figures.villages.villages)) },
        tableColumns: [UnitColumn(id: "test_villages", title: { _ in "TestVil" }, minWidth: 8, priority: 1,
                                  value: { Double($0.villages.villages) }, text: { r, _ in String(r.villages.villages) })],
        reportColumns: [ReportColumn(key: "test_villages", title: { _ in "TestVil" }, text: { r, _ in String(r.villages.villages) },
                                     raw: { String($0.villages.villages) })])

    static let registry = PanelRegistry(PanelRegistry.standard.all + [.tourism, villagesPanel, .dossiers])

    func state(size: Size = Size(width: 200, height: 60)) -> AppState {
        var s = AppState()
        s.panels = Self.registry
        s.size = size
        s.now = SampleState.now
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        return s
    }

    @Test func repeatedIdsAreDroppedSoTheTestPanelComesAfterTheStandardOnes() {
        #expect(Self.registry.ids == PanelRegistry.standard.ids + ["test-villages"])
    }

    @Test func theSixthPanelIsLaidOutAndDrawnAtEverySize() {
        for size in [Size(width: 200, height: 60), Size(width: 120, height: 40), Size(width: 300, height: 80)] {
            let s = state(size: size)
            let layout = Layout.make(s)!
            #expect(layout.panels.map(\.0).contains("test-villages"), "at \(size)")
            let text = render(s).textDump()
            #expect(text.contains("6 Test villages"), "at \(size)")
            #expect(text.contains("villages 2"), "at \(size)") // the province's village count starts with 2
        }
        // At 80×24 it is a tab, shown when focused with its key.
        var small = state(size: Size(width: 80, height: 24))
        #expect(render(small).line(2).contains(" 6 Test"))
        _ = SampleState.press(&small, "6")
        #expect(small.focus == .panel("test-villages"))
        #expect(Layout.make(small)!.panels.map(\.0) == ["test-villages"])
    }

    @Test func focusCyclesThroughItAndHelpNamesItsKey() {
        var s = state()
        _ = SampleState.press(&s, "Tab Tab Tab Tab Tab Tab")
        #expect(s.focus == .panel("test-villages"))
        _ = SampleState.press(&s, "Tab")
        #expect(s.focus == .table)
        _ = SampleState.press(&s, "7") // no seventh panel: nothing happens
        #expect(s.focus == .table)
        #expect(Overlays.helpLines(s).contains { $0.keys == "6" && $0.text.hasSuffix("Test villages") })
        #expect(!Overlays.helpLines(s).contains { $0.keys == "7" })
    }

    @Test func itIsAStepOfTheKioskPlaylistAndExpands() {
        var s = state()
        s.kiosk = KioskState(parts: ["panels"])
        #expect(s.kiosk!.playlist(for: SampleState.snapshot, panels: s.panels).count == 6)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        _ = SampleState.press(&s, "Left")
        #expect(s.expandedPanel == "test-villages")
        #expect(render(s).textDump().contains("Test villages"))
        #expect(KioskState.isValidPart("test-villages", panels: s.panels))
    }

    @Test func itsColumnJoinsTheUnitTableAndSorts() {
        var s = state()
        #expect(s.panels.tableColumns.map(\.id).last == "test_villages")
        for _ in 0..<20 where s.sortColumn != "test_villages" { _ = SampleState.press(&s, "s") }
        #expect(s.sortColumn == "test_villages")
        let counts = TableModel.rows(s).map(\.villages.villages)
        #expect(counts == counts.sorted(by: >))
        #expect(render(s).textDump().contains("TestVil"))
    }

    @Test func itsColumnIsInTheReport() {
        let r = Report(snapshot: SampleState.snapshot, period: SampleState.state().period!, language: .en, panels: Self.registry)
        #expect(r.columns.map(\.key).last == "test_villages")
        // The last figure, before what every row repeats of the report (period … title).
        #expect(r.rendered(as: .csv).split(separator: "\n")[0].hasSuffix(",test_villages,period,period_name,period_first_month,"
                                                                        + "period_end,generated_at,title"))
        #expect(r.rows[0].last == String(SampleState.snapshot.villageTotals[0].villages))
    }

    @Test func aPanelWithoutDataIsHidden() {
        let hidden = Panel(id: "never", title: { _ in "Never" }, isShown: { _ in false },
                           compact: { _, _, _ in }, expanded: Self.villagesPanel.expanded, tile: Self.villagesPanel.tile)
        var s = AppState()
        s.panels = PanelRegistry(PanelRegistry.standard.all + [hidden])
        s.size = Size(width: 200, height: 60)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.shownPanels.count == 5)
        #expect(!render(s).textDump().contains("Never"))
    }
}
