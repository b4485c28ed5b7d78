import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// A refusal counts every error, not the 50 of a file it lists (issue 30: "REFUSED — 50 errors"
/// when there were 503): in `check`, in the status bar and in the log.
@Suite struct RefusalCountTests {
    /// The Hà Giang sample with every tourism row naming district 999: 330 errors, 50 listed.
    static func refused() throws -> (SnapshotFailure, Int) {
        let (dir, broken) = Fixtures.sampleWithEveryTourismRowUnknown()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard case .failure(let f) = SnapshotLoader.load(directory: dir) else { throw CancellationError() }
        return (f, broken)
    }

    @Test func theTotalsCountWhatIsNotListed() throws {
        let (f, broken) = try Self.refused()
        #expect(f.errors.count == IssueCollector.perFileLimit)
        #expect(f.errorTotal == broken && broken > 300)
        #expect(f.warningTotal == f.warnings.count)
        #expect(SnapshotFailure(errors: f.errors).errorTotal == 50)
    }

    @Test func theStatusBarGivesTheTotal() throws {
        let (f, broken) = try Self.refused()
        var s = SampleState.state()
        _ = update(&s, .snapshotRefused(f))
        let text = render(s).plainText
        #expect(text.contains("(+\(broken - 1) lỗi khác)"), "\(text.suffix(200))")
    }
}
