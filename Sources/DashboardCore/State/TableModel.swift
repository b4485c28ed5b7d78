import SnapshotKit

/// The rows of the table at the current place: districts of the province, communes of a
/// district; sorted as the state asks.
public enum TableModel {
    public static func rows(_ state: AppState) -> [UnitFigures] {
        guard let s = state.snapshot, let period = state.period, let here = state.placeIndex else { return [] }
        let unit = s.units.units[here]
        guard unit.level != .commune else { return [] }
        let children = here == 0 && flat(state) ? s.units.communeIndexes : unit.children
        let rows = children.map { UnitFigures(snapshot: s, unit: $0, period: period) }
        return sorted(rows, by: state.panels.tableColumn(state.sortColumn) ?? .name, descending: state.sortDescending)
    }

    /// Whether the province shows the flat list of its communes (a two-tier province with
    /// former districts, and the list chosen).
    public static func flat(_ state: AppState) -> Bool {
        guard let u = state.snapshot?.units else { return false }
        return state.flatList && u.twoTier && !u.districtIndexes.isEmpty
    }

    /// Where going back from `index` leads: its parent, or the province from a commune of the flat list.
    public static func parent(_ state: AppState, of index: Int) -> Int? {
        guard let u = state.snapshot?.units else { return nil }
        if flat(state), u.units[index].level == .commune { return 0 }
        return u.parent(of: index)
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

    /// The rows holding the worst value of a column (all of them when tied), if the column has
    /// a notion of worst and the rows differ at all.
    public static func worst(_ rows: [UnitFigures], _ c: UnitColumn) -> Set<Int> {
        guard let lowerWorse = c.lowerIsWorse, rows.count > 1 else { return [] }
        let values = rows.map { c.value($0) }
        let known = values.compactMap { $0 }
        guard let worst = lowerWorse ? known.min() : known.max(), known.contains(where: { $0 != worst }) else { return [] }
        return Set(values.indices.filter { values[$0] == worst })
    }

    /// The name of the row that makes a table add up (what the unit received that none of its
    /// rows did), and what it holds: "Cấp tỉnh" — "tiếp nhận, không thuộc khu vực nào".
    public static func remainder(_ units: UnitTree, of unit: AdminUnit, flat: Bool) -> (name: StringKey, note: StringKey) {
        if unit.level == .province {
            if flat { return (.remainderAboveCommunes, .remainderNoCommune) }
            return (.remainderProvince, units.twoTier ? .remainderNoGroup : .remainderNoDistrict)
        }
        return (units.twoTier ? .remainderAboveCommunes : .remainderDistrict, .remainderNoCommune)
    }

    /// Dossiers the current unit received that none of its rows did (received at province or
    /// district level): nil when the data does not hold the period.
    public static func receivedAboveChildren(_ state: AppState, _ rows: [UnitFigures]) -> Int? {
        guard let s = state.snapshot, let p = state.period, let here = state.placeIndex else { return nil }
        let total = UnitFigures(snapshot: s, unit: here, period: p)
        guard total.dossiersHeld else { return nil }
        return total.dossiers.received - rows.reduce(0) { $0 + $1.dossiers.received }
    }

    /// Units whose name matches the query, ignoring diacritics and case, then those made from
    /// an old unit whose name matches (`Search.hits`).
    public static func searchResults(_ state: AppState) -> [SearchHit] {
        guard let s = state.snapshot, let q = state.search?.query, !q.isEmpty else { return [] }
        return Search.hits(s, query: q)
    }
}
