import SnapshotKit

/// The figures of one unit for one period, with the periods to compare against.
public struct UnitFigures: Sendable {
    /// What the figures come from: a panel that needs more reads it here.
    public let snapshot: Snapshot
    public let unit: AdminUnit
    public let period: Period
    public let dossiers: DossierTally
    public let dossiersPrevious: DossierTally
    public let dossiersLastYear: DossierTally
    /// Active sites commissioned by the end of the period (and by the end of the previous one).
    public let sites: Int
    public let sitesPrevious: Int
    public let sitesLastYear: Int
    public let bts: BTSTotals
    public let villages: VillageTotals
    /// OCOP products (of the district, or of the province) and those listed by period end.
    public let ocop: OCOPTotals
    public let ocopListedByEnd: Int
    public let ocopListedByPreviousEnd: Int
    /// nil below district level: tourism is reported per district.
    public let tourism: TourismTally?
    public let tourismPrevious: TourismTally?
    public let tourismLastYear: TourismTally?

    public init(snapshot s: Snapshot, unit index: Int, period: Period) {
        let u = s.units.units[index]
        snapshot = s
        unit = u
        self.period = period
        dossiers = s.dossiers.total(unit: index, period: period)
        dossiersPrevious = s.dossiers.total(unit: index, period: period.previous)
        dossiersLastYear = s.dossiers.total(unit: index, period: period.sameLastYear)
        let ends = [period, period.previous, period.sameLastYear].map { $0.lastMonth.lastDay }
        let days = s.activeSiteDays[index]
        sites = Snapshot.count(days, onOrBefore: ends[0])
        sitesPrevious = Snapshot.count(days, onOrBefore: ends[1])
        sitesLastYear = Snapshot.count(days, onOrBefore: ends[2])
        bts = s.bts[index]
        villages = s.villageTotals[index]
        let ocopUnit = u.level == .commune ? (u.parent ?? 0) : index
        ocop = s.ocop[ocopUnit]
        ocopListedByEnd = Snapshot.count(s.ocopListedDays[ocopUnit], onOrBefore: ends[0])
        ocopListedByPreviousEnd = Snapshot.count(s.ocopListedDays[ocopUnit], onOrBefore: ends[1])
        if u.level == .commune || !s.tourism.covers(period) {
            tourism = nil; tourismPrevious = nil; tourismLastYear = nil
        } else {
            tourism = s.tourism.total(unit: index, period: period)
            tourismPrevious = s.tourism.covers(period.previous) ? s.tourism.total(unit: index, period: period.previous) : nil
            tourismLastYear = s.tourism.covers(period.sameLastYear) ? s.tourism.total(unit: index, period: period.sameLastYear) : nil
        }
    }

    /// Relative change `now / before − 1`; nil when there is nothing to compare with.
    public static func change(_ now: Int, _ before: Int?) -> Double? {
        guard let b = before, b > 0 else { return nil }
        return Double(now) / Double(b) - 1
    }

    public var dossiersAvailable: Bool { dossiers.received > 0 }
}

/// The rows of the table at the current place: districts of the province, communes of a
/// district; sorted as the state asks.
public enum TableModel {
    public static func rows(_ state: AppState) -> [UnitFigures] {
        guard let s = state.snapshot, let period = state.period, let here = state.placeIndex else { return [] }
        let unit = s.units.units[here]
        guard unit.level != .commune else { return [] }
        let rows = unit.children.map { UnitFigures(snapshot: s, unit: $0, period: period) }
        return sorted(rows, by: state.panels.tableColumn(state.sortColumn) ?? .name, descending: state.sortDescending)
    }

    public static func sorted(_ rows: [UnitFigures], by c: UnitColumn, descending: Bool) -> [UnitFigures] {
        let out: [UnitFigures]
        if c.id == UnitColumn.name.id {
            out = rows.sorted { $0.unit.sortKey < $1.unit.sortKey }
        } else {
            out = rows.sorted { a, b in
                let x = c.value(a) ?? -1, y = c.value(b) ?? -1
                return x == y ? a.unit.index < b.unit.index : x < y
            }
        }
        return descending ? out.reversed() : out
    }

    /// Index of the worst row in a column, if the column has a notion of worst.
    public static func worst(_ rows: [UnitFigures], _ c: UnitColumn) -> Int? {
        guard let lowerWorse = c.lowerIsWorse, rows.count > 1 else { return nil }
        var best: (Int, Double)?
        for (i, r) in rows.enumerated() {
            guard let v = c.value(r) else { continue }
            if let b = best { if lowerWorse ? v < b.1 : v > b.1 { best = (i, v) } } else { best = (i, v) }
        }
        return best?.0
    }

    /// Units whose name matches the query, ignoring diacritics and case.
    public static func searchResults(_ state: AppState) -> [AdminUnit] {
        guard let s = state.snapshot, let q = state.search?.query, !q.isEmpty else { return [] }
        let key = q.searchKey
        return s.units.units.dropFirst().filter { $0.searchKey.contains(key) }.prefix(50).map { $0 }
    }
}
