import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// What overdue, on time, online share, the 766 estimate and "current figures" mean: one key
/// away (first in help) and the footnotes of `report`, in Vietnamese and in English (issue 30).
@Suite struct DefinitionsTests {
    @Test(arguments: [Language.vi, .en])
    func helpOpensOnTheDefinitions(language: Language) {
        var s = TwoTierTests.state(size: Size(width: 80, height: 24), language: language)
        _ = SampleState.press(&s, "?")
        let screen = render(s).textDump(styles: false)
        if language == .vi {
            #expect(screen.contains("Định nghĩa các chỉ tiêu"))
            #expect(screen.contains("Tiếp nhận: hồ sơ tiếp nhận trong kỳ"))
            #expect(screen.contains("Đúng hạn: (số hồ sơ giải quyết trước hạn + đúng hạn) / tổng"))
        } else {
            #expect(screen.contains("What the figures mean"))
            #expect(screen.contains("On time: (resolved before due + on due) / all resolved in"))
        }
        // Further down (scrolled), the 766 estimate with its maximum and "current figures".
        _ = SampleState.press(&s, "PageDown")
        let next = render(s).textDump(styles: false)
        #expect((screen + next).contains(language == .vi ? "52,7 điểm" : "52.7 points"))
        #expect(next.contains(language == .vi ? "Số liệu hiện tại:" : "Current figures:"))
    }

    /// The estimate's maximum said in the definitions is the one the estimate has with every column.
    @Test func theMaximumSaidIsTheEstimatesMaximum() throws {
        let e = try #require(UnitFigures(snapshot: TwoTierTests.snapshot, unit: 0, period: .quarter(year: 2026, quarter: 4)).estimate766)
        let vi = NumberFormat(.vi).decimal(e.maximum, places: 1), en = NumberFormat(.en).decimal(e.maximum, places: 1)
        #expect(vi == "52,7")
        #expect(Definitions.entries(.vi).contains { $0.text.contains("tối đa \(vi) điểm") })
        #expect(Definitions.entries(.en).contains { $0.text.contains("at most \(en) points") })
    }

    @Test(arguments: [Language.vi, .en])
    func theReportEndsWithTheDefinitions(language: Language) throws {
        let r = Report(snapshot: TwoTierTests.snapshot, period: .quarter(year: 2026, quarter: 4), language: language)
        let heading = Strings(language)[.definitions]
        let text = r.rendered(as: .text, width: 80)
        let block = try #require(text.components(separatedBy: "\n" + heading + "\n").last)
        #expect(text.contains("\n" + heading + "\n"))
        #expect(block.contains(language == .vi ? "- Đang giải quyết quá hạn: hồ sơ đang giải quyết đến cuối kỳ" : "- In progress, overdue:"))
        for line in block.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
        #expect(r.rendered(as: .markdown).contains("### \(heading)\n\n- \(Definitions.entries(language)[0].term):"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.rendered(as: .json).utf8)) as? [String: Any])
        let defs = try #require(json["definitions"] as? [[String: String]])
        #expect(defs.map { $0["term"] } == Definitions.entries(language).map(\.term))
    }
}
