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

    /// For tests only: `CDSBOARD_TEST_TRAP_ON_LOAD=NAME` makes a load of an export that holds a
    /// file named NAME trap (`fatalError`), as a bug in the loader would; an end-to-end test
    /// then sees what a crash on an export does, whatever bugs the loader has or has not.
    static let testTrapOnLoad: String? = values["CDSBOARD_TEST_TRAP_ON_LOAD"].flatMap { $0.isEmpty ? nil : $0 }

    /// How every command loads an export (with the test hook above, when set).
    static let loader: @Sendable (String, SnapshotBuilder.Options) -> Result<Snapshot, SnapshotFailure> = { directory, options in
        if let name = testTrapOnLoad, !name.contains("/"), FileManager.default.fileExists(atPath: directory + "/" + name) {
            fatalError("CDSBOARD_TEST_TRAP_ON_LOAD: the export holds \(name)")
        }
        return SnapshotLoader.load(directory: directory, options: options)
    }

    /// How long an export's files may differ from its manifest before it is refused (seconds,
    /// default 60): `CDSBOARD_ARRIVAL_TIMEOUT`, for an exporter that copies slowly, and tests.
    static var arrivalTimeout: Double {
        guard let v = values["CDSBOARD_ARRIVAL_TIMEOUT"].flatMap(Double.init), v.isFinite, v >= 0.5, v <= 86_400 else { return 60 }
        return v
    }

    /// The Swift runtime's crash settings (`SWIFT_BACKTRACE`), as the user set them, or nil.
    static let backtraceSettings: String? = values["SWIFT_BACKTRACE"]
}
