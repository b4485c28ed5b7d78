import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The Tasks (Nhiệm vụ) panel of issue 28, fed by a `tasks.csv` written by hand
/// (`CommitteeFixtures.tasks`): its counts on screen, on the wall screen and in `report`.
@Suite struct TasksPanelTests {
    static let snapshot: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: CommitteeFixtures.sample(with: ["tasks.csv": CommitteeFixtures.tasks]))
        else { fatalError("the sample with tasks does not load") }
        return s
    }()

    static func state(_ size: Size, language: Language = .vi) -> AppState {
        SampleState.state(size: size, language: language, snapshot: snapshot)
    }

    static func json(_ s: Snapshot) throws -> [String: Any] {
        let text = Report(snapshot: s, period: .quarter(year: 2024, quarter: 2), language: .vi).rendered(as: .json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func reportJSONCarriesTheCountsAsOfTheDataDateAndTheOverdueTasks() throws {
        let tasks = try #require(try Self.json(Self.snapshot)["tasks"] as? [String: Any])
        #expect(tasks["as_of"] as? String == "2024-06-30")
        #expect(tasks["done_on_time"] as? Int == 2 && tasks["done_late"] as? Int == 1 && tasks["in_progress"] as? Int == 1)
        #expect(tasks["overdue"] as? Int == 2 && tasks["paused"] as? Int == 1 && tasks["cancelled"] as? Int == 1)
        let overdue = try #require(tasks["overdue_tasks"] as? [[String: Any]])
        #expect(overdue.map { "\($0["task_id"]!)/\($0["owner_code"]!)/\($0["days_late"]!)" } == ["T5/00688/30", "T4/031/20"])
    }

    @Test func withoutTheFileTheKeyIsNullNotZeros() throws {
        let o = try Self.json(SampleState.withoutCommitteeFiles)
        #expect(o.keys.contains("tasks") && o["tasks"] is NSNull)
        #expect(!Report(snapshot: SampleState.withoutCommitteeFiles, period: .year(2024), language: .vi).columns.contains { $0.key == "tasks_overdue" })
    }

    @Test func theReportColumnCountsOverdueTasksPerUnit() throws {
        let r = Report(snapshot: Self.snapshot, period: .quarter(year: 2024, quarter: 2), language: .vi)
        let k = try #require(r.columns.firstIndex { $0.key == "tasks_overdue" })
        #expect(r.rawRows[0][k] == "2")
        #expect(r.rawRows.first { $0[0] == "031" }?[k] == "1" && r.rawRows.first { $0[0] == "024" }?[k] == "1")
        #expect(r.rawRows.first { $0[0] == "030" }?[k] == "0")
    }

    @Test func thePanelAndItsTileShowTheFiguresAtEverySize() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60), Size(width: 300, height: 80)] {
            var s = Self.state(size)
            _ = SampleState.press(&s, "6")
            #expect(s.focus == .panel(.tasks), "at \(size)")
            let text = render(s).textDump()
            #expect(text.contains("Nhiệm vụ quá hạn"), "at \(size)")
            #expect(text.contains("Xong trễ hạn"), "at \(size)")
        }
        var en = Self.state(Size(width: 120, height: 40), language: .en)
        _ = SampleState.press(&en, "6")
        #expect(render(en).textDump().contains("Tasks overdue"))
        let ctx = PanelContext(state: Self.state(Size(width: 120, height: 40)), snapshot: Self.snapshot,
                               figures: UnitFigures(snapshot: Self.snapshot, unit: 0, period: .quarter(year: 2024, quarter: 2)))
        let tile = TasksPanel.tile(ctx, .unicode)
        #expect(tile.label == "Nhiệm vụ quá hạn" && tile.big == "2")
        #expect(tile.detail == "đúng hạn 40,0% · 8 nhiệm vụ")   // 2 on time of 5 done or due
    }

    @Test func expandedItListsOwnersWorstFirstEachWithItsOverdueTasks() {
        let ctx = PanelContext(state: Self.state(Size(width: 120, height: 40)), snapshot: Self.snapshot,
                               figures: UnitFigures(snapshot: Self.snapshot, unit: 0, period: .quarter(year: 2024, quarter: 2)))
        let t = TasksPanel.expanded(ctx, [], .unicode)
        #expect(t.rows.map { $0[0] } == ["Phường Quang Trung", "  T5 Cập nhật dữ liệu dân cư", "Huyện Bắc Mê",
                                         "  T4 Tập huấn tổ công nghệ số", "Huyện Vị Xuyên", "Tỉnh Hà Giang"])
        #expect(t.rows[1].last == "30" && t.rows[3].last == "20" && t.rows[1][5] == "31/05/2024")
        // Drawn on a small canvas, nothing spills out of its frame.
        var c = Canvas(size: Size(width: 60, height: 8))
        t.draw(in: Rect(x: 0, y: 0, width: 60, height: 8), into: &c)
        #expect(c.textDump(styles: false).contains("Phường Quang Trung"))
    }
}
