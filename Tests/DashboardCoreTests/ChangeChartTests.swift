import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: a count that grows by a few a month is charted from a baseline near its data, and
/// the chart says so; at zero it was a solid wall.
@Suite struct ChangeChartTests {
    static func rows(_ chart: MonthChart) -> [String] {
        var c = Canvas(size: Size(width: 40, height: 7))
        chart.draw(in: c.bounds, format: NumberFormat(.vi), into: &c)
        return c.textDump().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aStockIsChartedFromNearItsData() {
        let values: [Double?] = (0..<12).map { 3_790 + Double($0 * 2) }
        let chart = MonthChart(title: "Trạm", values: values, lastMonth: Month(year: 2026, month: 10), axisFromWords: "trục từ")
        let rows = Self.rows(chart)
        #expect(rows[0].contains("Trạm · trục từ 3.770"), "\(rows.joined(separator: "\n"))")
        // The top row of the bars: the last months reach it, the first do not.
        let top = rows[1]
        #expect(top.contains("█") && top.contains(" "), "\(rows.joined(separator: "\n"))")
        let bottom = rows[5]
        #expect(bottom.filter { $0 == "█" || $0 == " " }.count > 0)
        // From zero it was a wall: every column full to the top.
        let wall = Self.rows(MonthChart(title: "Trạm", values: values, lastMonth: Month(year: 2026, month: 10)))
        #expect(!wall[0].contains("trục từ"))
        #expect(MonthChart.baselineNear([3_797, 3_814]) > 3_700)
        #expect(MonthChart.baselineNear([0, 5]) == 0)
    }

    @Test(arguments: [Language.vi, .en])
    func theWallScreensBTSAndOCOPChartsSayTheirBaseline(_ language: Language) {
        var s = SampleState.state(size: Size(width: 200, height: 60), language: language)
        _ = s
        let text = render(s).plainText
        let words = language == .vi ? "trục từ" : "axis from"
        let lines = text.split(separator: "\n").filter { $0.contains(words) }
        #expect(lines.count >= 1, "\(text)")
        s.language = language
    }
}
