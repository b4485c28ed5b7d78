/// `tasks.csv`, the tasks (nhiệm vụ) the committee assigned: one row per task; optional.
/// `owner_code` is the province's or a unit's code of `units.json` (agencies once they exist);
/// `status` is `done`, `in_progress`, `paused` or `cancelled`; `done_date` is given for `done`
/// alone. Whether a task is on time, late or overdue is read as of a day (`TaskBook`).
enum TasksDataset: CachedAsRecords {
    static let id = DatasetID("tasks")
    static let fileName = "tasks.csv"
    static let columns = ["task_id", "title", "document", "owner_code", "assigned_date", "deadline", "status", "done_date"]
    static let optionalColumns = ["note"]
    static let presence = Presence.optional(warning: nil)
    static let codecVersion = 1
    /// Tasks done on time, of those done or due.
    static let indicators = [Indicator("tasks.on_time_share", .share, nature: .flow)]

    /// The last deadline accepted: plans run to 2030 and 2045, a year 2204 is a typo.
    static let latestDeadline = Month(year: 2100, month: 12)

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [CommitteeTask] {
        var out: [CommitteeTask] = []
        var lines: [String: Int] = [:]
        let deadlines = DateWindow(first: ctx.window.first, last: latestDeadline)
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let id = try row.text(0, "task_id")
            if id.isEmpty { throw row.fail(0, "task_id is empty") }
            if let first = lines[id] { throw row.fail(0, "duplicate task_id \"\(id)\" (first on line \(first))") }
            let title = try row.text(1, "title")
            if title.isEmpty { throw row.fail(1, "title is empty") }
            let document = try row.text(2, "document")
            let code = try row.text(3, "owner_code")
            guard let owner = ctx.units.unit(code: code)?.index else {
                throw row.fail(3, "unknown owner_code \"\(row.raw(3))\" (not a unit of units.json)")
            }
            let assigned = try row.date(4, "assigned_date", in: ctx.window)
            let deadline = try row.date(5, "deadline", in: deadlines)
            if deadline < assigned { throw row.fail(5, "deadline \(deadline) is before assigned_date \(assigned)") }
            let text = try row.text(6, "status")
            guard let status = CommitteeTask.Status(rawValue: text) else {
                throw row.fail(6, "status \"\(row.raw(6))\" is not done, in_progress, paused or cancelled")
            }
            let done = try row.optionalDate(7, "done_date", in: ctx.window)
            switch (status, done) {
            case (.done, nil): throw row.fail(7, "done_date is empty for a task done")
            case (.done, let d?) where d < assigned: throw row.fail(7, "done_date \(d) is before assigned_date \(assigned)")
            case (.done, let d?) where d > ctx.periodEnd:
                throw row.fail(7, "done_date \(d) is after the data's date \(ctx.periodEnd)")
            case (_, let d?) where status != .done: throw row.fail(7, "done_date \(d) given for a task \(text) (only done tasks have one)")
            default: break
            }
            let note = row.has(8) ? try row.text(8, "note") : ""
            lines[id] = row.line
            out.append(CommitteeTask(id: id, title: title, document: document, ownerCode: code, owner: owner, assigned: assigned,
                                     deadline: deadline, status: status, done: done, note: note))
        }
        return out
    }

    static func aggregate(_ tasks: [CommitteeTask], units: UnitTree) -> TaskBook { TaskBook(tasks: tasks, units: units) }

    static func records(_ value: TaskBook) -> [CommitteeTask] { value.tasks }

    static func fits(_ t: CommitteeTask, unitCount n: Int) -> Bool { UnitChain.inTree(t.owner, n) }
}

extension CommitteeTask: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(id); w.put(title); w.put(document); w.put(ownerCode); w.put(owner); w.put(assigned); w.put(deadline)
        w.put(status.rawValue); w.put(done); w.put(note)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        let id: String = try r.get(), title: String = try r.get(), document: String = try r.get(), code: String = try r.get()
        let owner: Int = try r.get(), assigned: Day = try r.get(), deadline: Day = try r.get()
        guard let status = Status(rawValue: try r.get(String.self)) else { throw CacheReader.Malformed(description: "bad task status") }
        self.init(id: id, title: title, document: document, ownerCode: code, owner: owner, assigned: assigned, deadline: deadline,
                  status: status, done: try r.get(), note: try r.get())
    }
}
