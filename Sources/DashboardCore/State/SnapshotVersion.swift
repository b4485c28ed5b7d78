import Foundation
#if !CDSBOARD_FUZZ
import SnapshotKit
#endif

/// Which export a screen shows, as a presenter tells its followers: the manifest's
/// `generated_at` and the last day its data covers. Followers render from their own snapshot;
/// when theirs differs they say so.
public struct SnapshotVersion: Equatable, Sendable {
    /// `generated_at`, seconds since 1970, and the offset it was written with.
    public var generated: Int
    public var utcOffset: Int
    /// `period_end`, as `2026-10-31`.
    public var periodEnd: String

    public init(generated: Int, utcOffset: Int, periodEnd: String) {
        self.generated = generated; self.utcOffset = utcOffset; self.periodEnd = periodEnd
    }

    public init(_ snapshot: Snapshot) {
        self.init(generated: Int(snapshot.manifest.generatedAt.timeIntervalSince1970),
                  utcOffset: snapshot.manifest.utcOffsetSeconds, periodEnd: snapshot.manifest.periodEnd.description)
    }

    /// Same export: the same time of writing and the same last day (the offset is how it was written).
    public func same(as other: SnapshotVersion) -> Bool { generated == other.generated && periodEnd == other.periodEnd }
}
