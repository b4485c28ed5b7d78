/// Dossier counts per month × unit, with the breakdowns by field and by level.
///
/// Flat arrays indexed by (month − first month) and dense unit index; every unit holds the
/// sum of its children, so a district or the province is read, never summed, at render time.
public struct DossierCube: Equatable, Sendable {
    public let firstMonth: Month
    public let monthCount: Int
    public let unitCount: Int
    public let fields: [String]
    private var totals: [DossierTally]
    private var byField: [DossierTally]
    private var byLevel: [DossierTally]

    public static let empty = DossierCube(accumulator: DossierAccumulator(), units: UnitTree(
        province: AdminUnit(index: 0, code: "", name: "", shortName: "", kind: "", level: .province, parent: nil, children: []),
        districts: []))

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
        let f = fields.count
        let l = DossierLevel.allCases.count
        totals = Array(repeating: DossierTally(), count: monthCount * unitCount)
        byField = Array(repeating: DossierTally(), count: monthCount * unitCount * f)
        byLevel = Array(repeating: DossierTally(), count: monthCount * unitCount * l)
        acc.forEach { key, t in
            let m = key.month.index - lo
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
    }

    public var months: [Month] { (0..<monthCount).map { firstMonth.adding($0) } }
    public var lastMonth: Month? { monthCount > 0 ? firstMonth.adding(monthCount - 1) : nil }

    private func offsets(_ period: Period) -> Range<Int> {
        let r = period.months
        let a = max(r.lowerBound - firstMonth.index, 0)
        let b = min(r.upperBound - firstMonth.index + 1, monthCount)
        return a < b ? a..<b : 0..<0
    }

    /// Whether the cube holds every month of `period`.
    public func covers(_ period: Period) -> Bool {
        offsets(period).count == period.months.count
    }

    public func total(unit: Int, period: Period) -> DossierTally {
        var t = DossierTally()
        for m in offsets(period) { t.add(totals[m * unitCount + unit]) }
        return t
    }

    public func byField(unit: Int, period: Period) -> [(field: String, tally: DossierTally)] {
        let f = fields.count
        var out = Array(repeating: DossierTally(), count: f)
        for m in offsets(period) {
            let base = (m * unitCount + unit) * f
            for k in 0..<f { out[k].add(byField[base + k]) }
        }
        return zip(fields, out).filter { $0.1.received > 0 }.map { ($0.0, $0.1) }
    }

    public func byLevel(unit: Int, period: Period) -> [DossierLevel: DossierTally] {
        var out: [DossierLevel: DossierTally] = [:]
        for m in offsets(period) {
            let base = (m * unitCount + unit) * DossierLevel.allCases.count
            for lv in DossierLevel.allCases { out[lv, default: DossierTally()].add(byLevel[base + lv.rawValue]) }
        }
        return out
    }

    /// Monthly totals for the `count` months ending with `last` (missing months are empty).
    public func series(unit: Int, endingAt last: Month, count: Int) -> [DossierTally] {
        (0..<count).map { k in
            let m = last.index - (count - 1 - k) - firstMonth.index
            return m >= 0 && m < monthCount ? totals[m * unitCount + unit] : DossierTally()
        }
    }
}
