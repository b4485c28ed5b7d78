import Foundation
import SnapshotKit

/// Everything that can happen to the dashboard.
public enum Event: Sendable {
    case key(Key)
    case resize(Size)
    case snapshotLoaded(Snapshot)
    case snapshotRefused(SnapshotFailure)
    case tick(Date)
    /// A click at a cell; `double` for a double click.
    case mouse(x: Int, y: Int, double: Bool)
}

/// What `update` asks the edge to do: plain data, compared with `==` in tests.
public enum Effect: Equatable, Sendable {
    case quit
    case setMouse(Bool)
    case redrawAll
    case suspend
    case applyTheme(String)
}
