import Foundation
import SnapshotKit

/// The dashboard's part in a meeting room: alone, presenting (how many follow), or following
/// a presenter (or independent of it for now, or its presenter gone).
public enum Presence: Equatable, Sendable {
    case alone
    case presenting(followers: Int)
    case following(FollowState)
}

/// A follower's view of its presenter.
public struct FollowState: Equatable, Sendable {
    /// The room's name, and who presents in it (the presenter's account), once heard from.
    public var room: String
    public var presenter: String?
    /// The presenter's newest route and export version (kept while independent, for `F`).
    public var route: Route?
    public var version: SnapshotVersion?
    /// Navigation keys were pressed here: the screen is this viewer's own until `F`.
    public var independent = false
    /// The presenter is connected now.
    public var presenterPresent = false
    /// The presenter's last route names what this snapshot lacks: that part, for the note.
    public var mismatch: String?

    public init(room: String) { self.room = room }

    /// Following and the presenter there: the screen is the presenter's.
    public var leading: Bool { presenterPresent && !independent }
}

extension AppState {
    /// The follower's state, if following.
    public var followState: FollowState? {
        if case .following(let f) = presence { return f }
        return nil
    }

    /// The presenter shows another export than this screen's: its version, for the note.
    public var presenterVersionDiffers: SnapshotVersion? {
        guard let f = followState, f.leading, let theirs = f.version, let mine = snapshot.map(SnapshotVersion.init) else { return nil }
        return theirs.same(as: mine) ? nil : theirs
    }

    /// The short presence text of the header: whom this screen follows, or how many follow it.
    public var presenceLabel: String? {
        let s = strings
        switch presence {
        case .alone: return nil
        case .presenting(let n): return "\(s[.presenting]) · \(format.integer(n)) \(s[.followersWord])"
        case .following(let f):
            if f.independent { return s[.independentShort] }
            if !f.presenterPresent { return f.presenter == nil ? "\(s[.waitingForPresenter]) (\(f.room))" : s[.presenterLeft] }
            return "\(s[.followingWord]) \(f.presenter ?? f.room)"
        }
    }

    /// The longer line of the status bar for a follower: broken away (and how to come back), the
    /// presenter gone, another export, a place this snapshot lacks.
    public var presenceNote: String? {
        let s = strings
        guard let f = followState else { return nil }
        if f.independent { return "\(s[.independentShort]) — \(keymap.label(.followPresenter)): \(s[.followAgain])" }
        if !f.presenterPresent { return f.presenter == nil ? nil : s[.presenterLeft] }
        if let m = f.mismatch { return "\(m) \(s[.notInThisData])" }
        if let v = presenterVersionDiffers {
            return "\(s[.presenterDataOf]) \(format.dateTime(secondsSince1970: v.generated, utcOffset: v.utcOffset))"
        }
        return nil
    }
}

/// The presenter's newest route arrived: followed unless this viewer broke away; a route this
/// snapshot cannot show is ignored with a note.
func followed(_ state: inout AppState, _ route: Route, _ version: SnapshotVersion, presenter: String) {
    guard case .following(var f) = state.presence else { return }
    f.route = route
    f.version = version
    f.presenter = presenter
    f.presenterPresent = true
    if !f.independent { f.mismatch = applyFollowed(&state, route) }
    state.presence = .following(f)
}

/// Follows `route` on the state; the part the snapshot lacks when it cannot.
private func applyFollowed(_ state: inout AppState, _ route: Route) -> String? {
    guard state.snapshot != nil else { return nil }
    do {
        try follow(&state, route)
        return nil
    } catch {
        return mismatchPart(route, error)
    }
}

/// `commune:99999`, `panel:xyz`: what the note names (the route part the snapshot lacks).
private func mismatchPart(_ route: Route, _ error: RouteMismatch) -> String {
    let d = error.description
    if let q = d.firstIndex(of: "\""), let e = d[d.index(after: q)...].firstIndex(of: "\"") {
        let what = String(d[d.index(after: q)..<e])
        if d.hasPrefix("no district") { return "district:\(what)" }
        if d.hasPrefix("no commune") { return "commune:\(what)" }
        if d.hasPrefix("no panel") { return "panel:\(what)" }
        if d.hasPrefix("no column") { return "sort:\(what)" }
        return what
    }
    return route.map ? "map" : route.description
}

/// `F`: follow the presenter again, at once when it is there.
func followPresenter(_ state: inout AppState) {
    guard case .following(var f) = state.presence else { return }
    f.independent = false
    state.presence = .following(f)
    if f.presenterPresent, let route = f.route, let version = f.version, let who = f.presenter {
        followed(&state, route, version, presenter: who)
    }
}

/// A key or click that moves the screen makes a follower independent (`F` follows again).
func breakAway(_ state: inout AppState) {
    guard case .following(var f) = state.presence, !f.independent, state.kiosk == nil else { return }
    f.independent = true
    f.mismatch = nil
    state.presence = .following(f)
}

/// The presenter's connection ended: the view stays, the header says so.
func presenterGone(_ state: inout AppState) {
    guard case .following(var f) = state.presence else { return }
    f.presenterPresent = false
    f.mismatch = nil
    state.presence = .following(f)
    // A wall screen rotates by itself again, from the next interval.
    if let k = state.kiosk, let now = state.monotonic { state.kiosk?.due = now + k.interval }
}

/// Actions that change nothing of where the screen looks: a follower stays following.
let passiveActions: Set<Action> = [.help, .closeHelp, .quit, .cycleTheme, .toggleMouse, .redraw, .suspend, .followPresenter, .reload]
