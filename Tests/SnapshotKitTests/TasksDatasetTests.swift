import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// `tasks.csv` (issue 28): the committee's tasks, each read with `file:line:column` errors, and
/// counted as of a day: done on time (done_date ≤ deadline), done late, in progress, overdue,
/// paused and cancelled apart.
@Suite struct TasksDatasetTests {
    static let tasks = CommitteeFixtures.tasks

    static func export(_ tasks: String?) -> String { CommitteeFixtures.sample(with: tasks.map { ["tasks.csv": $0] } ?? [:]) }

    static func book(_ tasks: String = tasks) throws -> (TaskBook, Snapshot) {
        let s = try SnapshotLoader.load(directory: export(tasks)).get()
        return (try #require(s.tasks), s)
    }

    @Test func countsAsOfTheDataDateWithDoneOnTheDeadlineOnTime() throws {
        let (book, s) = try Self.book()
        let day = s.manifest.periodEnd
        let c = book.counts(under: 0, asOf: day)
        #expect(c[.doneOnTime] == 2 && c[.doneLate] == 1 && c[.inProgress] == 1 && c[.overdue] == 2)
        #expect(c[.paused] == 1 && c[.cancelled] == 1 && c.total == 8)   // T9 is assigned after the data's date
        #expect(book.overdue(under: 0, asOf: day).map { "\($0.id):\($0.daysLate(asOf: day))" } == ["T5:30", "T4:20"])
        // A deadline on the day itself is not passed.
        #expect(book.tasks.first { $0.id == "T3" }?.standing(asOf: day) == .inProgress)
        #expect(book.tasks.first { $0.id == "T2" }?.daysLate(asOf: day) == 5)
        #expect(book.tasks.first { $0.id == "T4" }?.note == "chậm do mưa lũ")
    }

    @Test func aTaskDoneAfterTheDayWasOpenThen() throws {
        let (book, _) = try Self.book()
        let day = try #require(Day(year: 2024, month: 4, day: 1))
        let c = book.counts(under: 0, asOf: day)
        #expect(c[.doneOnTime] == 1 && c[.doneLate] == 0 && c[.overdue] == 1 && c[.inProgress] == 3 && c.total == 7)
        #expect(book.overdue(under: 0, asOf: day).map(\.id) == ["T2"])
    }

    @Test func perOwnerTheWorstFirstAndUnderAUnitItsOwn() throws {
        let (book, s) = try Self.book()
        let day = s.manifest.periodEnd
        #expect(book.byOwner(under: 0, asOf: day).map(\.code) == ["00688", "031", "030", "02"])
        let vx = try #require(s.units.district(numericCode: 30))
        let c = book.counts(under: vx, asOf: day)
        #expect(c[.doneOnTime] == 2 && c[.doneLate] == 1 && c.total == 3)
        let hg = try #require(s.units.district(numericCode: 24))   // Phường Quang Trung's district
        #expect(book.counts(under: hg, asOf: day)[.overdue] == 1)
    }

    @Test func everyColumnIsCheckedAtItsFileLineAndColumn() throws {
        let header = "task_id,title,document,owner_code,assigned_date,deadline,status,done_date\n"
        let rows = [
            ",A,KH 1,030,2024-01-10,2024-03-31,done,2024-03-01",         // 2
            "X1,,KH 1,030,2024-01-10,2024-03-31,done,2024-03-01",        // 3
            "X2,A,KH 1,999,2024-01-10,2024-03-31,done,2024-03-01",       // 4
            "X3,A,KH 1,030,10/01/2024,2024-03-31,done,2024-03-01",       // 5
            "X4,A,KH 1,030,2024-01-10,2023-12-31,in_progress,",          // 6
            "X5,A,KH 1,030,2024-01-10,2024-03-31,xong,",                 // 7
            "X6,A,KH 1,030,2024-01-10,2024-03-31,done,",                 // 8
            "X7,A,KH 1,030,2024-01-10,2024-03-31,paused,2024-02-01",     // 9
            "X8,A,KH 1,030,2024-01-10,2024-03-31,done,2024-07-02",       // 10
            "X9,A,KH 1,030,2024-01-10,2204-03-31,in_progress,",          // 11
            "X10,A,KH 1,030,2024-01-10,2024-03-31,done,2024-03-01",      // 12
            "X10,B,KH 1,030,2024-01-10,2024-03-31,done,2024-03-01",      // 13
        ]
        guard case .failure(let f) = SnapshotLoader.load(directory: Self.export(header + rows.joined(separator: "\n") + "\n")) else {
            Issue.record("bad tasks loaded"); return
        }
        let lines = f.errors.map(\.description)
        for expected in ["tasks.csv:2:1: task_id is empty", "tasks.csv:3:2: title is empty",
                         "tasks.csv:4:4: unknown owner_code \"999\" (not a unit of units.json)",
                         "tasks.csv:5:5: assigned_date \"10/01/2024\" is not YYYY-MM-DD (dd/mm/yyyy is not accepted)",
                         "tasks.csv:6:6: deadline 2023-12-31 is before assigned_date 2024-01-10",
                         "tasks.csv:7:7: status \"xong\" is not done, in_progress, paused or cancelled",
                         "tasks.csv:8:8: done_date is empty for a task done",
                         "tasks.csv:9:8: done_date 2024-02-01 given for a task paused (only done tasks have one)",
                         "tasks.csv:10:8: done_date 2024-07-02 is after the data's date 2024-06-30",
                         "tasks.csv:11:6: deadline 2204-03-31 is outside the accepted months",
                         "tasks.csv:13:1: duplicate task_id \"X10\" (first on line 12)"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) not in \(lines)")
        }
        #expect(lines.count == 11, "\(lines)")
    }

    @Test func absentItIsNoTasksAndWithoutANoteColumnItIsRead() throws {
        let s = try SnapshotLoader.load(directory: Self.export(nil)).get()
        #expect(s.tasks == nil)
        let bare = Self.tasks.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(8).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let (book, _) = try Self.book(bare)
        #expect(book.tasks.count == 9 && book.tasks.allSatisfy { $0.note.isEmpty })
    }

    @Test func itIsCachedAndReadBack() throws {
        let dir = Self.export(Self.tasks)
        usleep(100_000)
        let cache = SharedSnapshotCache(directory: Fixtures.temporaryDirectory("cdsboard-tasks-cache"))
        let (first, wrote) = cache.load(export: dir) { SnapshotLoader.load(directory: dir) }
        #expect(wrote == .wrote)
        let (again, read) = cache.load(export: dir) { Issue.record("loaded again"); return first }
        #expect(read == .read)
        #expect(try again.get().tasks == (try first.get().tasks) && (try again.get().tasks?.tasks.count) == 9)
    }
}
