import SnapshotKit

extension PanelID {
    public static let tasks: PanelID = "tasks"
}

/// The committee's tasks under the place shown, read as of the span's last day (the data's
/// date for the current period); nil when the snapshot has no `tasks.csv`.
struct TaskFigures {
    let book: TaskBook
    let asOf: Day
    let counts: TaskCounts

    init?(_ f: UnitFigures) {
        guard let book = f.snapshot.tasks else { return nil }
        self.book = book
        asOf = f.span.isEmpty ? f.snapshot.manifest.periodEnd : f.span.endDay
        counts = book.counts(under: f.unit.index, asOf: asOf)
    }
}

extension UnitFigures {
    var tasks: TaskFigures? { TaskFigures(self) }
}

extension Panel {
    /// Tasks (nhiệm vụ) assigned by the committee: done on time, done late, in progress within
    /// the deadline, overdue, paused and cancelled as of the data's date; per owner, the worst
    /// first; the overdue tasks with their days late.
    public static let tasks = Panel(
        id: .tasks, title: { $0.pick("Nhiệm vụ", "Tasks") }, indicators: ["tasks.on_time_share"],
        isShown: { $0.tasks != nil },
        compact: TasksPanel.compact, expanded: TasksPanel.expanded, tile: TasksPanel.tile,
        reportColumns: [
            ReportColumn(key: "tasks_overdue", title: { $0.pick("NV quá hạn", "Tasks overdue") },
                         text: { r, f in r.tasks.map { f.integer($0.counts[.overdue]) } ?? "—" },
                         raw: { r in r.tasks.map { String($0.counts[.overdue]) } ?? "" }),
        ],
        reportObjects: [ReportObject(key: "tasks", value: TasksPanel.json)])
}

enum TasksPanel {
    static func words(_ s: Strings) -> [TaskStanding: String] {
        [.doneOnTime: s.pick("Xong đúng hạn", "Done on time"), .doneLate: s.pick("Xong trễ hạn", "Done late"),
         .inProgress: s.pick("Đang làm, trong hạn", "In progress, in time"), .overdue: s.pick("Quá hạn", "Overdue"),
         .paused: s.pick("Tạm dừng", "Paused"), .cancelled: s.pick("Hủy", "Cancelled")]
    }

    static func ownerName(_ code: String, _ owner: Int, _ ctx: PanelContext) -> String {
        let units = ctx.snapshot.units.units
        return units.indices.contains(owner) ? UnitNames.name(units[owner], ctx.state.language) : code
    }

    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, inner = lines.inner
        guard let t = ctx.figures.tasks else { return PanelParts.muted(s[.noData], &lines, &c) }
        PanelParts.asOf(ctx.figures.span, dataEnd: ctx.snapshot.manifest.periodEnd, cadenceDays: 45, ctx.state, &lines, &c)
        guard t.counts.total > 0 else { return PanelParts.muted(s.pick("Không có nhiệm vụ", "No tasks"), &lines, &c) }
        let w = words(s)
        let overdue = t.counts[.overdue]
        if let y = lines.take() {
            Widgets.labelValue(s.pick("Nhiệm vụ quá hạn", "Tasks overdue"), f.integer(overdue), x: inner.x, y: y, width: inner.width,
                               valueRole: overdue > 0 ? .bad : .good, into: &c)
        }
        let rows: [(String, String)] = [
            (w[.doneOnTime]!, "\(f.integer(t.counts[.doneOnTime])) (\(f.percent(t.counts.onTimeShare)))"),
            (w[.doneLate]!, f.integer(t.counts[.doneLate])),
            (w[.inProgress]!, f.integer(t.counts[.inProgress])),
            ("\(w[.paused]!) · \(w[.cancelled]!)", "\(f.integer(t.counts[.paused])) · \(f.integer(t.counts[.cancelled]))"),
        ]
        for (label, value) in rows {
            guard let y = lines.take() else { return }
            Widgets.labelValue(label, value, x: inner.x, y: y, width: inner.width, into: &c)
        }
        // The owners with tasks overdue, the worst first, as long as rows are left.
        for o in t.book.byOwner(under: ctx.figures.unit.index, asOf: t.asOf) where o.counts[.overdue] > 0 {
            guard let y = lines.take() else { return }
            Widgets.labelValue(ownerName(o.code, o.owner, ctx), "\(f.integer(o.counts[.overdue])) \(w[.overdue]!.lowercased())",
                               x: inner.x, y: y, width: inner.width, labelRole: .text, valueRole: .bad, into: &c)
        }
    }

    /// Per owner, the worst first, each followed by its overdue tasks (days late); the unit
    /// table's rows are not its rows (owners are not the place's children).
    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format, w = words(s)
        let title = s.pick("Nhiệm vụ theo đơn vị được giao", "Tasks by owner")
        let columns: [ListTable.Column] = [
            .init(title: s.pick("Đơn vị / nhiệm vụ", "Owner / task"), weight: 4, minWidth: 18, align: .left),
            .figure(s.pick("Tổng", "Total"), 5), .figure(w[.doneOnTime]!, 8), .figure(w[.doneLate]!, 8),
            .figure(s.pick("Đang làm", "In progress"), 8), .figure(w[.overdue]!, 7),
            .figure(s.pick("Trễ (ngày)", "Days late"), 10)]
        guard let t = ctx.figures.tasks else { return ListTable(title: title, columns: columns, rows: [[s[.noData]]]) }
        var rows: [[String]] = []
        var roles: [Role?] = []
        let overdue = Dictionary(grouping: t.book.overdue(under: ctx.figures.unit.index, asOf: t.asOf), by: \.ownerCode)
        for o in t.book.byOwner(under: ctx.figures.unit.index, asOf: t.asOf) {
            let c = o.counts
            rows.append([ownerName(o.code, o.owner, ctx), f.integer(c.total), f.integer(c[.doneOnTime]), f.integer(c[.doneLate]),
                         f.integer(c[.inProgress]), f.integer(c[.overdue]), ""])
            roles.append(c[.overdue] > 0 ? .warn : nil)
            for task in overdue[o.code] ?? [] {
                rows.append(["  \(task.id) \(task.title)", "", "", "", "", f.date(task.deadline), f.integer(task.daysLate(asOf: t.asOf))])
                roles.append(.bad)
            }
        }
        return ListTable(title: title, columns: columns, rows: rows, rowRoles: roles)
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format
        let label = s.pick("Nhiệm vụ quá hạn", "Tasks overdue")
        guard let t = ctx.figures.tasks, t.counts.total > 0 else { return KioskTile(label: label, big: "—") }
        return KioskTile(label: label, big: f.integer(t.counts[.overdue]),
                         detail: "\(s.pick("đúng hạn", "on time")) \(f.percent(t.counts.onTimeShare)) · "
                            + "\(f.integer(t.counts.total)) \(s.pick("nhiệm vụ", "tasks"))",
                         value: t.counts.onTimeShare, indicator: "tasks.on_time_share")
    }

    /// `tasks` of `report --format json`: the counts as of the day, and the overdue tasks.
    static func json(_ r: UnitFigures) -> JSONValue? {
        guard let t = r.tasks else { return nil }
        var o: [String: JSONValue] = ["as_of": .string(t.asOf.description)]
        for standing in TaskStanding.allCases { o[standing.rawValue] = .int(t.counts[standing]) }
        o["overdue_tasks"] = .array(t.book.overdue(under: r.unit.index, asOf: t.asOf).map {
            .object(["task_id": .string($0.id), "owner_code": .string($0.ownerCode), "days_late": .int($0.daysLate(asOf: t.asOf))])
        })
        return .object(o)
    }
}
