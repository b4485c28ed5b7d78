import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

@Suite struct KioskTests {
    func kioskState(size: Size = Size(width: 200, height: 60), allowQuit: Bool = false) -> AppState {
        var s = AppState()
        s.size = size
        s.now = SampleState.now
        s.kiosk = KioskState(interval: 20, allowQuit: allowQuit)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        _ = update(&s, .tick(Instant(SampleState.now)))
        return s
    }

    @Test func thePlaylistIsTheOverviewEachPanelAndEachDistrict() {
        let s = kioskState()
        let list = s.kiosk!.playlist(for: SampleState.snapshot)
        #expect(list.count == 1 + 5 + 11)
        #expect(list[0] == .overview)
        #expect(list[1] == .panel(.dossiers))
        #expect(list[5] == .panel(.society))
        #expect(list[6] == .district("024"))
        #expect(KioskState(parts: ["bts", "district:030"]).playlist(for: nil) == [.panel(.bts), .district("030")])
    }

    @Test func rotatesWhenTheIntervalHasPassed() {
        var s = kioskState()
        _ = update(&s, .tick(Instant(SampleState.now.addingTimeInterval(10))))
        #expect(s.kiosk!.position == 0)
        _ = update(&s, .tick(Instant(SampleState.now.addingTimeInterval(20))))
        #expect(s.kiosk!.position == 1)
        #expect(s.expandedPanel == .dossiers)
        for k in 2...6 { _ = update(&s, .tick(Instant(SampleState.now.addingTimeInterval(Double(20 * k))))) }
        #expect(s.kioskStep == .district("024"))
        #expect(s.place == .district("024"))
    }

    @Test func spacePausesAndArrowsStep() {
        var s = kioskState()
        _ = SampleState.press(&s, "Space")
        #expect(s.kiosk!.paused)
        _ = update(&s, .tick(Instant(SampleState.now.addingTimeInterval(100))))
        #expect(s.kiosk!.position == 0)
        _ = SampleState.press(&s, "Right Right")
        #expect(s.kiosk!.position == 2)
        #expect(s.expandedPanel == .bts)
        _ = SampleState.press(&s, "Left Left Left")
        #expect(s.kioskStep == .district("035"))
        #expect(render(s).line(59).contains("TẠM DỪNG"))
    }

    @Test func visitorsCannotQuitOrWander() {
        var s = kioskState()
        #expect(SampleState.press(&s, "q C-c / Enter ? t m") == [])
        #expect(!s.shouldQuit && s.search == nil && !s.showHelp && s.place == .province)
        var allowed = kioskState(allowQuit: true)
        #expect(SampleState.press(&allowed, "q") == [.quit])
    }

    @Test func showsNoKeyHintsAndALoudStaleBanner() {
        var s = kioskState()
        s.now = SampleState.now.addingTimeInterval(60 * 86400)
        let screen = render(s)
        #expect(!screen.plainText.contains("q thoát"))
        #expect(screen.line(59).contains("DỮ LIỆU CŨ"))
        _ = update(&s, .snapshotRefused(SnapshotFailure(errors: [SnapshotIssue(file: "ocop.csv", line: 4, message: "stars \"6\" must be 3, 4 or 5")])))
        #expect(render(s).line(59).contains("ocop.csv:4: stars"))
        #expect(render(s).plainText.contains("███"))     // the last good figures stay, in large digits
    }

    @Test(arguments: ["kiosk-overview-200x60", "kiosk-bts-200x60", "kiosk-district-120x40", "kiosk-overview-80x24-ascii",
                      "kiosk-society-200x60", "kiosk-overview-137x38"])
    func kioskScreensMatchTheirGoldens(_ name: String) {
        var s: AppState
        switch name {
        case "kiosk-bts-200x60": s = kioskState(); _ = SampleState.press(&s, "Right Right")
        case "kiosk-district-120x40": s = kioskState(size: Size(width: 120, height: 40)); _ = SampleState.press(&s, "Left")
        case "kiosk-overview-80x24-ascii": s = kioskState(size: Size(width: 80, height: 24)); s.ascii = true
        case "kiosk-society-200x60": s = kioskState(); _ = SampleState.press(&s, "Right Right Right Right Right")
        case "kiosk-overview-137x38": s = kioskState(size: Size(width: 137, height: 38))
        default: s = kioskState()
        }
        let path = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Screens/\(name).txt"
        let problem = Golden.compare(render(s).textDump(), to: path)
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }
}
