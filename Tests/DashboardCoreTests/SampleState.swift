import DashboardTestSupport
import Foundation
import SnapshotKit
@testable import DashboardCore

/// The bundled sample, loaded once, and states built on it.
enum SampleState {
    static let snapshot: Snapshot = {
        guard case .success(let s) = SnapshotLoader.load(directory: Fixtures.sampleDirectory) else {
            fatalError("the bundled sample does not load")
        }
        return s
    }()

    /// 2024-07-10 09:00 in Hà Giang: five days after the export, so nothing is stale.
    static let now = Date(timeIntervalSince1970: 1_720_576_800)

    static func state(size: Size = Size(width: 120, height: 40), language: Language = .vi) -> AppState {
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
