import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30's last points, seen on the screen: the 766 estimate on the 120×40 Tuyên Quang
/// overview, a partial quarter's panel changes naming the months compared, and screens that use
/// their height (society panel, table, kiosk ranking) and the map's box (names at province level).
@Suite struct UsedScreenTests {
    static func lines(_ s: AppState) -> [String] {
        let canvas = render(s)
        return (0..<s.size.height).map { canvas.line($0) }
    }

    /// The rows inside the frame titled `title` (between its sides), top to bottom.
    static func panel(_ lines: [String], _ title: String) -> [String] {
        guard let top = lines.firstIndex(where: { $0.contains("┌ \(title) ") }) else { return [] }
        let cols = Array(lines[top])
        guard let x0 = cols.indices.first(where: { String(cols[$0...]).hasPrefix("┌ \(title) ") }),
              let x1 = cols[x0...].firstIndex(of: "┐") else { return [] }
        var out: [String] = []
        for line in lines[(top + 1)...] {
            let c = Array(line)
            guard c.count > x1, c[x0] == "│" else { break }
            out.append(String(c[(x0 + 1)..<x1]))
        }
        return out
    }

    @Test func theEstimateOf766IsOnTheTuyenQuangOverviewAt120x40() {
        let dossiers = Self.panel(Self.lines(TwoTierTests.state(size: Size(width: 120, height: 40), panels: TwoTierTests.fivePanels)), "1 Hồ sơ TTHC")
        #expect(dossiers.contains { $0.contains("766 ước tính") && $0.contains("46,3/52,7 điểm") }, "\(dossiers)")
        // Every line of the panel still there: received, its change, both shares, overdue, the date.
        for label in ["Tiếp nhận", "so T7", "Trực tuyến", "Đúng hạn", "Đang giải quyết quá hạn", "đến 31/10/2026"] {
            #expect(dossiers.contains { $0.contains(label) }, "\(label)")
        }
        let en = TwoTierTests.state(size: Size(width: 120, height: 40), language: .en, panels: TwoTierTests.fivePanels)
        #expect(Self.panel(Self.lines(en), "1 Admin dossiers").contains { $0.contains("766 estimate") && $0.contains("46.3/52.7 points") })
    }

    /// Quý IV/2026 holds October only: each panel's change is against July and October 2025, said
    /// so (`so T7`, `so T10/2025`), never "so kỳ trước" as if a quarter against a quarter.
    @Test func aPartialQuartersPanelChangesNameTheMonthsCompared() {
        let screen = Self.lines(TwoTierTests.state(size: Size(width: 120, height: 40), panels: TwoTierTests.fivePanels))
        let tourism = Self.panel(screen, "4 Du lịch")
        #expect(tourism.contains { $0.contains("▲ 138,2% so T7 · ▲ 5,1% so T10/2025") }, "\(tourism)")
        for title in ["1 Hồ sơ TTHC", "2 Hạ tầng số (BTS)", "4 Du lịch", "5 Xã hội số"] {
            let p = Self.panel(screen, title)
            #expect(!p.isEmpty, "\(title)")
            #expect(!p.contains { $0.contains("so kỳ trước") || $0.contains("so cùng kỳ") }, "\(title): \(p)")
        }
        // The shares' points line alike, at a wall size.
        let wall = Self.panel(Self.lines(TwoTierTests.state(size: Size(width: 200, height: 55), panels: TwoTierTests.fivePanels)), "1 Hồ sơ TTHC")
        #expect(wall.contains { $0.contains("T7 ▲5,0 · T10/2025 ▲0,2 điểm %") }, "\(wall)")
        // In English.
        let en = Self.panel(Self.lines(TwoTierTests.state(size: Size(width: 120, height: 40), language: .en, panels: TwoTierTests.fivePanels)), "4 Tourism")
        #expect(en.contains { $0.contains("vs Jul") && $0.contains("vs Oct 2025") }, "\(en)")
        // A whole quarter keeps its words (the header names the quarters).
        var q3 = TwoTierTests.state(size: Size(width: 120, height: 40), panels: TwoTierTests.fivePanels)
        q3.periodKind = .quarter
        q3.periodOffset = -1
        #expect(Self.panel(Self.lines(q3), "4 Du lịch").contains { $0.contains("so kỳ trước") && $0.contains("so cùng kỳ") })
    }

    @Test func monthsComparedWithinAPanel() {
        let vi = NumberFormat(.vi), en = NumberFormat(.en)
        let oct = Span(.quarter(year: 2026, quarter: 4), dataEnd: Day(year: 2026, month: 10, day: 31)!)
        #expect(vi.monthsCompared(oct.previous, shownYear: 2026) == "T7")
        #expect(vi.monthsCompared(oct.sameLastYear, shownYear: 2026) == "T10/2025")
        let nov = Span(.quarter(year: 2026, quarter: 4), dataEnd: Day(year: 2026, month: 11, day: 30)!)
        #expect(vi.monthsCompared(nov.previous, shownYear: 2026) == "T7–8")
        #expect(en.monthsCompared(nov.previous, shownYear: 2026) == "Jul–Aug")
        #expect(en.monthsCompared(nov.sameLastYear, shownYear: 2026) == "Oct–Nov 2025")
        // January's quarter against October's months of the year before.
        let jan = Span(.quarter(year: 2027, quarter: 1), dataEnd: Day(year: 2027, month: 1, day: 31)!)
        #expect(vi.monthsCompared(jan.previous, shownYear: 2027) == "T10/2026")
        // A whole period has none.
        let q3 = Span(.quarter(year: 2026, quarter: 3), dataEnd: Day(year: 2026, month: 10, day: 31)!)
        #expect(vi.monthsCompared(q3.previous, shownYear: 2026) == nil)
    }

    /// At 200×55 the society panel left 13 of its 27 rows blank: its rows below the figures now
    /// chart the activation rate by month against its 80% target.
    @Test func theSocietyPanelUsesItsHeightAt200x55() {
        let society = Self.panel(Self.lines(TwoTierTests.state(size: Size(width: 200, height: 55), panels: TwoTierTests.fivePanels)), "5 Xã hội số")
        #expect(society.count >= 20)
        let blank = society.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(blank <= 2, "\(blank) blank rows: \(society)")
        #expect(society.contains { $0.contains("Tỷ lệ kích hoạt VNeID theo tháng") })
        #expect(society.contains { $0.contains("80%") && $0.contains("─") }, "the target line")
        // Months before society.csv begins are left empty, never drawn as 0%.
        #expect(!society.contains { $0.contains(" 0%") })
    }

    /// The province's map at 80×24 and 120×40 had no names (none fit on the land): the legend
    /// names the units of each class, and the unit selected with its figure.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func theProvincesMapNamesItsUnits(_ size: Size) throws {
        var s = TwoTierTests.state(size: size, panels: TwoTierTests.fivePanels)
        _ = SampleState.press(&s, "b")
        #expect(s.showMap)
        let screen = Self.lines(s)
        let map = Self.panel(screen, "Bản đồ: Trực tuyến")
        #expect(!map.isEmpty)
        let text = map.joined(separator: "\n")
        let snap = TwoTierTests.snapshot
        for code in snap.units.province.children {
            let name = UnitNames.base(snap.units.units[code])
            #expect(text.contains(name), "\(name) at \(size)")
        }
        #expect(text.contains("đang chọn: Bắc Mê 77,4%"))
        // The lowest class names its three khu vực on its own row.
        #expect(map.contains { $0.contains("77,4%–77,8%") && $0.contains("Bắc Mê, Xín Mần, Mèo Vạc") })
    }

    /// Hà Giang at 160×48 left rows empty under its 11 districts: the panels take them.
    @Test func noEmptyRowsUnderTheTableAt160x48() throws {
        let screen = Self.lines(SampleState.state(size: Size(width: 160, height: 48)))
        let top = try #require(screen.firstIndex { $0.contains("┌ Huyện, thành phố (11)") })
        let rows = screen[(top + 1)...].prefix { !$0.hasPrefix("└") }
        #expect(rows.count == 1 + 11 + 1, "header, 11 districts, the remainder")
        #expect(!rows.contains { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).isEmpty })
        // Eight rows or more to spare stand under the table as the units needing attention.
        let wall = Self.lines(SampleState.state(size: Size(width: 200, height: 60))).joined(separator: "\n")
        #expect(wall.contains("Xa mục tiêu nhất"))
    }

    /// The kiosk's panel steps at 200×60 left 8 (Tuyên Quang) to 11 (Hà Giang) rows blank under
    /// the ranking: the units are spread over its height.
    @Test(arguments: [false, true])
    func theKioskRankingUsesItsHeight(twoTier: Bool) throws {
        var s = AppState()
        s.size = Size(width: 200, height: 60)
        s.now = twoTier ? Date(timeIntervalSince1970: 1_794_290_400) : SampleState.now
        s.kiosk = KioskState(parts: ["overview", "panels"], interval: 20)
        _ = update(&s, .snapshotLoaded(twoTier ? TwoTierTests.snapshot : SampleState.snapshot))
        _ = update(&s, .tick(Instant(s.now!)))
        for step in 1...3 {
            _ = SampleState.press(&s, "Right")
            let screen = Self.lines(s)
            let top = try #require(screen.firstIndex { $0.contains("┌ Xếp hạng:") }, "step \(step)")
            let rows = Array(screen[(top + 1)...].prefix { !$0.hasPrefix("└") })
            let isBlank = { (l: String) in l.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).isEmpty }
            let trailing = rows.reversed().prefix(while: isBlank).count
            #expect(trailing <= 1, "step \(step): \(trailing) blank rows under the ranking")
            let leading = rows.prefix(while: isBlank).count
            #expect(leading == 0)
            // Every unit ranked, none paged.
            #expect(!screen[top].contains("1–"), "step \(step) pages")
        }
    }

    /// On the 137×38 console the ranking has one row a unit and four to spare under 18 units:
    /// a blank row after every fifth rank, one at most under the last.
    @Test func theConsoleKioskRankingReadsByFives() throws {
        var s = AppState()
        s.size = Size(width: 137, height: 38)
        s.ascii = true
        s.now = Date(timeIntervalSince1970: 1_794_290_400)
        s.kiosk = KioskState(parts: ["overview", "panels"], interval: 20)
        _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
        _ = update(&s, .tick(Instant(s.now!)))
        _ = SampleState.press(&s, "Right")
        let screen = Self.lines(s)
        let top = try #require(screen.firstIndex { $0.contains("+ Xep hang:") })
        let rows = Array(screen[(top + 1)...].prefix { !$0.hasPrefix("+") })
        let blank = rows.indices.filter { rows[$0].trimmingCharacters(in: CharacterSet(charactersIn: "| ")).isEmpty }
        #expect(blank == [5, 11, 17, 21], "\(blank)")
        #expect(rows.count - blank.count == 18)
    }
}

/// The wall screen's overview with the eight panels of the Tuyên Quang sample (issue 28's three
/// added): the tiles shrink to keep the ranking, instead of taking the whole screen.
@Suite struct KioskEightPanelsTests {
    @Test(arguments: [Size(width: 137, height: 38), Size(width: 120, height: 34)])
    func theOverviewKeepsItsRanking(_ size: Size) throws {
        var s = AppState()
        s.size = size
        s.now = Date(timeIntervalSince1970: 1_794_290_400)
        s.kiosk = KioskState(parts: ["overview"], interval: 20)
        _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
        #expect(s.shownPanels.count == 8)
        let frame = KioskView.frame(s)
        #expect(frame.tiles.count == 8)
        #expect(frame.tiles.allSatisfy { $0.1.height >= 5 })
        let table = try #require(frame.table, "no ranking at \(size.width)×\(size.height)")
        #expect(table.height >= 13)
        #expect(render(s).textDump(styles: false).contains("Xếp hạng: Hồ sơ TTHC"))
    }
}
