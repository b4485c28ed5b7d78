import Foundation
import SnapshotKit

/// Where the user is: the province, one district or one commune (by official code, so the
/// place survives a new snapshot).
public enum Place: Equatable, Sendable {
    case province
    case district(String)
    case commune(String)
}

/// What keyboard focus is on: the unit table, or one panel.
public enum Focus: Equatable, Sendable {
    case table
    case panel(PanelID)
}

/// A moment as the loop read it once: the wall clock (for what is shown) and the monotonic
/// clock (for what is scheduled, so that a clock set back or forward moves nothing).
public struct Instant: Equatable, Sendable {
    public var wall: Date
    /// Seconds on a clock that only moves forward.
    public var monotonic: Double
    public init(wall: Date, monotonic: Double) { self.wall = wall; self.monotonic = monotonic }
    /// For tests and one-off renders: the monotonic clock reads the wall clock's seconds.
    public init(_ wall: Date) { self.init(wall: wall, monotonic: wall.timeIntervalSince1970) }
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
    /// First row shown of the lists that scroll without a selection (a commune's villages,
    /// sites, products; a kiosk table's page).
    public var listScroll = 0
    /// Rows selected when a level was left, to come back to them: unit code → row.
    public var rememberedRows: [String: Int] = [:]
    /// Id of the column the unit table is sorted by (`name`, or a panel's column).
    public var sortColumn = UnitColumn.name.id
    public var sortDescending = false
    /// Two-tier provinces: the province lists all its communes, not its former districts.
    public var flatList = false
    public var focus: Focus = .table
    public var expandedPanel: PanelID?
    /// The map stands where the panels stood (`geometry.json`); with a panel focused, the
    /// map has the keys and is coloured by that panel's indicator.
    public var showMap = false
    /// BTS sites on the map, by technology.
    public var showSites = false
    public var periodKind: Period.Kind = .quarter
    /// 0 = the period holding the snapshot's last month; −1 the one before, …
    public var periodOffset = 0
    public var language: Language = .vi
    public var themeNames: [String] = ["default"]
    public var themeIndex = 0
    public var size = Size(width: 80, height: 24)
    /// The panels, in order: what the layout, focus keys, kiosk and report are made of.
    public var panels = PanelRegistry.standard
    /// The current time, as last told by a tick; nil when unknown (then nothing is judged stale).
    public var now: Date?
    /// The monotonic clock at the last tick: kiosk steps are scheduled on it.
    public var monotonic: Double?
    public var showClock = true
    /// Data older than this (from `generated_at`) is marked stale.
    public var staleAfter: TimeInterval = Staleness.defaultAfter
    public var search: SearchState?
    public var showHelp = false
    /// First line of the help overlay shown.
    public var helpScroll = 0
    /// Key bindings per mode (rebindable in config).
    public var keymap = Keymap.standard
    /// What the last key did, when the screen would not show it otherwise (the theme's name,
    /// the mouse's state, "this is the latest period"); gone at the next key.
    public var flash: String?
    /// Set while a new export is arriving (its files do not match the manifest yet): what differs.
    public var arriving: String?
    public var mouseEnabled = false
    public var ascii = false
    /// The Linux console's limited glyph set (TERM=linux).
    public var consoleGlyphs = false
    /// Notes shown at the bottom from start until the first key (a broken config or theme, a
    /// terminal fallback).
    public var notes: [String] = []
    /// Wall-screen mode: a playlist that rotates by itself; nil for the interactive dashboard.
    public var kiosk: KioskState?
    /// In a meeting room: presenting, or following a presenter's route (`--present`, `--follow`).
    public var presence: Presence = .alone

    public init() {}

    public var strings: Strings { Strings(language) }
    public var format: NumberFormat { NumberFormat(language) }
    public var themeName: String { themeNames.indices.contains(themeIndex) ? themeNames[themeIndex] : "default" }

    /// The period shown: the latest of its kind, shifted by `periodOffset`.
    public var period: Period? {
        guard let s = snapshot else { return nil }
        return Period.containing(s.latestMonth, kind: periodKind).shifted(by: periodOffset)
    }

    /// The clock reads earlier than the data's export time (by more than 10 minutes): a kiosk
    /// without a real-time clock, say. Then nothing can be judged fresh, and the screen says so.
    public var clockIsBehind: Bool {
        guard let now, let generated = snapshot?.manifest.generatedAt else { return false }
        return now.timeIntervalSince(generated) < -600
    }

    /// Days since the export, when the data is older than `staleAfter`.
    public var staleDays: Int? {
        snapshot.flatMap { Staleness.days(now: now, generated: $0.manifest.generatedAt, after: staleAfter) }
    }

    /// The focused panel, else the first one shown (what a single-panel layout shows).
    public var focusedPanelOrFirst: PanelID {
        if case .panel(let p) = focus { return p }
        return shownPanels.first?.id ?? .dossiers
    }

    /// The part of the period shown that the data holds.
    public var span: Span? {
        guard let s = snapshot, let p = period else { return nil }
        return Span(p, dataEnd: s.manifest.periodEnd)
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
