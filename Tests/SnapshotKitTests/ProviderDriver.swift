import DashboardTestSupport
import Foundation
@testable import SnapshotKit

/// Tourism visitors of April 2024 in the tiny snapshot, when the event is a loaded snapshot.
func aprilVisitors(_ e: ProviderEvent?) -> Int? {
    guard case .loaded(let s)? = e else { return nil }
    return s.tourism.total(unit: 0, period: .month(Month(year: 2024, month: 4))).visitors
}
