import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30, "messages on the wall": a note (a broken theme, a terminal fallback) never covers
/// the stale / refused / clock / arriving banner, and the refusal an export that never finished
/// arriving turns into is in the interface's language and fits 80 columns.
@Suite struct WallMessagesTests {
    static let note = "theme-x: theme not found — using the default theme"

    func kiosk(_ size: Size) -> AppState {
        var s = SampleState.state(size: size)
        s.kiosk = KioskState()
        s.notes = [Self.note]
        return s
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func aNoteNeverHidesTheKioskBanner(_ size: Size) {
        var s = kiosk(size)
        s.now = SampleState.now.addingTimeInterval(60 * 86400)     // stale
        let screen = render(s)
        #expect(screen.line(size.height - 1).contains("DỮ LIỆU CŨ"), "\(screen.line(size.height - 1))")
        #expect(screen.line(size.height - 2).contains("theme-x"), "the note is gone")
        _ = update(&s, .tick(Instant(wall: Date(timeIntervalSince1970: 0), monotonic: 5)))     // clock behind
        #expect(render(s).line(size.height - 1).contains("ĐỒNG HỒ MÁY SAI"))
        s = kiosk(size)
        _ = update(&s, .snapshotArriving("tourism.csv"))
        #expect(render(s).line(size.height - 1).contains("tourism.csv"))
    }

    @Test func aNoteNeverHidesARefusalOrAnArrivalInTheStatusBar() {
        var s = SampleState.state(size: Size(width: 80, height: 24))
        s.notes = [Self.note]
        _ = update(&s, .snapshotArriving("tourism.csv"))
        #expect(render(s).line(23).contains("Đang nhận bản dữ liệu mới: tourism.csv"))
        #expect(render(s).line(22).contains("theme-x"))
        _ = update(&s, .snapshotRefused(SnapshotFailure(errors: [Self.mismatch])))
        #expect(render(s).line(23).contains("dossier_stats.csv"))
        #expect(render(s).line(22).contains("theme-x"))
    }

    static let mismatch = SnapshotIssue(file: "dossier_stats.csv", line: nil,
                                        message: "size differs from manifest: 29808 bytes, 29796 listed (listed in manifest.json)",
                                        kind: .listedFileDiffers)

    @Test(arguments: [Language.vi, .en])
    func theRefusalOfAnExportThatNeverArrivedIsInTheLanguageAndFits80Columns(_ language: Language) {
        for kioskMode in [false, true] {
            var s = SampleState.state(size: Size(width: 80, height: 24), language: language)
            if kioskMode { s.kiosk = KioskState() }
            _ = update(&s, .snapshotRefused(SnapshotFailure(errors: [Self.mismatch])))
            let line = render(s).line(23).trimmingCharacters(in: .whitespaces)
            let expected = language == .vi ? "Dữ liệu mới bị từ chối: dossier_stats.csv không khớp manifest.json"
                : "New data refused: dossier_stats.csv does not match manifest.json"
            #expect(line.contains(expected), "\(line)")
            #expect(!line.contains("…") && !line.contains("differs"), "\(line)")
        }
        let missing = SnapshotIssue(file: "tourism.csv", line: nil, message: "file not found (listed in manifest.json)",
                                    kind: .listedFileMissing)
        #expect(RefusalText.first(SnapshotFailure(errors: [missing]), Strings(language))
                == (language == .vi ? "tourism.csv thiếu, dù có trong manifest.json" : "tourism.csv is missing, though listed in manifest.json"))
        // Any other error is check's own `file:line: message`, whatever its words (the kind
        // decides, not a suffix of the message).
        let worded = SnapshotIssue(file: "ocop.csv", line: 2, message: "name \"x (listed in manifest.json)\" is odd")
        #expect(RefusalText.first(SnapshotFailure(errors: [worded]), Strings(language)) == worded.description)
        let other = SnapshotIssue(file: "ocop.csv", line: 4, message: "stars \"6\" must be 3, 4 or 5")
        #expect(RefusalText.first(SnapshotFailure(errors: [other]), Strings(language)) == "ocop.csv:4: stars \"6\" must be 3, 4 or 5")
    }
}
