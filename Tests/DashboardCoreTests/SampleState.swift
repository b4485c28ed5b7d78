import DashboardTestSupport
import Foundation
import SnapshotKit
@testable import DashboardCore

/// The bundled sample, loaded once, and states built on it.
enum SampleState {
    /// The bundled sample without its committee files (targets, DTI, tasks: issue 28), as the
    /// screens and counts of the tests written before them know it; `full` has them.
    static let snapshot: Snapshot = withoutCommitteeFiles

    /// The bundled sample as committed, with the committee's panels.
    static let full: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: Fixtures.sampleDirectory) else {
            fatalError("the bundled sample does not load")
        }
        return s
    }()

    /// The sample without its committee files (targets, DTI, tasks): what an export without them shows.
    static let withoutCommitteeFiles: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: Fixtures.copyOfSample()) else {
            fatalError("the sample without its committee files does not load")
        }
        return s
    }()

    /// 2024-07-10 09:00 in Hà Giang: five days after the export, so nothing is stale.
    static let now = Date(timeIntervalSince1970: 1_720_576_800)

    static func state(size: Size = Size(width: 120, height: 40), language: Language = .vi, snapshot: Snapshot = snapshot) -> AppState {
        var s = AppState()
        s.size = size
        s.language = language
        s.now = now
        s.themeNames = ["default", "light", "high-contrast", "mono"]
        _ = update(&s, .snapshotLoaded(snapshot))
        return s
    }

    static func press(_ s: inout AppState, _ script: String) -> [Effect] {
        var effects: [Effect] = []
        for k in Key.script(script)! { effects += update(&s, .key(k)) }
        return effects
    }
}
