import Foundation
import SnapshotKit

/// Where the user is: the province, one district or one commune (by official code, so the
/// place survives a new snapshot).
public enum Place: Equatable, Sendable {
    case province
    case district(String)
    case commune(String)
}

/// The four panels of the overview.
public enum PanelKind: Int, CaseIterable, Sendable {
    case dossiers, bts, ocop, tourism
    public var titleKey: StringKey { [.dossiers, .bts, .ocop, .tourism][rawValue] }
}

/// What keyboard focus is on: the unit table, or one panel.
public enum Focus: Equatable, Sendable {
    case table
    case panel(PanelKind)
}

/// Columns of the unit table, each sortable.
public enum TableColumn: Int, CaseIterable, Sendable {
    case name, received, online, onTime, overdue, sites, coverage, ocop, visitors
}

/// The search overlay: a query typed after `/`, and the matching units.
public struct SearchState: Equatable, Sendable {
    public var query = ""
    public var selected = 0
    public init() {}
}

/// Everything the screen shows: `render(state)` draws from it alone.
public struct AppState: Equatable, Sendable {
    public var snapshot: Snapshot?
    /// The last refused snapshot, while the previous good one stays on screen.
    public var refusal: SnapshotFailure?
    public var place: Place = .province
    /// Selected row of the current table.
    public var selectedRow = 0
    /// Rows selected when a level was left, to come back to them: unit code → row.
    public var rememberedRows: [String: Int] = [:]
    public var sortColumn: TableColumn = .name
    public var sortDescending = false
    public var focus: Focus = .table
    public var expandedPanel: PanelKind?
    public var periodKind: Period.Kind = .quarter
    /// 0 = the period holding the snapshot's last month; −1 the one before, …
    public var periodOffset = 0
    public var language: Language = .vi
    public var themeNames: [String] = ["default"]
    public var themeIndex = 0
    public var size = Size(width: 80, height: 24)
    /// The current time, as last told by a tick; nil when unknown (then nothing is judged stale).
    public var now: Date?
    public var showClock = true
    /// Data older than this (from `generated_at`) is marked stale.
    public var staleAfter: TimeInterval = 45 * 86400
    public var search: SearchState?
    public var showHelp = false
    public var mouseEnabled = false
    public var ascii = false
    /// The Linux console's limited glyph set (TERM=linux).
    public var consoleGlyphs = false
    public var shouldQuit = false
    /// Wall-screen mode: a playlist that rotates by itself; nil for the interactive dashboard.
    public var kiosk: KioskState?

    public init() {}

    public var strings: Strings { Strings(language) }
    public var format: NumberFormat { NumberFormat(language) }
    public var themeName: String { themeNames.indices.contains(themeIndex) ? themeNames[themeIndex] : "default" }

    /// The period shown: the latest of its kind, shifted by `periodOffset`.
    public var period: Period? {
        guard let s = snapshot else { return nil }
        return Period.containing(s.latestMonth, kind: periodKind).shifted(by: periodOffset)
    }

    /// AdminUnit index of the current place, if it exists in the snapshot.
    public var placeIndex: Int? {
        guard let s = snapshot else { return nil }
        switch place {
        case .province: return 0
        case .district(let c), .commune(let c): return s.units.unit(code: c)?.index
        }
    }
}
