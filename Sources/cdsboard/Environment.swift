import Foundation
import SnapshotKit

/// The process environment, read once, here: every other part of cdsboard is handed the
/// values it needs (TERM, NO_COLOR, LANG, XDG_*, CDSBOARD_DATA).
enum Environment {
    static let values = ProcessInfo.processInfo.environment

    /// How snapshots are read: a large `dossiers.csv` in `CDSBOARD_THREADS` parts at once
    /// (1 = on one core, e.g. on a kiosk that must keep a core for drawing), else one per core.
    static var snapshotOptions: SnapshotBuilder.Options {
        var o = SnapshotBuilder.Options()
        if let v = values["CDSBOARD_THREADS"], let n = Int(v), n >= 1 { o.parts = min(n, 64) }
        return o
    }
}
