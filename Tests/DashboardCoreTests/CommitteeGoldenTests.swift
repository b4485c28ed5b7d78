import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The Hà Giang sample as committed, with the committee's panels (issue 28): the overview, each
/// of the three panels expanded, in vi and en, from 80×24 to 300×80, against goldens.
@Suite struct CommitteeGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let size: Size
        let language: Language
        let keys: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "hg-committee-overview-120x40-vi", size: Size(width: 120, height: 40), language: .vi, keys: ""),
        Case(name: "hg-committee-overview-300x80-en", size: Size(width: 300, height: 80), language: .en, keys: ""),
        Case(name: "hg-committee-targets-80x24-vi", size: Size(width: 80, height: 24), language: .vi, keys: "6"),
        Case(name: "hg-committee-targets-expanded-120x40-vi", size: Size(width: 120, height: 40), language: .vi, keys: "6 Enter"),
        Case(name: "hg-committee-dti-expanded-120x40-en", size: Size(width: 120, height: 40), language: .en, keys: "7 Enter"),
        Case(name: "hg-committee-tasks-expanded-80x24-vi", size: Size(width: 80, height: 24), language: .vi, keys: "8 Enter"),
    ]

    @Test(arguments: cases)
    func screenMatchesItsGolden(_ c: Case) {
        var s = SampleState.state(size: c.size, language: c.language, snapshot: SampleState.full)
        s.showClock = false
        if !c.keys.isEmpty { _ = SampleState.press(&s, c.keys) }
        let path = Fixtures.repositoryRoot() + "/Tests/DashboardCoreTests/Goldens/Screens/\(c.name).txt"
        let problem = Golden.compare(render(s).textDump(), to: path)
        #expect(problem == nil, Comment(rawValue: problem ?? ""))
    }

    /// On the wall screen each of the three is a step with its tile: "Nhiệm vụ quá hạn" and its count.
    @Test func theKioskShowsTheTasksTileWithTheOverdueCount() {
        let s = SampleState.state(size: Size(width: 200, height: 60), snapshot: SampleState.full)
        #expect(KioskState(parts: ["panels"]).playlist(for: SampleState.full, panels: s.panels).suffix(3)
                == [.panel(.targets), .panel(.dti), .panel(.tasks)])
        let ctx = PanelContext(state: s, snapshot: SampleState.full,
                               figures: UnitFigures(snapshot: SampleState.full, unit: 0, period: .quarter(year: 2024, quarter: 2)))
        let tile = TasksPanel.tile(ctx, .unicode)
        #expect(tile.label == "Nhiệm vụ quá hạn" && tile.big == "4")   // HG-04, HG-06, HG-07, HG-11 (tasks.csv of the sample)
    }
}
