import Foundation

/// When data is stale: one rule for the screen, the kiosk and the report.
public enum Staleness {
    /// After how long an export is stale unless the config says otherwise (`stale_after_days`).
    public static let defaultAfter: TimeInterval = 45 * 86400

    /// Whole days since `generated`, when that is more than `after`; nil while fresh or
    /// without a clock.
    public static func days(now: Date?, generated: Date, after: TimeInterval) -> Int? {
        guard let now, now.timeIntervalSince(generated) > after else { return nil }
        return Int(now.timeIntervalSince(generated) / 86400)
    }
}
