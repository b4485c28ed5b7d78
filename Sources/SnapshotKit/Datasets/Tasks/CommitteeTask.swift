/// One task (nhiệm vụ) the steering committee assigned: by which document, to whom, by when,
/// and where it stands (`tasks.csv`, one row each).
public struct CommitteeTask: Equatable, Sendable {
    /// What the owner reports; "overdue" is not a status but a reading as of a day.
    public enum Status: String, Sendable, CaseIterable {
        case done, inProgress = "in_progress", paused, cancelled
    }

    public let id: String
    public let title: String
    /// The assigning document ("Kế hoạch 12/KH-BCĐ").
    public let document: String
    /// The owner's code as written, and its unit index.
    public let ownerCode: String
    public let owner: Int
    public let assigned: Day
    public let deadline: Day
    public let status: Status
    /// When it was done (status `done` only).
    public let done: Day?
    public let note: String

    public init(id: String, title: String, document: String, ownerCode: String, owner: Int, assigned: Day, deadline: Day,
                status: Status, done: Day?, note: String = "") {
        self.id = id; self.title = title; self.document = document; self.ownerCode = ownerCode; self.owner = owner
        self.assigned = assigned; self.deadline = deadline; self.status = status; self.done = done; self.note = note
    }

    /// Where the task stands as of `day`; nil when it was assigned after it. A task done after
    /// `day` was still open then (in progress or overdue); a paused or cancelled one stays apart.
    public func standing(asOf day: Day) -> TaskStanding? {
        guard assigned <= day else { return nil }
        if status == .done, let d = done, d <= day { return d <= deadline ? .doneOnTime : .doneLate }
        if status == .paused { return .paused }
        if status == .cancelled { return .cancelled }
        return deadline < day ? .overdue : .inProgress
    }

    /// Days past the deadline as of `day`: for a task done late, when it was done; for an open
    /// one, `day`; 0 when not late.
    public func daysLate(asOf day: Day) -> Int {
        switch standing(asOf: day) {
        case .doneLate: return (done ?? day).number - deadline.number
        case .overdue: return day.number - deadline.number
        default: return 0
        }
    }
}

/// A task's place among the committee's counts as of a day.
public enum TaskStanding: String, Sendable, CaseIterable {
    /// Done on or before the deadline (done_date ≤ deadline).
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    /// Not done, deadline not passed.
    case inProgress = "in_progress"
    /// Not done, deadline passed (neither paused nor cancelled).
    case overdue
    case paused
    case cancelled
}

/// The counts of a set of tasks as of a day, by standing.
public struct TaskCounts: Equatable, Sendable {
    public var counts: [TaskStanding: Int] = [:]
    public init() {}
    public subscript(_ s: TaskStanding) -> Int { counts[s] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }
    /// Done on time, of those done or due (cancelled and paused apart); nil without any.
    public var onTimeShare: Double? {
        let due = self[.doneOnTime] + self[.doneLate] + self[.overdue]
        return due == 0 ? nil : Double(self[.doneOnTime]) / Double(due)
    }
    mutating func add(_ s: TaskStanding) { counts[s, default: 0] += 1 }
}

/// The tasks of a snapshot, with the readings the panel and the report make of them.
public struct TaskBook: Equatable, Sendable {
    public let tasks: [CommitteeTask]
    /// Per unit, the indexes of the tasks whose owner is the unit or lies below it.
    let byUnit: [[Int]]

    public init(tasks: [CommitteeTask], units: UnitTree) {
        self.tasks = tasks
        var by = Array(repeating: [Int](), count: units.units.count)
        for (k, t) in tasks.enumerated() { for u in UnitChain.of(t.owner, in: units) { by[u].append(k) } }
        byUnit = by
    }

    public static func == (a: TaskBook, b: TaskBook) -> Bool { a.tasks == b.tasks }

    /// The tasks owned by `unit` or a unit below it.
    public func tasks(under unit: Int) -> [CommitteeTask] {
        byUnit.indices.contains(unit) ? byUnit[unit].map { tasks[$0] } : []
    }

    /// The counts of the tasks under `unit` as of `day`.
    public func counts(under unit: Int, asOf day: Day) -> TaskCounts {
        var c = TaskCounts()
        for t in tasks(under: unit) { if let s = t.standing(asOf: day) { c.add(s) } }
        return c
    }

    /// Per owner of the tasks under `unit`: the owner's code and counts, the worst first (most
    /// overdue, then most done late, then fewest done on time), ties by code.
    public func byOwner(under unit: Int, asOf day: Day) -> [(owner: Int, code: String, counts: TaskCounts)] {
        var out: [String: (Int, TaskCounts)] = [:]
        for t in tasks(under: unit) {
            guard let s = t.standing(asOf: day) else { continue }
            out[t.ownerCode, default: (t.owner, TaskCounts())].1.add(s)
        }
        return out.map { (owner: $0.value.0, code: $0.key, counts: $0.value.1) }.sorted { a, b in
            let ka = (a.counts[.overdue], a.counts[.doneLate], -a.counts[.doneOnTime])
            let kb = (b.counts[.overdue], b.counts[.doneLate], -b.counts[.doneOnTime])
            return ka != kb ? ka > kb : a.code < b.code
        }
    }

    /// The tasks under `unit` overdue as of `day`, the longest late first (ties by id).
    public func overdue(under unit: Int, asOf day: Day) -> [CommitteeTask] {
        tasks(under: unit).filter { $0.standing(asOf: day) == .overdue }
            .sorted { ($0.daysLate(asOf: day), $1.id) > ($1.daysLate(asOf: day), $0.id) }
    }
}
