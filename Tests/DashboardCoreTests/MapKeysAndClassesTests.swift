import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// Issue 30: with `Tab` on the map the status bar shows the map's keys; the legend's classes
/// are disjoint as written.
@Suite struct MapKeysAndClassesTests {
    static func statusLine(_ s: AppState) -> String {
        render(s).plainText.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.allSatisfy { $0 == " " } }.map(String.init) ?? ""
    }

    @Test func onTheMapTheStatusBarShowsTheMapsKeys() {
        for (language, move, back, sort) in [(Language.vi, "đơn vị bên cạnh", "về danh sách", "sắp xếp"), (.en, "neighbour", "to table", "sort")] {
            var s = SampleState.state(size: Size(width: 80, height: 24), language: language)
            _ = SampleState.press(&s, "b")
            #expect(Self.statusLine(s).contains(sort))   // the table has the keys
            _ = SampleState.press(&s, "Tab")
            #expect(inputMode(s) == .map)
            let line = Self.statusLine(s)
            #expect(line.contains("↑↓←→ \(move)"), "\(line)")
            #expect(line.contains("Esc \(back)"), "\(line)")
            #expect(!line.contains(sort), "\(line)")
            _ = SampleState.press(&s, "Esc")
            #expect(Self.statusLine(s).contains(sort))
        }
    }

    @Test func classesAreDisjointAsWritten() {
        let f = NumberFormat(.vi)
        let shown: (Double) -> String = { f.percent($0) }
        // 0,7948 and 0,7952 both read 79,5%: they fall in one class, not across a boundary.
        let values = [0.789, 0.790, 0.7948, 0.7952, 0.800, 0.806]
        let c = MapClasses(values: values, shown: shown)
        let texts = c.bounds.map { (shown($0.0), shown($0.1)) }
        for k in texts.indices.dropFirst() { #expect(texts[k].0 != texts[k - 1].1, "\(texts)") }
        #expect(c.index(of: 0.7948) == c.index(of: 0.7952))
        #expect(texts.map(\.0) == ["78,9%", "79,0%", "79,5%", "80,0%", "80,6%"], "\(texts)")
        // Without a way of writing, exact values decide, as before.
        #expect(MapClasses(values: values).bounds.count == 5)
    }

    @Test func theLegendOnTheSampleNeverRepeatsABound() {
        for size in [Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            for panel in ["1", "2", "3"] {
                // Tuyên Quang's khu vực: online shares 79,48% and 79,52% read alike (78,9%–79,5%, 79,5%–80,6% before).
                var s = AppState()
                s.size = size
                s.now = Date(timeIntervalSince1970: 1_793_952_000)
                _ = update(&s, .snapshotLoaded(TwoTierTests.snapshot))
                _ = SampleState.press(&s, "b \(panel)")
                let text = render(s).plainText
                // Every "a–b" of the legend: no b is the next class's a.
                let pairs = text.split(separator: "\n").compactMap { line -> (String, String)? in
                    guard let r = line.range(of: #"[0-9.,%]+–[0-9.,%]+"#, options: .regularExpression) else { return nil }
                    let parts = line[r].split(separator: "–").map(String.init)
                    return (parts[0], parts[1])
                }
                for k in pairs.indices.dropFirst() { #expect(pairs[k].0 != pairs[k - 1].1, "\(pairs)") }
            }
        }
    }
}
