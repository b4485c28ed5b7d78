/// The rows of `dossiers.csv` folded into counts (in a `SeriesTally`, then `acc`), one at a time: every value checked, every
/// problem thrown with its `file:line:column` message (the general path). `count` is the one
/// place a checked dossier becomes counts, shared with the fused scanner, so the two paths
/// cannot disagree on a figure.
struct RawRowReader<IDs: DossierParsers.DossierIDs> {
    var acc: DossierAccumulator
    var ids: IDs
    var cache = DossierParsers.FieldCache()
    /// Whether the first row was seen (it tells which flag columns the table has).
    var measured = false
    let units: UnitTree
    let window: DateWindow
    let periodEnd: Day
    let lastMonth: Month
    /// Each row is committed (ID checked, counts added) while the next one is parsed: the
    /// slots it needs in the ID set and the key table were prefetched a row earlier, so the
    /// cache misses of those large tables overlap with parsing instead of stalling it.
    private var ring: [PendingRow] = []
    private var next = 0
    /// The counts while rows are read (`finish` moves them to `acc`).
    let series = SeriesTally()

    init(_ ctx: RowContext, ids: IDs, acc: DossierAccumulator) {
        self.ids = ids
        self.acc = acc
        units = ctx.units
        window = ctx.window
        periodEnd = ctx.periodEnd
        lastMonth = periodEnd.month
        self.acc.measures.formUnion([.form06, .supplement])
        self.acc.supplementMonth = lastMonth
    }

    typealias Status = DossierStatus

    /// Decodes one row (each value's syntax, with its message), has `DossierRule` judge the
    /// values together, and counts it.
    mutating func row(_ row: inout TableRow) throws(SnapshotIssue) {
        typealias P = DossierParsers
        if !measured { measured = true; acc.measures.formUnion(P.flagMeasures(row, from: 11)) }
        let id = try ids.see(row)
        // A dated catalogue reads the codes by the received date; a dossier is indivisible
        // and goes to the largest link of its old commune.
        let unit = units.change == nil && !units.twoTier ? try P.unit(row, 1, 2, units, communeRequired: false).unit
            : try P.place(row, 1, 2, units, on: row.date(5, "received_date", in: window), communeRequired: false).unit
        let level = try P.level(row, 3)
        let field = try cache.lookup(row, 4, &acc)
        let (received, month) = try row.dateAndMonth(5, "received_date", in: window)
        let (due, dueMonth) = try row.dateAndMonth(6, "due_date", in: window)
        var left: (day: Day, month: Month)? = nil
        if !row.isEmpty(7) { left = try row.dateAndMonth(7, "resolved_date", in: window) }
        let channel = try P.channel(row, 8)
        let status = try P.status(row, 9)
        if row.has(10) { try P.procedureCode(row, 10) }
        var flags = SIMD8<Int32>()
        if row.has(11) { flags = try P.flags(row, from: 11) }
        let values = DossierValues(hasCommune: !row.isEmpty(2), level: level, received: received, due: due, left: left?.day,
                                   channel: channel, status: status, flags: flags, hasFeeColumn: row.has(11))
        if let broken = DossierRule.firstBroken(values) { throw row.fail(broken.column, broken.message(values)) }
        let key = DossierKey(month: month, unit: unit, level: level, field: field, channel: channel)
        count(id: id, key: key, received: received, due: due, dueMonth: dueMonth, left: left, status: status, flags: flags)
    }

    /// Counts a checked dossier: its month of receipt, and form 06's flows in the months it
    /// left and became overdue. `flags` are the yes/no columns as 0 or 1, in
    /// `TableKind.flagColumns`' order. Lanes as `DossierTally.lanes` orders them.
    @inline(__always)
    mutating func count(id: UInt64, key: DossierKey, received: Day, due: Day, dueMonth: Month,
                        left checkedLeft: (day: Day, month: Month)?, status: Status, flags v: SIMD8<Int32>) {
        let month = key.month.index
        let s = series.series(of: key)
        var left = checkedLeft
        var resolved: UInt32 = 0, onTime: UInt32 = 0, returned: UInt32 = 0, withdrawn: UInt32 = 0
        var pending: UInt32 = 0, pendingOverdue: UInt32 = 0
        var doneLane = 0                    // the month it left: which of form 06's flows
        var supplement = false
        switch status {
        case .resolved:
            // Stays a trap on purpose: both paths count only what `DossierRule` passed, and
            // `resolvedNeedsDate` refuses a resolved dossier without its date.
            let r = left!.day
            resolved = 1
            onTime = r <= due ? 1 : 0
            doneLane = r < due ? 9 : r == due ? 10 : 11
        case .pending, .supplement:
            pending = 1
            pendingOverdue = due < periodEnd ? 1 : 0
            left = nil
            supplement = status == .supplement
        case .returned:
            returned = 1
            doneLane = 12
        case .withdrawn:
            withdrawn = 1
            doneLane = 13
        }
        if doneLane >= 12, left == nil {
            left = (received, key.month)    // returned or withdrawn without a date: left the month it came
        }
        let u = { (x: Int32) in UInt32(bitPattern: x) }
        // In progress from its month of receipt (lane 14) … until the month it left.
        var row = PendingRow(id: id, series: s, month: month,
                             a: SIMD16(1, key.channel == .online ? 1 : 0, resolved, onTime, returned, withdrawn, pending,
                                       pendingOverdue, 0, 0, 0, 0, 0, 0, 1, 0),
                             b: SIMD8(0, u(v[0]), u(v[1]), u(v[2]), u(v[3]), u(v[4]), u(v[5]), 1))
        if supplement {
            if lastMonth.index == month { row.b[0] = 1 } else if month < lastMonth.index {
                row.other(lastMonth.index, SIMD16(), SIMD8(1, 0, 0, 0, 0, 0, 0, 1))
            }
        }
        // Form 06: the month it left (one after the data's end has not happened yet), and
        // the month it became overdue in progress (due before the end of that month, or of the data).
        let leftMonth = left.flatMap { $0.month <= lastMonth ? $0.month.index : nil }
        var atLeft = SIMD16<UInt32>()
        if leftMonth != nil, doneLane > 0 {
            atLeft[doneLane] = 1
            atLeft[14] = .max               // −1: no longer in progress
        }
        let dueEnd = dueMonth == lastMonth ? periodEnd : dueMonth.lastDay
        let overdueFrom = (due < dueEnd ? dueMonth : dueMonth.adding(1)).index
        if overdueFrom <= lastMonth.index, leftMonth.map({ overdueFrom < $0 }) ?? true {
            let o = SIMD16<UInt32>(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
            if overdueFrom == month { row.a &+= o } else { row.later(overdueFrom, o) }
            if leftMonth != nil { atLeft &-= o }
        }
        if let m = leftMonth {
            if m == month { row.a &+= atLeft } else { row.other(m, atLeft, PendingRow.touched) }
        }
        push(row)
    }

    /// A counted row waiting for its cells (prefetched) while the next rows are read: its
    /// month of receipt, and up to two other months of its series.
    struct PendingRow {
        var id: UInt64
        var series: Int
        var month: Int
        var a: SIMD16<UInt32>
        var b: SIMD8<UInt32>
        /// The month it left (or the data's end, for a supplement): `none` when there is nothing to add.
        var otherMonth = PendingRow.none
        var otherA = SIMD16<UInt32>()
        var otherB = SIMD8<UInt32>()
        /// The month it became overdue, when not its month of receipt.
        var laterMonth = PendingRow.none
        var laterA = SIMD16<UInt32>()

        static var none: Int { Int.min }
        /// `b` of an add to a month with no count of `b`: it only marks the cell as touched.
        static var touched: SIMD8<UInt32> { SIMD8(0, 0, 0, 0, 0, 0, 0, 1) }

        init(id: UInt64, series: Int, month: Int, a: SIMD16<UInt32>, b: SIMD8<UInt32>) {
            self.id = id; self.series = series; self.month = month; self.a = a; self.b = b
        }

        @inline(__always)
        mutating func other(_ m: Int, _ a: SIMD16<UInt32>, _ b: SIMD8<UInt32>) {
            otherMonth = m; otherA = a; otherB = b
        }

        @inline(__always)
        mutating func later(_ m: Int, _ a: SIMD16<UInt32>) { laterMonth = m; laterA = a }
    }

    /// Rows counted but not yet added: deep enough that the cells and the ID slot a row needs
    /// are in cache by the time it is added, however far apart in memory they lie.
    static var depth: Int { 8 }

    @inline(__always)
    private mutating func push(_ row: PendingRow) {
        series.prefetch(row.series, row.month)
        if row.otherMonth != PendingRow.none { series.prefetch(row.series, row.otherMonth) }
        if row.laterMonth != PendingRow.none { series.prefetch(row.series, row.laterMonth) }
        if ring.count < Self.depth {
            ring.append(row)
            return
        }
        commit(ring[next])
        ring[next] = row
        next = next + 1 == Self.depth ? 0 : next + 1
    }

    @inline(__always)
    private mutating func commit(_ row: PendingRow) {
        ids.commit(row.id)
        series.add(row.series, row.month, row.a, row.b)
        if row.otherMonth != PendingRow.none { series.add(row.series, row.otherMonth, row.otherA, row.otherB) }
        if row.laterMonth != PendingRow.none { series.add(row.series, row.laterMonth, row.laterA, PendingRow.touched) }
    }

    /// Commits the last row; call once after the last row.
    mutating func finish() {
        for row in ring { commit(row) }
        ring.removeAll()
        next = 0
        series.fold(into: &acc)
    }
}
