import SnapshotKit

/// A panel's name wherever panels are named: `--view panel:bts`, the kiosk playlist, config.
public struct PanelID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// What a panel draws from: the state, the snapshot and the figures of the place shown.
public struct PanelContext {
    public let state: AppState
    public let snapshot: Snapshot
    public let figures: UnitFigures
    public var strings: Strings { state.strings }
    public var format: NumberFormat { state.format }

    public init(state: AppState, snapshot: Snapshot, figures: UnitFigures) {
        self.state = state
        self.snapshot = snapshot
        self.figures = figures
    }
}

/// A panel's headline on the wall screen: one large figure with its label and a line below.
public struct KioskTile: Sendable {
    public var label: String
    public var big: String
    public var detail: String = ""
    /// The value judged against `indicator`'s target, if any.
    public var value: Double?
    public var indicator: String = ""
    /// The change shown beside the detail (against the same period a year earlier).
    public var change: Double?

    public init(label: String, big: String, detail: String = "", value: Double? = nil, indicator: String = "",
                change: Double? = nil) {
        self.label = label; self.big = big; self.detail = detail; self.value = value; self.indicator = indicator
        self.change = change
    }
}

/// One column of the unit table, contributed by a panel: sortable, with a notion of worst.
public struct UnitColumn: Sendable {
    public let id: String
    public let title: @Sendable (Strings) -> String
    public let weight: Int
    public let minWidth: Int
    /// Lower number = dropped last when space runs out.
    public let priority: Int
    /// Whether a lower value is worse (shares) or a higher one (overdue); nil: no "worst".
    public let lowerIsWorse: Bool?
    /// Shown for districts only (figures kept at district level, such as OCOP and tourism).
    public let aboveCommuneOnly: Bool
    public let value: @Sendable (UnitFigures) -> Double?
    public let text: @Sendable (UnitFigures, NumberFormat) -> String

    public init(id: String, title: @escaping @Sendable (Strings) -> String, weight: Int = 2, minWidth: Int, priority: Int,
                lowerIsWorse: Bool? = nil, aboveCommuneOnly: Bool = false,
                value: @escaping @Sendable (UnitFigures) -> Double?,
                text: @escaping @Sendable (UnitFigures, NumberFormat) -> String) {
        self.id = id; self.title = title; self.weight = weight; self.minWidth = minWidth; self.priority = priority
        self.lowerIsWorse = lowerIsWorse; self.aboveCommuneOnly = aboveCommuneOnly; self.value = value; self.text = text
    }

    /// The unit's name: the first column of every table, sorted by the name's collation key.
    public static let name = UnitColumn(
        id: "name", title: { $0[.unit] }, weight: 5, minWidth: 16, priority: 0, value: { _ in nil },
        text: { r, f in
            r.unit.level == .district ? UnitNames.shortName(r.unit, f.language) : r.unit.straddles ? r.unit.name + " *" : r.unit.name
        })
}

/// One column of `report`, contributed by a panel: formatted for people (text, Markdown) and
/// raw for machines (CSV, JSON: plain numbers, shares as fractions, empty when absent).
public struct ReportColumn: Sendable {
    public let key: String
    public let title: @Sendable (Strings) -> String
    public let text: @Sendable (UnitFigures, NumberFormat) -> String
    public let raw: @Sendable (UnitFigures) -> String
    /// A count that adds up over units (the report's remainder row gives the parent's part).
    public let additive: Bool

    public init(key: String, title: @escaping @Sendable (Strings) -> String,
                text: @escaping @Sendable (UnitFigures, NumberFormat) -> String,
                raw: @escaping @Sendable (UnitFigures) -> String, additive: Bool = false) {
        self.key = key; self.title = title; self.text = text; self.raw = raw; self.additive = additive
    }

    /// A share as a fraction with six places, empty when absent.
    public static func rawShare(_ x: Double?) -> String { x.map { String(format: "%.6f", $0) } ?? "" }
}

/// What a panel colours the map with: one value per unit, how to write a class bound, and
/// which way is worse.
public struct MapValue: Sendable {
    /// The indicator's column (or target indicator) id, for tests and the legend.
    public let indicator: String
    public let title: @Sendable (Strings) -> String
    public let value: @Sendable (UnitFigures) -> Double?
    /// How a class bound is written; nil: as a percentage when every value lies within 0…1
    /// (a share), else as a whole number.
    public let text: (@Sendable (Double, NumberFormat) -> String)?
    public let lowerIsWorse: Bool?

    public init(indicator: String, title: @escaping @Sendable (Strings) -> String, lowerIsWorse: Bool?,
                value: @escaping @Sendable (UnitFigures) -> Double?,
                text: (@Sendable (Double, NumberFormat) -> String)? = nil) {
        self.indicator = indicator; self.title = title; self.value = value; self.text = text; self.lowerIsWorse = lowerIsWorse
    }

    /// From a table column.
    public init(column c: UnitColumn) {
        self.init(indicator: c.id, title: c.title, lowerIsWorse: c.lowerIsWorse, value: c.value)
    }
}

/// A figure a panel judges against its indicator's target (`targets.json`): the values of
/// one of its table columns. Where the screen has room, the units furthest behind are listed.
public struct JudgedColumn: Sendable {
    public let indicator: String
    /// The id of one of the panel's `tableColumns`: its title and values are the figure's.
    public let column: String
    public init(indicator: String, column: String) { self.indicator = indicator; self.column = column }
}

/// A panel of the dashboard, as one value: its name and title, how it draws in the overview,
/// full screen, on the wall screen and in a commune's detail, and the columns it gives the
/// unit table and the report. Layout, focus keys, help, the kiosk playlist, `report` and
/// config all read the `PanelRegistry`; adding a panel is one new file that makes a `Panel`.
public struct Panel: Sendable {
    public let id: PanelID
    public let title: @Sendable (Strings) -> String
    /// Target indicators (`targets.json`) this panel judges.
    public let indicators: [String]
    /// Its columns judged against their indicators' targets ("furthest behind").
    public let judged: [JudgedColumn]
    /// Whether the snapshot has what the panel shows; a panel without data is hidden.
    public let isShown: @Sendable (Snapshot) -> Bool
    /// The overview: headline, change, status, chart; rows handed out by `PanelLines`.
    public let compact: @Sendable (PanelContext, inout PanelLines, inout Canvas) -> Void
    /// The full-screen table: one row per child unit.
    public let expanded: @Sendable (PanelContext, [UnitFigures], Glyphs) -> ListTable
    public let tile: @Sendable (PanelContext, Glyphs) -> KioskTile
    /// Lists shown in a commune's detail (may be empty).
    public let detail: @Sendable (PanelContext, Glyphs) -> [ListTable]
    public let tableColumns: [UnitColumn]
    public let reportColumns: [ReportColumn]
    /// Keys of `report --format json` beside the units' rows (null when the snapshot lacks them).
    public let reportObjects: [ReportObject]
    /// What the panel colours the map with; nil: its headline column (the first with a
    /// notion of worse, else the first).
    public let mapValue: MapValue?
    /// Whether the panel holds figures reported for the unit's span (dossiers, visitors,
    /// society counts), as against stocks known only as of the export (villages, products) or
    /// made from them (sites by commissioning date): a report of a period for which no panel
    /// holds any says "no data".
    public let holdsFigures: @Sendable (UnitFigures) -> Bool

    /// The map's value: `mapValue`, else from the headline column; nil without columns.
    public var map: MapValue? {
        mapValue ?? (tableColumns.first { $0.lowerIsWorse != nil } ?? tableColumns.first).map(MapValue.init(column:))
    }

    public init(id: PanelID, title: @escaping @Sendable (Strings) -> String, indicators: [String] = [],
                isShown: @escaping @Sendable (Snapshot) -> Bool = { _ in true },
                holdsFigures: @escaping @Sendable (UnitFigures) -> Bool = { _ in false },
                compact: @escaping @Sendable (PanelContext, inout PanelLines, inout Canvas) -> Void,
                expanded: @escaping @Sendable (PanelContext, [UnitFigures], Glyphs) -> ListTable,
                tile: @escaping @Sendable (PanelContext, Glyphs) -> KioskTile,
                detail: @escaping @Sendable (PanelContext, Glyphs) -> [ListTable] = { _, _ in [] },
                tableColumns: [UnitColumn] = [], reportColumns: [ReportColumn] = [], reportObjects: [ReportObject] = [],
                mapValue: MapValue? = nil, judged: [JudgedColumn] = []) {
        self.mapValue = mapValue
        self.reportObjects = reportObjects
        self.judged = judged
        self.holdsFigures = holdsFigures
        self.id = id; self.title = title; self.indicators = indicators; self.isShown = isShown; self.compact = compact
        self.expanded = expanded; self.tile = tile; self.detail = detail; self.tableColumns = tableColumns
        self.reportColumns = reportColumns
    }
}

/// The panels in order. Two registries are equal when they list the same panels.
public struct PanelRegistry: Equatable, Sendable {
    public let all: [Panel]

    /// Panels with a repeated id are dropped (the first one stays).
    public init(_ panels: [Panel]) {
        var seen = Set<PanelID>()
        all = panels.filter { seen.insert($0.id).inserted }
    }

    public static let standard = PanelRegistry([.dossiers, .bts, .ocop, .tourism, .society, .targets, .dti, .tasks])

    public static func == (a: PanelRegistry, b: PanelRegistry) -> Bool { a.ids == b.ids }

    public var ids: [PanelID] { all.map(\.id) }
    public subscript(_ id: PanelID) -> Panel? { all.first { $0.id == id } }

    /// The panels a snapshot has data for (all of them before the first snapshot).
    public func shown(for snapshot: Snapshot?) -> [Panel] {
        guard let snapshot else { return all }
        let out = all.filter { $0.isShown(snapshot) }
        return out.isEmpty ? all : out
    }

    /// The unit table's columns: the name, then each panel's.
    public var tableColumns: [UnitColumn] { [.name] + all.flatMap(\.tableColumns) }
    public func tableColumn(_ id: String) -> UnitColumn? { tableColumns.first { $0.id == id } }
}

extension AppState {
    /// The panels on screen, in order.
    public var shownPanels: [Panel] { panels.shown(for: snapshot) }
    public func title(of id: PanelID) -> String { panels[id]?.title(strings) ?? id.rawValue }
}
