import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The parts of the screen on small canvases, each compared with its own golden under
/// `Goldens/Widgets/`: a change to one part shows in its own file.
@Suite struct WidgetGoldenTests {
    static let root = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Widgets/"

    func check(_ canvas: Canvas, _ name: String) {
        let problem = Golden.compare(canvas.textDump(), to: Self.root + name + ".txt")
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }

    func context(_ s: AppState) -> PanelContext {
        PanelContext(state: s, snapshot: s.snapshot!, figures: UnitFigures(snapshot: s.snapshot!, unit: s.placeIndex!, period: s.period!))
    }

    @Test(arguments: PanelRegistry.standard.ids, [Language.vi, .en])
    func eachPanelInItsFrame(_ id: PanelID, _ language: Language) {
        let s = SampleState.state(language: language)
        var c = Canvas(size: Size(width: 40, height: 11))
        PanelView.draw(s.panels[id]!, context(s), c.bounds, into: &c)
        check(c, "panel-\(id)-40x11-\(language.rawValue)")
    }

    @Test func aPanelInLittleRoomKeepsItsHeadline() {
        let s = SampleState.state()
        var c = Canvas(size: Size(width: 28, height: 6))
        PanelView.draw(.dossiers, context(s), c.bounds, into: &c)
        check(c, "panel-dossiers-28x6-vi")
    }

    @Test(arguments: PanelRegistry.standard.ids)
    func eachKioskTile(_ id: PanelID) {
        let s = SampleState.state()
        var c = Canvas(size: Size(width: 48, height: 11))
        KioskView.tile(s.panels[id]!, context(s), c.bounds, into: &c)
        check(c, "tile-\(id)-48x11")
    }

    @Test(arguments: [60, 80, 120])
    func theHeaderAndTheStatusBar(width: Int) {
        var s = SampleState.state(size: Size(width: width, height: 16))
        _ = SampleState.press(&s, "/ x u y e n Enter")
        let layout = Layout.make(s)!
        var full = Canvas(size: s.size)
        HeaderView.draw(s, layout, into: &full)
        // The two header rows and the status bar, without the body between.
        var c = Canvas(size: Size(width: width, height: 3))
        for (y, from) in [0, 1, s.size.height - 1].enumerated() {
            for x in 0..<width where !full[x, from].isContinuation {
                c.put(full.symbol(x: x, y: from), width: Int(full[x, from].width), x: x, y: y, role: full[x, from].role)
            }
        }
        check(c, "header-status-\(width)")
    }

    @Test func theDistrictTableAt80Columns() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        _ = SampleState.press(&s, "j j")
        let layout = Layout.make(s)!
        var c = Canvas(size: Size(width: 80, height: 16))
        TableView.draw(s, layout, Rect(x: 0, y: 0, width: 80, height: 16), into: &c)
        check(c, "table-districts-80x16")
    }
}
