import Foundation
import SnapshotKit

/// One screen of the wall-screen playlist.
public enum KioskStep: Equatable, Sendable {
    case overview
    case panel(PanelKind)
    case district(String)
}

/// The wall screen's rotation: where it is in the playlist, and when it moves on.
public struct KioskState: Equatable, Sendable {
    /// What the playlist is made of, in order: `overview`, `panels`, `districts`.
    public var parts: [String]
    public var interval: TimeInterval
    public var position = 0
    public var paused = false
    /// Whether `q` quits (off by default: visitors may reach the keyboard).
    public var allowQuit: Bool
    /// When the next step is due (wall clock, as told by ticks).
    public var due: Date?

    public init(parts: [String] = ["overview", "panels", "districts"], interval: TimeInterval = 20, allowQuit: Bool = false) {
        self.parts = parts
        self.interval = interval
        self.allowQuit = allowQuit
    }

    /// The steps for a snapshot: the overview, each panel full screen, each district.
    public func playlist(for snapshot: Snapshot?) -> [KioskStep] {
        var out: [KioskStep] = []
        for part in parts {
            switch part {
            case "overview": out.append(.overview)
            case "panels": out += PanelKind.allCases.map { .panel($0) }
            case "districts": out += (snapshot?.units.districts ?? []).map { .district($0.code) }
            default:
                if part.hasPrefix("district:") { out.append(.district(String(part.dropFirst(9)))) }
                else if let k = ["dossiers", "bts", "ocop", "tourism"].firstIndex(of: part) { out.append(.panel(PanelKind(rawValue: k)!)) }
            }
        }
        return out.isEmpty ? [.overview] : out
    }

    /// Playlist parts a config may name.
    public static func isValidPart(_ p: String) -> Bool {
        ["overview", "panels", "districts", "dossiers", "bts", "ocop", "tourism"].contains(p) || p.hasPrefix("district:")
    }
}

extension AppState {
    /// The kiosk step on screen, if in kiosk mode.
    public var kioskStep: KioskStep? {
        guard let k = kiosk else { return nil }
        let list = k.playlist(for: snapshot)
        return list[k.position % list.count]
    }
}

/// Moves the kiosk by `delta` steps and shows that step.
func kioskStep(_ state: inout AppState, by delta: Int, now: Date?) {
    guard var k = state.kiosk else { return }
    let count = k.playlist(for: state.snapshot).count
    k.position = ((k.position + delta) % count + count) % count
    if let now { k.due = now.addingTimeInterval(k.interval) }
    state.kiosk = k
    showKioskStep(&state)
}

/// Sets place and expanded panel from the current kiosk step.
func showKioskStep(_ state: inout AppState) {
    guard let step = state.kioskStep else { return }
    state.search = nil
    state.showHelp = false
    switch step {
    case .overview:
        state.place = .province; state.expandedPanel = nil; state.focus = .table
    case .panel(let p):
        state.place = .province; state.expandedPanel = p; state.focus = .panel(p)
    case .district(let code):
        state.place = .district(code); state.expandedPanel = nil; state.focus = .table
    }
    state.selectedRow = 0
}

/// Keys on the wall screen: Space pauses, ← → step; `q` only when allowed; the rest is ignored.
func kioskKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .char(" "):
        guard var k = state.kiosk else { return [] }
        k.paused.toggle()
        if !k.paused, let now = state.now { k.due = now.addingTimeInterval(k.interval) }
        state.kiosk = k
    case .right, .char("l"), .pageDown: kioskStep(&state, by: 1, now: state.now)
    case .left, .char("h"), .pageUp: kioskStep(&state, by: -1, now: state.now)
    case .char("q"), .ctrl("c"):
        if state.kiosk?.allowQuit == true { state.shouldQuit = true; return [.quit] }
    case .ctrl("l"): return [.redrawAll]
    default: break
    }
    return []
}

/// On a clock tick: move on when the step is due.
func kioskTick(_ state: inout AppState, _ now: Date) {
    guard let k = state.kiosk else { return }
    guard let due = k.due else { state.kiosk?.due = now.addingTimeInterval(k.interval); return }
    if !k.paused, now >= due { kioskStep(&state, by: 1, now: now) }
}
