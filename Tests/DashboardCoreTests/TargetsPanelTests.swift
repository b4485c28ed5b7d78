import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The Targets (Chỉ tiêu) panel of issue 28, generic over indicator sets: fed by files written
/// by hand (`CommitteeFixtures`), a new set is rows, not code.
@Suite struct TargetsPanelTests {
    static func snapshot(_ files: [String: String]) -> Snapshot {
        switch SnapshotLoader.load(directory: CommitteeFixtures.sample(with: files)) {
        case .success(let s): return s
        case .failure(let f): fatalError("the sample with indicators does not load: \(f.errors.map(\.description))")
        }
    }

    static let base = ["indicators.csv": CommitteeFixtures.indicators, "indicator_values.csv": CommitteeFixtures.indicatorValues]
    static let snapshot = snapshot(base)
    static let q2 = Period.quarter(year: 2024, quarter: 2)

    static func context(_ s: Snapshot, unit: Int = 0, language: Language = .vi) -> PanelContext {
        PanelContext(state: SampleState.state(language: language, snapshot: s), snapshot: s,
                     figures: UnitFigures(snapshot: s, unit: unit, period: q2))
    }

    @Test func theHeadlineCountsStatusesAndNoDataIsNotZero() throws {
        let t = try #require(Self.context(Self.snapshot).figures.targetFigures)
        let (first, rest) = TargetsPanel.headline(t, Strings(.vi), NumberFormat(.vi))
        #expect(first == "2/7 chỉ tiêu đúng lộ trình")
        #expect(rest == "2 có nguy cơ · 2 chưa đạt · 1 chưa có số liệu")
        let tile = TargetsPanel.tile(Self.context(Self.snapshot), .unicode)
        #expect(tile.label == "Chỉ tiêu đúng lộ trình" && tile.big == "2/7")
        let table = TargetsPanel.expanded(Self.context(Self.snapshot), [], .unicode)
        let fivePointG = try #require(table.rows.first { $0.first == "23.4" })
        #expect(fivePointG[2] == "—" && fivePointG[3] == "chưa có số liệu" && fivePointG[6] == "chưa có số liệu")
        let online = try #require(table.rows.first { $0.first == "11.1" })
        #expect(online[2] == "52%" && online[3] == "Quý II/2024" && online[4] == "50%" && online[5] == "80% (2025)"
                && online[6] == "Đạt" && online[7] == "NQ 03/NQ-CP")
        // The worst first within a set: behind, at risk, no data, on track.
        #expect(table.rows.map(\.[0]) == ["", "11.2", "11.6", "23.4", "11.1", "", "X.3", "X.2", "X.1"])
    }

    @Test func reportJSONListsEveryIndicatorWithItsStatusAndNullWithoutTheFile() throws {
        let text = Report(snapshot: Self.snapshot, period: Self.q2, language: .vi).rendered(as: .json)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let list = try #require(o["indicators"] as? [[String: Any]])
        #expect(list.count == 7)
        let online = try #require(list.first { $0["code"] as? String == "11.1" })
        #expect(online["value"] as? Double == 52 && online["period"] as? String == "2024-Q2" && online["target_value"] as? Double == 80
                && online["target_year"] as? Int == 2025 && online["status"] as? String == "on_track")
        let fiveG = try #require(list.first { $0["code"] as? String == "23.4" })
        #expect(fiveG["value"] is NSNull && fiveG["period"] is NSNull && fiveG["status"] as? String == "no_data")
        #expect(list.map { $0["status"] as! String }.filter { $0 == "at_risk" }.count == 2)
        let bare = try #require(try JSONSerialization.jsonObject(
            with: Data(Report(snapshot: SampleState.withoutCommitteeFiles, period: Self.q2, language: .vi).rendered(as: .json).utf8)) as? [String: Any])
        #expect(bare["indicators"] is NSNull)
    }

    /// A province's own plan, added as rows of indicators.csv (and its values), shows with no
    /// change of code: its set, its indicators and their statuses.
    @Test func aNewIndicatorSetAddedAsRowsShowsWithNoCodeChange() throws {
        let plan = "Kế hoạch tỉnh 2025–2030,TQ.1,Kinh tế số trong GRDP,Digital economy in GRDP,%,higher,2023,6,20,2030,NQ Đại hội tỉnh\n"
            + "Kế hoạch tỉnh 2025–2030,TQ.2,Xã có trên 80% hồ sơ trực tuyến toàn trình,Communes over 80% fully online,count,higher,2023,10,124,2030,UBND tỉnh\n"
        let values = "2024-Q1,02,TQ.1,5.5,,,\n"
        let s = Self.snapshot(["indicators.csv": CommitteeFixtures.indicators + plan,
                               "indicator_values.csv": CommitteeFixtures.indicatorValues + values])
        #expect(s.plan?.sets == ["Quốc gia", "Tỉnh", "Kế hoạch tỉnh 2025–2030"])
        let table = TargetsPanel.expanded(Self.context(s), [], .unicode)
        #expect(table.rows.contains { $0 == ["", "Kế hoạch tỉnh 2025–2030"] })
        // March 2024: 6 + 14 × 3/84 = 6,5 on the line, 5,5 within 1,4 of it: at risk.
        #expect(table.rows.first { $0.first == "TQ.1" }?[6] == "Nguy cơ")
        #expect(table.rows.first { $0.first == "TQ.2" }?[2] == "—")
        let t = try #require(Self.context(s).figures.targetFigures)
        #expect(TargetsPanel.headline(t, Strings(.vi), NumberFormat(.vi)).0 == "2/9 chỉ tiêu đúng lộ trình")
        let en = TargetsPanel.expanded(Self.context(s, language: .en), [], .unicode)
        #expect(en.rows.first { $0.first == "TQ.1" }?[1] == "Digital economy in GRDP")
    }

    @Test func aCommuneShowsItsOwnValues() throws {
        let qt = try #require(Self.snapshot.units.unit(code: "00688")?.index)
        let t = try #require(Self.context(Self.snapshot, unit: qt).figures.targetFigures)
        #expect(TargetsPanel.headline(t, Strings(.vi), NumberFormat(.vi)) == ("0/7 chỉ tiêu đúng lộ trình",
                                                                               "0 có nguy cơ · 1 chưa đạt · 6 chưa có số liệu"))
    }

    @Test func itIsDrawnOnSmallAndLargeScreens() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 300, height: 80)] {
            var s = SampleState.state(size: size, snapshot: Self.snapshot)
            _ = SampleState.press(&s, "6")
            #expect(s.focus == .panel(.targets), "at \(size)")
            let text = render(s).textDump()
            #expect(text.contains("2/7 chỉ tiêu đúng lộ trình"), "at \(size)")
        }
        var c = Canvas(size: Size(width: 40, height: 11))
        var lines = PanelLines(inner: Rect(x: 1, y: 1, width: 38, height: 9))
        TargetsPanel.compact(Self.context(Self.snapshot), &lines, &c)
        let dump = c.textDump(styles: false)
        #expect(dump.contains("2/7 chỉ tiêu đúng lộ trình") && dump.contains("số liệu đến Quý II/2024"))
    }
}
