import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The DTI panel of issue 28, fed by a `dti.csv` written by hand (`CommitteeFixtures.dti`).
@Suite struct DTIPanelTests {
    static let snapshot: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: CommitteeFixtures.sample(with: ["dti.csv": CommitteeFixtures.dti]))
        else { fatalError("the sample with dti.csv does not load") }
        return s
    }()

    static func context(language: Language = .vi) -> PanelContext {
        PanelContext(state: SampleState.state(language: language, snapshot: snapshot), snapshot: snapshot,
                     figures: UnitFigures(snapshot: snapshot, unit: 0, period: .year(2024)))
    }

    @Test func rankChangeYearAndAnnouncementAreOnScreen() {
        var c = Canvas(size: Size(width: 40, height: 6))
        var lines = PanelLines(inner: Rect(x: 1, y: 1, width: 38, height: 4))
        DTIPanel.compact(Self.context(), &lines, &c)
        let dump = c.textDump(styles: false)
        #expect(dump.contains("DTI 2023 · công bố 20/05/2024"))
        #expect(dump.contains("Hạng 7/12") && dump.contains("0,7450*"))
        #expect(dump.contains("▲ 0,0450 so 2022 (hạng 37/63)"))
        #expect(dump.contains("6/8"))
        let tile = DTIPanel.tile(Self.context(), .unicode)
        #expect(tile.big == "7/12" && tile.label == "DTI 2023 · hạng" && tile.detail == "0,7450* · công bố 20/05/2024")
        var en = Canvas(size: Size(width: 40, height: 6))
        var enLines = PanelLines(inner: Rect(x: 1, y: 1, width: 38, height: 4))
        DTIPanel.compact(Self.context(language: .en), &enLines, &en)
        #expect(en.textDump(styles: false).contains("DTI 2023 · announced 2024-05-20"))
    }

    @Test func expandedTheEightIndicesAgainstTheMeanAndTheBest() {
        let t = DTIPanel.expanded(Self.context(), [], .unicode)
        #expect(t.title == "DTI 2023 · công bố 20/05/2024 · bịa cho bài kiểm thử")
        #expect(t.rows.count == 9 && t.rows[0][0] == "DTI" && t.rows[0][2] == "7/12")
        #expect(t.rows[1][0] == "Nhận thức số" && t.rows[1][1] == "0,8050" && t.rows[1][2] == "1/12" && t.rows[1][4] == "0,8050")
        #expect(t.rows[1][3] == "0,7546")   // (0,70 + … + 0,80 + 0,805) / 12
        #expect(t.rows[8][0] == "Hoạt động xã hội số" && t.rows[8][2] == "12/12" && t.rows[8][4] == "0,8000")
    }

    @Test func reportJSONCarriesTheDTIAndNullWithoutTheFile() throws {
        let text = Report(snapshot: Self.snapshot, period: .year(2024), language: .vi).rendered(as: .json)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let d = try #require(o["dti"] as? [String: Any])
        #expect(d["year"] as? Int == 2023 && d["value"] as? Double == 0.745 && d["rank"] as? Int == 7 && d["ranked"] as? Int == 12)
        #expect(d["top10_indices"] as? Int == 6 && d["published"] as? String == "2024-05-20")
        let bare = try #require(try JSONSerialization.jsonObject(
            with: Data(Report(snapshot: SampleState.withoutCommitteeFiles, period: .year(2024), language: .vi).rendered(as: .json).utf8)) as? [String: Any])
        #expect(bare["dti"] is NSNull && bare["tasks"] is NSNull && bare["indicators"] is NSNull)
    }

    @Test func drawnAtEverySizeFromItsKey() {
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 50), Size(width: 300, height: 80)] {
            var s = SampleState.state(size: size, snapshot: Self.snapshot)
            _ = SampleState.press(&s, "6")
            #expect(s.focus == .panel(.dti), "at \(size)")
            #expect(render(s).textDump().contains("Hạng 7/12"), "at \(size)")
        }
    }
}
