import Foundation
import SnapshotKit

extension AppState {
    /// Where the screen looks now, as a route (the period given in full when there is data).
    public var route: Route {
        var r = Route()
        switch place {
        case .province: r.place = .province
        case .district(let c): r.place = .district(c)
        case .commune(let c): r.place = .commune(c)
        }
        r.period = period
        r.flat = flatList
        if case .panel(let p) = focus { r.panel = p.rawValue }
        r.expanded = expandedPanel != nil
        r.map = showMap
        r.sites = showSites
        if sortColumn != UnitColumn.name.id || sortDescending { r.sort = RouteSort(column: sortColumn, descending: sortDescending) }
        let rows = TableModel.rows(self)
        if rows.indices.contains(selectedRow) { r.selected = rows[selectedRow].unit.code }
        return r
    }
}

/// Shows `route` on `state`'s snapshot, whatever the terminal's size: every part of it, or,
/// when the snapshot lacks a place, a panel, a column or the map it names, the mismatch and
/// nothing changed.
public func follow(_ state: inout AppState, _ route: Route) throws(RouteMismatch) {
    guard let snap = state.snapshot else { throw RouteMismatch(description: "no data yet") }
    var s = state
    let unit: AdminUnit
    switch route.place {
    case .province: unit = snap.units.units[0]
    case .district(let code), .commune(let code):
        let level: AdminUnit.Level = { if case .district = route.place { return .district } else { return .commune } }()
        guard let u = snap.units.unit(code: code), u.level == level else {
            throw RouteMismatch(description: "no \(level == .district ? "district" : "commune") \"\(code)\" in the snapshot")
        }
        unit = u
    }
    s.search = nil
    s.showHelp = false
    s.flatList = route.flat
    go(&s, to: unit)
    if let p = route.period {
        s.periodKind = p.kind
        s.periodOffset = Period.containing(snap.latestMonth, kind: p.kind).distance(to: p)
    }
    if let sort = route.sort {
        guard sort.column == UnitColumn.name.id || s.panels.tableColumn(sort.column) != nil else {
            throw RouteMismatch(description: "no column \"\(sort.column)\" to sort by")
        }
        s.sortColumn = sort.column
        s.sortDescending = sort.descending
    } else {
        s.sortColumn = UnitColumn.name.id
        s.sortDescending = false
    }
    if let name = route.panel {
        guard s.panels[PanelID(name)] != nil else { throw RouteMismatch(description: "no panel \"\(name)\"") }
        s.focus = .panel(PanelID(name))
        if route.expanded { s.expandedPanel = PanelID(name) }
    }
    if route.map, snap.geometry == nil { throw RouteMismatch(description: "the snapshot has no geometry.json for a map") }
    s.showMap = route.map || (route.sites && snap.geometry != nil)
    s.showSites = route.sites
    if let code = route.selected, let row = TableModel.rows(s).firstIndex(where: { $0.unit.code == code }) {
        s.selectedRow = row
    }
    state = s
}

extension Period {
    /// How many periods of this kind lie from `self` to `other` (0 for another kind).
    public func distance(to other: Period) -> Int {
        switch (self, other) {
        case (.month(let x), .month(let y)): return y.index - x.index
        case (.quarter(let ya, let qa), .quarter(let yb, let qb)): return (yb * 4 + qb) - (ya * 4 + qa)
        case (.year(let x), .year(let y)): return y - x
        default: return 0
        }
    }
}
