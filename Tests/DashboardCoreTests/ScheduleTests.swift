import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Time is data: `update` and `nextWake` decide what happens when, from ticks the tests give.
@Suite struct ScheduleTests {
    static let t0 = Instant(wall: SampleState.now, monotonic: 1000)

    func at(_ seconds: Double, wall: Date? = nil) -> Event {
        .tick(Instant(wall: wall ?? SampleState.now.addingTimeInterval(seconds), monotonic: 1000 + seconds))
    }

    func kiosk(clock: Bool, interval: Double = 2) -> AppState {
        var s = AppState()
        s.size = Size(width: 120, height: 40)
        s.showClock = clock
        s.kiosk = KioskState(interval: interval)
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        _ = update(&s, .tick(Self.t0))
        return s
    }

    @Test(arguments: [true, false])
    func theKioskStepsAtTheIntervalFromTheFirstTick(clock: Bool) {
        var s = kiosk(clock: clock)
        #expect(nextWake(s) == 1002)
        _ = update(&s, at(1.9))
        #expect(s.kiosk!.position == 0)
        _ = update(&s, at(2))
        #expect(s.kiosk!.position == 1)
        #expect(nextWake(s) == 1004)
    }

    @Test func aClockSetBackOrForwardDoesNotMoveTheRotation() {
        var s = kiosk(clock: false)
        _ = update(&s, at(2, wall: Date(timeIntervalSince1970: 0)))
        #expect(s.kiosk!.position == 1)
        _ = update(&s, at(3, wall: Date(timeIntervalSince1970: 4_000_000_000)))
        #expect(s.kiosk!.position == 1)
    }

    @Test func pausingAndSteppingReschedule() {
        var s = kiosk(clock: false, interval: 10)
        _ = update(&s, at(5))
        _ = SampleState.press(&s, "Space")
        #expect(s.kiosk!.paused)
        _ = update(&s, at(50))
        #expect(s.kiosk!.position == 0)
        #expect(nextWake(s)! > 1050) // only the hourly tick while paused
        _ = SampleState.press(&s, "Space")
        #expect(nextWake(s) == 1060)
        _ = update(&s, at(55))
        _ = SampleState.press(&s, "Right")
        #expect(s.kiosk!.position == 1 && nextWake(s) == 1065)
    }

    @Test func theClockWakesOnTheMinuteAndStaleDataOnTime() {
        var s = SampleState.state()
        // 2024-07-10 09:00:00 + 12.5 s: the next minute is 47.5 s away.
        _ = update(&s, .tick(Instant(wall: SampleState.now.addingTimeInterval(12.5), monotonic: 500)))
        #expect(nextWake(s) == 547.5)
        s.showClock = false
        // Without the clock: the hour, or the moment the data turns stale, whichever is first.
        s.staleAfter = 5 * 86400 + 3600 * 20 // the export was 2024-07-05 08:00
        let generated = SampleState.snapshot.manifest.generatedAt.timeIntervalSince1970
        let staleAt = 500 + generated + s.staleAfter - (SampleState.now.timeIntervalSince1970 + 12.5)
        #expect(abs(nextWake(s)! - min(staleAt, 500 + 3600 - 12.5)) < 1e-6)
        #expect(nextWake(AppState()) == nil)
    }

    @Test func aClockEarlierThanTheExportIsFlaggedNotSilent() {
        var s = SampleState.state()
        _ = update(&s, .tick(Instant(wall: Date(timeIntervalSince1970: 0), monotonic: 5)))
        #expect(s.clockIsBehind && s.staleDays == nil)
        #expect(render(s).line(0).contains("ĐỒNG HỒ MÁY SAI"))
        s.kiosk = KioskState()
        #expect(render(s).line(39).contains("ĐỒNG HỒ MÁY SAI"))
    }

    @Test func startUpNotesAreDrawnUntilTheFirstKey() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        s.notes = ["config.toml:3: unknown setting \"colour\" — ignored"]
        #expect(render(s).line(23).contains("config.toml:3"))
        _ = SampleState.press(&s, "j")
        #expect(!render(s).line(23).contains("config.toml:3"))
    }

    @Test func signalsAndAClosedTerminalQuitThroughUpdate() {
        var s = SampleState.state()
        #expect(update(&s, .terminate) == [.quit])
        var t = SampleState.state()
        #expect(update(&t, .terminalClosed) == [.quit])
    }

    @Test func anArrivingExportIsShownUntilItLoads() {
        var s = SampleState.state()
        _ = update(&s, .snapshotArriving("dossiers.csv"))
        #expect(render(s).line(39).contains("dossiers.csv"))
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.arriving == nil)
    }
}
