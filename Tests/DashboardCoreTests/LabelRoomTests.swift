import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: `Trực t… 81,0% ◆ Có nguy cơ không đạt` at 38 columns cut the label while the status
/// took 20 columns. The status's short word ("◆ Nguy cơ") goes first; with room, the full words.
@Suite struct LabelRoomTests {
    func screen(_ size: Size, _ language: Language = .vi) -> String {
        var s = AppState()
        s.size = size
        s.language = language
        s.now = Date(timeIntervalSince1970: 1_793_952_000)     // 06/11/2026
        _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
        return render(s).plainText
    }

    @Test func theStatusShortensBeforeTheLabelIsCut() {
        let narrow = screen(Size(width: 120, height: 40))
        // The change in points (issue 30) before the status's word: the symbol stays.
        #expect(narrow.contains("│ Trực tuyến      81,0% ▲ 0,2 điểm % ◆ │"), "\(narrow)")
        #expect(narrow.contains("│ Đúng hạn        96,6% ▼ 1,5 điểm % ◆ │"))
        #expect(!narrow.contains("Trực t…") && !narrow.contains("Đúng h…"))
        // Where the full words fit, they stay.
        #expect(screen(Size(width: 240, height: 60)).contains("81,0% ◆ Có nguy cơ không đạt"))
    }
}
