/// Tourism per month × unit (province and districts).
public struct TourismCube: Equatable, Sendable {
    public let firstMonth: Month
    public let monthCount: Int
    public let unitCount: Int
    var cells: [TourismTally]

    /// No months: what a snapshot without tourism rows holds.
    static let empty = TourismCube(firstMonth: Month(index: 0), monthCount: 0, unitCount: 0, cells: [])

    /// A cube read back from the cache.
    init(firstMonth: Month, monthCount: Int, unitCount: Int, cells: [TourismTally]) {
        self.firstMonth = firstMonth; self.monthCount = monthCount; self.unitCount = unitCount; self.cells = cells
    }

    init(rows: [(Month, Int, TourismTally)], units: UnitTree) {
        let lo = rows.map(\.0.index).min() ?? 0
        let hi = rows.map(\.0.index).max() ?? -1
        firstMonth = Month(index: lo)
        monthCount = max(0, hi - lo + 1)
        // The province and the districts (indexes 1…D come first in a UnitTree): tourism is
        // reported per district, so communes take no cells.
        unitCount = 1 + units.districtIndexes.count
        cells = Array(repeating: TourismTally(), count: monthCount * unitCount)
        for (m, d, t) in rows where d >= 0 && d < unitCount {
            let base = (m.index - lo) * unitCount
            if d > 0 { cells[base + d].add(t) }
            cells[base].add(t)
        }
    }

    public var lastMonth: Month? { monthCount > 0 ? firstMonth.adding(monthCount - 1) : nil }

    public func covers(_ period: Period) -> Bool {
        let r = period.months
        return r.lowerBound >= firstMonth.index && r.upperBound < firstMonth.index + monthCount
    }

    public func total(unit: Int, period: Period) -> TourismTally {
        var t = TourismTally()
        for mi in period.months {
            let m = mi - firstMonth.index
            if m >= 0, m < monthCount, unit >= 0, unit < unitCount { t.add(cells[m * unitCount + unit]) }
        }
        return t
    }

    public func series(unit: Int, endingAt last: Month, count: Int) -> [TourismTally] {
        (0..<count).map { k in total(unit: unit, period: .month(last.adding(k - count + 1))) }
    }
}
