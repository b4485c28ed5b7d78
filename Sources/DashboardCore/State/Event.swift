import Foundation
import SnapshotKit

/// Everything that can happen to the dashboard.
public enum Event: Sendable {
    case key(Key)
    case resize(Size)
    case snapshotLoaded(Snapshot)
    case snapshotRefused(SnapshotFailure)
    /// A new export is being written: the last good one stays; the text says what differs.
    case snapshotArriving(String)
    /// The clock, read once per pass of the loop.
    case tick(Instant)
    /// A click at a cell; `double` for a double click.
    case mouse(x: Int, y: Int, double: Bool)
    /// The terminal went away (hang-up, end of input).
    case terminalClosed
    /// Asked to stop (SIGTERM, SIGINT from outside).
    case terminate
    /// A follower: the presenter's newest route, the export it shows, and who presents.
    case followed(Route, SnapshotVersion, presenter: String)
    /// A follower: the presenter's connection ended (it quit, died, or was replaced).
    case presenterGone
    /// A presenter: how many follow now.
    case followerCount(Int)
    /// A presenter: another took the room (`--take-over`); this screen is its own again.
    case presentingEnded
}

/// What `update` asks the edge to do: plain data, compared with `==` in tests.
public enum Effect: Equatable, Sendable {
    case quit
    case setMouse(Bool)
    case redrawAll
    case suspend
    case applyTheme(String)
    /// Read the source again now (the last good figures stay until the new ones are whole).
    case reload
}
