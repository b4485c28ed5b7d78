/// Dossier counts per month × unit, with the breakdowns by field and by level.
///
/// Flat arrays indexed by (month − first month) and dense unit index; every unit holds the
/// sum of its children, so a district or the province is read, never summed, at render time.
public struct DossierCube: Equatable, Sendable {
    public let firstMonth: Month
    public let monthCount: Int
    public let unitCount: Int
    public let fields: [String]
    /// The optional figures the data carries (`DossierMeasures`).
    public let measures: DossierMeasures
    /// Raw rows tell who awaits a supplement at the data's end only: this month; nil with statistics.
    public internal(set) var supplementMonth: Month?
    // Internal for the cache (SnapshotEncoding), which writes and maps them whole.
    var totals: TallyCells
    var byField: TallyCells
    var byLevel: TallyCells

    public static let empty = DossierCube(accumulator: DossierAccumulator(), units: UnitTree(
        province: AdminUnit(index: 0, code: "", name: "", shortName: "", kind: "", level: .province, parent: nil, children: []),
        districts: []))

    /// Months between the first and the last month with data that hold none take no cells:
    /// `slot[m]` is the cell block of month `firstMonth + m`, or −1. So memory follows the
    /// rows (months with data × units × fields), never the date range.
    var slot: [Int32]

    /// Bytes the cube for `acc` would take (its cell arrays).
    public static func bytes(for acc: DossierAccumulator, units: UnitTree) -> Int {
        var months = Set<Int>()
        acc.forEach { k, _ in months.insert(k.month.index) }
        let cells = months.count.multipliedReportingOverflow(by: units.units.count)
        let perCell = (1 + DossierLevel.allCases.count + acc.fields.count) * MemoryLayout<DossierTally>.stride
        let total = cells.partialValue.multipliedReportingOverflow(by: perCell)
        return cells.overflow || total.overflow ? Int.max : total.partialValue
    }

    public init(accumulator acc: DossierAccumulator, units: UnitTree) {
        var lo = Int.max, hi = Int.min
        acc.forEach { k, _ in lo = min(lo, k.month.index); hi = max(hi, k.month.index) }
        if lo > hi { lo = 0; hi = -1 }
        // Fields in a stable order (by name), whatever order the file had.
        let order = acc.fields.indices.sorted { acc.fields[$0] < acc.fields[$1] }
        var remap = Array(repeating: 0, count: acc.fields.count)
        for (new, old) in order.enumerated() { remap[old] = new }
        fields = order.map { acc.fields[$0] }
        firstMonth = Month(index: lo)
        monthCount = max(0, hi - lo + 1)
        unitCount = units.units.count
        var slot = Array(repeating: Int32(-1), count: monthCount)
        acc.forEach { k, _ in slot[k.month.index - lo] = 0 }
        var used: Int32 = 0
        for m in slot.indices where slot[m] == 0 { slot[m] = used; used += 1 }
        self.slot = slot
        measures = acc.measures
        supplementMonth = acc.supplementMonth
        let f = fields.count
        let l = DossierLevel.allCases.count
        let cells = Int(used) * unitCount
        var totals = Array(repeating: DossierTally(), count: cells)
        var byField = Array(repeating: DossierTally(), count: cells * f)
        var byLevel = Array(repeating: DossierTally(), count: cells * l)
        let unitCount = self.unitCount
        acc.forEach { key, t in
            let m = Int(slot[key.month.index - lo])
            var u: Int? = key.unit
            let fi = remap[key.field]
            while let unit = u {
                let cell = m * unitCount + unit
                totals[cell].add(t)
                byField[cell * f + fi].add(t)
                byLevel[cell * l + key.level.rawValue].add(t)
                u = units.parent(of: unit)
            }
        }
        if acc.supplementMonth != nil {
            let used = slot.filter { $0 >= 0 }.map(Int.init)
            Self.stocks(&totals, cellsPerMonth: unitCount, months: used)
            Self.stocks(&byField, cellsPerMonth: unitCount * f, months: used)
            Self.stocks(&byLevel, cellsPerMonth: unitCount * l, months: used)
        }
        self.totals = TallyCells(totals)
        self.byField = TallyCells(byField)
        self.byLevel = TallyCells(byLevel)
    }

    /// A cube read back from the cache: its parts as they were written (`SnapshotEncoding`).
    init(firstMonth: Month, monthCount: Int, unitCount: Int, fields: [String], measures: DossierMeasures,
         supplementMonth: Month?, slot: [Int32], totals: TallyCells, byField: TallyCells, byLevel: TallyCells) {
        self.firstMonth = firstMonth; self.monthCount = monthCount; self.unitCount = unitCount
        self.fields = fields; self.measures = measures; self.supplementMonth = supplementMonth
        self.slot = slot; self.totals = totals; self.byField = byField; self.byLevel = byLevel
    }

    /// Turns form 06's stock changes (raw rows) into stocks: in progress at the end of a month
    /// is the sum of the changes up to it, at its start the sum before it.
    private static func stocks(_ cells: inout [DossierTally], cellsPerMonth n: Int, months: [Int]) {
        var open = Array(repeating: 0, count: n), overdue = Array(repeating: 0, count: n)
        for m in months {
            for k in 0..<n {
                let i = m * n + k
                cells[i].openStart = open[k]
                open[k] += cells[i].openEnd
                overdue[k] += cells[i].overdueEnd
                cells[i].openEnd = open[k]
                cells[i].overdueEnd = overdue[k]
            }
        }
    }

    public var months: [Month] { (0..<monthCount).map { firstMonth.adding($0) } }
    public var lastMonth: Month? { monthCount > 0 ? firstMonth.adding(monthCount - 1) : nil }

    /// The cell blocks of the months of `period` that hold data.
    private func slots(_ period: Period) -> [Int] {
        let r = period.months
        let a = max(r.lowerBound - firstMonth.index, 0)
        let b = min(r.upperBound - firstMonth.index + 1, monthCount)
        return a < b ? (a..<b).compactMap { slot[$0] >= 0 ? Int(slot[$0]) : nil } : []
    }

    /// Whether the cube's span holds every month of `period`.
    public func covers(_ period: Period) -> Bool {
        let r = period.months
        return r.lowerBound >= firstMonth.index && r.upperBound < firstMonth.index + monthCount
    }

    public func total(unit: Int, period: Period) -> DossierTally {
        var t = DossierTally()
        guard unit >= 0, unit < unitCount else { return t }
        for m in slots(period) { t.add(totals[m * unitCount + unit]) }
        return t
    }

    public func byField(unit: Int, period: Period) -> [(field: String, tally: DossierTally)] {
        let f = fields.count
        var out = Array(repeating: DossierTally(), count: f)
        guard unit >= 0, unit < unitCount else { return [] }
        for m in slots(period) {
            let base = (m * unitCount + unit) * f
            for k in 0..<f { out[k].add(byField[base + k]) }
        }
        return zip(fields, out).filter { $0.1.received > 0 }.map { ($0.0, $0.1) }
    }

    public func byLevel(unit: Int, period: Period) -> [DossierLevel: DossierTally] {
        var out: [DossierLevel: DossierTally] = [:]
        guard unit >= 0, unit < unitCount else { return out }
        for m in slots(period) {
            let base = (m * unitCount + unit) * DossierLevel.allCases.count
            for lv in DossierLevel.allCases { out[lv, default: DossierTally()].add(byLevel[base + lv.rawValue]) }
        }
        return out
    }

    /// Whether figures needing `m` are known for a span ending with `lastMonth`.
    public func has(_ m: DossierMeasures, endingAt lastMonth: Month) -> Bool {
        guard measures.contains(m) else { return false }
        if m == .supplement, let only = supplementMonth { return lastMonth == only }
        return true
    }

    /// Monthly totals for the `count` months ending with `last` (missing months are empty).
    public func series(unit: Int, endingAt last: Month, count: Int) -> [DossierTally] {
        (0..<count).map { k in
            let m = last.index - (count - 1 - k) - firstMonth.index
            guard m >= 0, m < monthCount, slot[m] >= 0, unit >= 0, unit < unitCount else { return DossierTally() }
            return totals[Int(slot[m]) * unitCount + unit]
        }
    }
}
