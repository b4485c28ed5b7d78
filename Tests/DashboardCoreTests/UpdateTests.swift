import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

@Suite struct UpdateTests {
    func selectedName(_ s: AppState) -> String { TableModel.rows(s)[s.selectedRow].unit.shortName }

    @Test func movesInTheTable() {
        var s = SampleState.state()
        #expect(selectedName(s) == "Bắc Mê")
        _ = SampleState.press(&s, "j j")
        #expect(s.selectedRow == 2)
        _ = SampleState.press(&s, "k")
        #expect(s.selectedRow == 1)
        _ = SampleState.press(&s, "G")
        #expect(s.selectedRow == 10)
        _ = SampleState.press(&s, "Down")
        #expect(s.selectedRow == 10)
        _ = SampleState.press(&s, "g Up")
        #expect(s.selectedRow == 0)
        _ = SampleState.press(&s, "PgDn")
        #expect(s.selectedRow > 0)
        _ = SampleState.press(&s, "PgUp")
        #expect(s.selectedRow == 0)
    }

    @Test func drillsDownToACommuneAndBackUp() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "j j Enter")       // Đồng Văn
        #expect(s.place == .district("026"))
        #expect(TableModel.rows(s).count == 19)
        _ = SampleState.press(&s, "Enter")           // its first commune (by name)
        guard case .commune(let code) = s.place else { Issue.record("not in a commune"); return }
        #expect(SampleState.snapshot.units.unit(code: code)?.parent == SampleState.snapshot.units.unit(code: "026")?.index)
        #expect(TableModel.rows(s).isEmpty)
        _ = SampleState.press(&s, "Esc")
        #expect(s.place == .district("026"))
        _ = SampleState.press(&s, "h")
        #expect(s.place == .province)
        #expect(selectedName(s) == "Đồng Văn")      // back on the row we left
        _ = SampleState.press(&s, "BS")
        #expect(s.place == .province)
    }

    @Test func searchIgnoresDiacriticsAndCase() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "/ x u y e n")
        #expect(TableModel.searchResults(s).first?.unit.name == "Huyện Vị Xuyên")
        _ = SampleState.press(&s, "Enter")
        #expect(s.place == .district("030"))
        #expect(s.search == nil)
        _ = SampleState.press(&s, "/ D A O Space d u c")
        #expect(TableModel.searchResults(s).map(\.unit.name) == ["Xã Đạo Đức"])
        _ = SampleState.press(&s, "Enter")
        guard case .commune(let code) = s.place else { Issue.record("not in a commune"); return }
        #expect(SampleState.snapshot.units.unit(code: code)?.name == "Xã Đạo Đức")
        _ = SampleState.press(&s, "/ z z z")
        #expect(TableModel.searchResults(s).isEmpty)
        _ = SampleState.press(&s, "Esc")
        #expect(s.search == nil)
    }

    @Test func focusesAndExpandsPanels() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "Tab")
        #expect(s.focus == .panel(.dossiers))
        _ = SampleState.press(&s, "S-Tab S-Tab")
        #expect(s.focus == .panel(.society))
        _ = SampleState.press(&s, "S-Tab")
        #expect(s.focus == .panel(.tourism))
        _ = SampleState.press(&s, "2 Enter")
        #expect(s.expandedPanel == .bts)
        _ = SampleState.press(&s, "3")
        #expect(s.expandedPanel == .ocop)
        _ = SampleState.press(&s, "Esc")
        #expect(s.expandedPanel == nil)
        _ = SampleState.press(&s, "Esc")
        #expect(s.focus == .table)
    }

    @Test func stepsAndCyclesThePeriod() {
        var s = SampleState.state()
        #expect(s.period == .quarter(year: 2024, quarter: 2))
        _ = SampleState.press(&s, "[")
        #expect(s.period == .quarter(year: 2024, quarter: 1))
        _ = SampleState.press(&s, "] ]")
        #expect(s.period == .quarter(year: 2024, quarter: 2))   // never past the data
        _ = SampleState.press(&s, "p")
        #expect(s.period == .year(2024))
        _ = SampleState.press(&s, "p")
        #expect(s.period == .month(Month(year: 2024, month: 6)))
        _ = SampleState.press(&s, "p")
        #expect(s.period == .quarter(year: 2024, quarter: 2))
        for _ in 0..<30 { _ = SampleState.press(&s, "[") }
        #expect(s.period!.months.upperBound >= Month(year: 2022, month: 1).index)
    }

    @Test func sortsByEachColumnWorstFirst() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "s")
        #expect(s.sortColumn == "received" && s.sortDescending)
        let received = TableModel.rows(s).map(\.dossiers.received)
        #expect(received == received.sorted(by: >))
        _ = SampleState.press(&s, "s")
        #expect(s.sortColumn == "online" && !s.sortDescending)
        let shares = TableModel.rows(s).map { $0.dossiers.onlineShare ?? 0 }
        #expect(shares == shares.sorted())
        _ = SampleState.press(&s, "S")
        #expect(TableModel.rows(s).map { $0.dossiers.onlineShare ?? 0 } == shares.reversed())
    }

    @Test func effectsForTheEdge() {
        var s = SampleState.state()
        #expect(SampleState.press(&s, "t") == [.applyTheme("light")])
        #expect(SampleState.press(&s, "t t t") == [.applyTheme("high-contrast"), .applyTheme("mono"), .applyTheme("default")])
        #expect(SampleState.press(&s, "m") == [.setMouse(true)])
        #expect(SampleState.press(&s, "C-l") == [.redrawAll])
        #expect(SampleState.press(&s, "C-z") == [.suspend])
        #expect(SampleState.press(&s, "q") == [.quit])
        var t = SampleState.state()
        #expect(SampleState.press(&t, "C-c") == [.quit])
    }

    @Test func helpScrollsClosesWithEscAndQuitsWithQ() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "?")
        #expect(s.showHelp)
        // Moving keys scroll the help, not the table behind it; other keys do nothing.
        _ = SampleState.press(&s, "j j x")
        #expect(s.showHelp && s.helpScroll == 2 && s.selectedRow == 0)
        let canvas = render(s)
        #expect((0..<canvas.size.height).contains { canvas.line($0).contains("· 3–") })
        _ = SampleState.press(&s, "G")
        #expect(s.helpScroll == Overlays.helpLines(s).count - 1)
        _ = SampleState.press(&s, "Esc")
        #expect(!s.showHelp && s.selectedRow == 0)
        #expect(SampleState.press(&s, "? q") == [.quit])
    }

    @Test func aNewSnapshotKeepsPlaceSelectionAndSort() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "j j Enter j j j s")
        let before = (s.place, s.selectedRow, s.sortColumn)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.place == before.0 && s.selectedRow == before.1 && s.sortColumn == before.2)
    }

    @Test func aRefusedSnapshotKeepsTheFigures() {
        var s = SampleState.state()
        let failure = SnapshotFailure(errors: [SnapshotIssue(file: "bts.csv", line: 7, message: "unknown tech \"6G\"")])
        _ = update(&s, .snapshotRefused(failure))
        #expect(s.snapshot != nil)
        #expect(s.refusal == failure)
        let screen = render(s).plainText
        #expect(screen.contains("bts.csv:7: unknown tech \"6G\""))
        #expect(screen.contains("143.218"))
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.refusal == nil)
    }

    @Test func mouseClicksSelectAndDoubleClicksOpen() {
        var s = SampleState.state()
        let table = Layout.make(s)!.table!
        _ = update(&s, .mouse(x: table.x + 5, y: table.y + 4, double: false))
        #expect(s.selectedRow == 0)                 // mouse is off by default
        _ = SampleState.press(&s, "m")
        _ = update(&s, .mouse(x: table.x + 5, y: table.y + 4, double: false))
        #expect(s.selectedRow == 2)
        _ = update(&s, .mouse(x: table.x + 5, y: table.y + 4, double: true))
        #expect(s.place == .district("026"))
    }

    @Test func resizeAndTickChangeOnlyWhatTheyName() {
        var s = SampleState.state()
        _ = update(&s, .resize(Size(width: 200, height: 60)))
        #expect(s.size == Size(width: 200, height: 60))
        let later = SampleState.now.addingTimeInterval(60)
        _ = update(&s, .tick(Instant(later)))
        #expect(s.now == later)
    }
}
