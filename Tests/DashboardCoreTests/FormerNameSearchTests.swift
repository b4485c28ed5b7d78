import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Search by old names (issue 30): after 330 communes became 124, members search by the names
/// they know; each old name says where it went and from when.
@Suite struct FormerNameSearchTests {
    func labels(_ s: AppState) -> [String] {
        TableModel.searchResults(s).map { $0.formerLabel(s.format, arrow: "→") ?? $0.unit.name }
    }

    @Test func anOldCommuneIsFoundWithWhereItWent() throws {
        var s = TwoTierTests.state()
        _ = SampleState.press(&s, "/ d a o Space d u c")
        #expect(labels(s) == ["Xã Đạo Đức → Xã Vị Xuyên (từ 01/07/2025)"])
        let screen = render(s).plainText
        #expect(screen.contains("Xã Đạo Đức → Xã Vị Xuyên (từ 01/07/2025)"), "\(screen)")
        _ = SampleState.press(&s, "Enter")
        #expect(s.place == .commune("00913"))
        #expect(s.search == nil)
        // Back up: the former district Vị Xuyên, on the row of Xã Vị Xuyên.
        _ = SampleState.press(&s, "Esc")
        #expect(s.place == .district("030"))
        #expect(TableModel.rows(s)[s.selectedRow].unit.code == "00913")
    }

    @Test func inEnglishAndInPart() {
        var s = TwoTierTests.state(language: .en)
        _ = SampleState.press(&s, "/ D A O Space D U C")
        #expect(labels(s) == ["Xã Đạo Đức → Xã Vị Xuyên (since 2025-07-01)"])
        var q = TwoTierTests.state()
        // Phường Quang Trung was split between Hà Giang 1 and Hà Giang 2.
        _ = SampleState.press(&q, "/ q u a n g Space t r u n g")
        #expect(labels(q) == ["Phường Quang Trung → Phường Hà Giang 1 (một phần, từ 01/07/2025)",
                              "Phường Quang Trung → Phường Hà Giang 2 (một phần, từ 01/07/2025)"])
    }

    /// Current names first; an old name whose unit is already listed is not repeated.
    @Test func currentNamesComeFirstAndNothingTwice() {
        var s = TwoTierTests.state()
        _ = SampleState.press(&s, "/ v i e t Space l a m")
        #expect(labels(s) == ["Xã Việt Lâm", "Thị trấn Nông Trường Việt Lâm → Xã Vị Xuyên (từ 01/07/2025)",
                              "Xã Việt Lâm → Xã Vị Xuyên (một phần, từ 01/07/2025)"])
        var v = TwoTierTests.state()
        _ = SampleState.press(&v, "/ v i Space x u y e n")
        #expect(TableModel.searchResults(v).allSatisfy { $0.former == nil })
        // At 80 columns a long old name is given short, so that the date shows.
        var narrow = TwoTierTests.state(size: Size(width: 80, height: 24))
        _ = SampleState.press(&narrow, "/ v i e t Space l a m")
        #expect(render(narrow).plainText.contains("Nông Trường Việt Lâm → Xã Vị Xuyên (từ 01/07/2025)"))
        var h = TwoTierTests.state()
        _ = SampleState.press(&h, "/ h u y e n Space v i Space x u y e n")
        #expect(labels(h) == ["Huyện Vị Xuyên (đến 30/06/2025) → khu vực Vị Xuyên (cũ)"])
    }

    /// A snapshot without a change of catalogue (Hà Giang 2024) finds only its own units.
    @Test func noChangeNoFormerNames() {
        var s = SampleState.state()
        _ = SampleState.press(&s, "/ d a o Space d u c")
        #expect(TableModel.searchResults(s).map(\.unit.name) == ["Xã Đạo Đức"])
        #expect(TableModel.searchResults(s).allSatisfy { $0.former == nil })
    }
}
