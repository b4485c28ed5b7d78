import Foundation
import SnapshotKit

/// One screen of the wall-screen playlist.
public enum KioskStep: Equatable, Sendable {
    case overview
    case panel(PanelID)
    case district(String)
    /// The province's map (when the snapshot has `geometry.json`).
    case map
    /// Any place, period and panel, written as a `Route` (`commune:00793,panel:bts,expanded`).
    case route(Route)
}

/// The wall screen's rotation: where it is in the playlist, and when it moves on.
public struct KioskState: Equatable, Sendable {
    /// What the playlist is made of, in order: `overview`, `panels`, `districts`, `map`, a
    /// panel's name, `district:CODE`, or any route's text (`commune:00793,panel:bts,expanded`).
    public var parts: [String]
    public var interval: TimeInterval
    public var position = 0
    public var paused = false
    /// Whether `q` quits (off by default: visitors may reach the keyboard).
    public var allowQuit: Bool
    /// When the next step is due, on the monotonic clock (a clock set back or forward moves
    /// nothing); nil until the first tick.
    public var due: Double?

    /// The default playlist: the overview and each panel, a turn of 2–4 minutes at 20 s a step
    /// (with `districts`, each district's overview too: 6–10 minutes on the bundled samples).
    public static let defaultParts = ["overview", "panels"]

    public init(parts: [String] = KioskState.defaultParts, interval: TimeInterval = 20, allowQuit: Bool = false) {
        self.parts = parts
        self.interval = interval
        self.allowQuit = allowQuit
    }

    /// The steps for a snapshot: the overview, each panel full screen, each district.
    public func playlist(for snapshot: Snapshot?, panels: PanelRegistry = .standard) -> [KioskStep] {
        var out: [KioskStep] = []
        for part in parts {
            switch part {
            case "overview": out.append(.overview)
            case "panels": out += panels.shown(for: snapshot).map { .panel($0.id) }
            case "districts": out += (snapshot?.units.districts ?? []).map { .district($0.code) }
            case "map": if snapshot?.geometry != nil { out.append(.map) }
            default:
                if part.hasPrefix("district:"), !part.contains(",") { out.append(.district(String(part.dropFirst(9)))) }
                else if panels[PanelID(part)] != nil { out.append(.panel(PanelID(part))) }
                else if case .success(let route) = Route.parse(part) { out.append(.route(route)) }
            }
        }
        return out.isEmpty ? [.overview] : out
    }

    /// Playlist parts a config may name.
    public static func isValidPart(_ p: String, panels: PanelRegistry = .standard) -> Bool {
        ["overview", "panels", "districts", "map"].contains(p) || p.hasPrefix("district:") || panels[PanelID(p)] != nil
            || (try? Route.parse(p).get()) != nil
    }

    public static func validParts(_ panels: PanelRegistry = .standard) -> String {
        (["overview", "panels", "districts", "map"] + panels.ids.map(\.rawValue)).joined(separator: ", ")
            + ", district:CODE or a route (" + Route.grammar + ")"
    }
}

extension AppState {
    /// The kiosk step on screen, if in kiosk mode.
    public var kioskStep: KioskStep? {
        guard let k = kiosk else { return nil }
        let list = k.playlist(for: snapshot, panels: panels)
        return list[k.position % list.count]
    }
}

/// Moves the kiosk by `delta` steps, shows that step, and schedules the next one.
func kioskStep(_ state: inout AppState, by delta: Int) {
    guard var k = state.kiosk else { return }
    let count = k.playlist(for: state.snapshot, panels: state.panels).count
    k.position = ((k.position + delta) % count + count) % count
    if let now = state.monotonic { k.due = now + k.interval }
    state.kiosk = k
    showKioskStep(&state)
}

/// Sets place and expanded panel from the current kiosk step.
func showKioskStep(_ state: inout AppState) {
    guard let step = state.kioskStep else { return }
    state.search = nil
    state.showHelp = false
    state.showMap = step == .map
    switch step {
    case .map:
        state.place = .province; state.expandedPanel = nil; state.focus = .table
    case .overview:
        state.place = .province; state.expandedPanel = nil; state.focus = .table
    case .panel(let p):
        state.place = .province; state.expandedPanel = p; state.focus = .panel(p)
    case .district(let code):
        state.place = .district(code); state.expandedPanel = nil; state.focus = .table
    case .route(let route):
        do { try follow(&state, route) } catch {
            state.place = .province; state.expandedPanel = nil; state.focus = .table
        }
    }
    state.selectedRow = 0
    state.listScroll = 0
}

/// Keys on the wall screen: Space pauses, ← → step; `q` only when allowed; the rest is ignored.
func kioskAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    // While following a presenter the wall shows the presenter's screen: no stepping.
    if state.followState?.leading == true, [.kioskPause, .kioskNext, .kioskPrevious].contains(action) { return [] }
    switch action {
    case .kioskPause:
        guard var k = state.kiosk else { return [] }
        k.paused.toggle()
        if !k.paused, let now = state.monotonic { k.due = now + k.interval }
        state.kiosk = k
    case .kioskNext: kioskStep(&state, by: 1)
    case .kioskPrevious: kioskStep(&state, by: -1)
    case .quit:
        if state.kiosk?.allowQuit == true { return [.quit] }
    case .redraw: return [.redrawAll]
    default: break
    }
    return []
}

/// On a clock tick: the first one schedules the first step; later ones move on when it is due.
func kioskTick(_ state: inout AppState) {
    guard let k = state.kiosk, let now = state.monotonic else { return }
    // A wall screen following a presenter that is there shows the presenter's screen.
    if state.followState?.leading == true { state.kiosk?.due = now + k.interval; return }
    guard let due = k.due else { state.kiosk?.due = now + k.interval; return }
    guard !k.paused, now >= due else { return }
    // A table longer than the screen is paged by the rotation: no row is dropped unseen.
    let capacity = KioskView.frame(state).tableCapacity
    if capacity > 0, state.listScroll + capacity < TableModel.rows(state).count {
        state.listScroll += capacity
        state.kiosk?.due = now + k.interval
    } else {
        kioskStep(&state, by: 1)
    }
}

extension KioskState {
    /// How long one turn of the playlist takes on `state`'s screen: every step for one interval
    /// per page of its ranking or table (the README's "8–10 minutes" comes from here).
    public static func rotationSeconds(_ state: AppState) -> Double {
        guard var k = state.kiosk else { return 0 }
        let steps = k.playlist(for: state.snapshot, panels: state.panels).count
        var total = 0
        for position in 0..<steps {
            var s = state
            k.position = position
            s.kiosk = k
            showKioskStep(&s)
            total += KioskView.pages(s)
        }
        return Double(total) * k.interval
    }
}
