import Foundation

/// When the state next needs a tick, on the monotonic clock: the clock's next minute, the
/// kiosk's next step, the moment the data turns stale, and at least once an hour (the panels'
/// "as of" lines age by days). nil before the first tick (the loop ticks at once then).
public func nextWake(_ state: AppState) -> Double? {
    guard let now = state.monotonic, let wall = state.now?.timeIntervalSince1970 else { return nil }
    var wakes = [now + 3600 - wall.truncatingRemainder(dividingBy: 3600)]
    if state.showClock { wakes.append(now + 60 - wall.truncatingRemainder(dividingBy: 60)) }
    if let k = state.kiosk, !k.paused, let due = k.due, state.followState?.leading != true { wakes.append(due) }
    if let generated = state.snapshot?.manifest.generatedAt.timeIntervalSince1970 {
        let staleAt = generated + state.staleAfter
        if staleAt > wall { wakes.append(now + staleAt - wall) }
    }
    return wakes.min()
}
