import SnapshotKit

/// The period a report is asked for: a period by name (`2024-Q2`), or the last complete
/// month, quarter or year of the data (`last-quarter`), resolved against the export's
/// `period_end` so that a secretary need not work out which quarter just closed.
public enum ReportPeriod: Equatable, Sendable {
    case given(Period)
    case lastComplete(Period.Kind)

    /// `2024-06`, `2024-Q2`, `2024`, `last-month`, `last-quarter`, `last-year`.
    public init?(parsing text: String) {
        switch text {
        case "last-month": self = .lastComplete(.month)
        case "last-quarter": self = .lastComplete(.quarter)
        case "last-year": self = .lastComplete(.year)
        default:
            guard let p = Period(parsing: text) else { return nil }
            self = .given(p)
        }
    }

    public var given: Period? {
        if case .given(let p) = self { return p }
        return nil
    }

    /// The period: for `lastComplete`, the latest of that kind that ends on or before
    /// `dataEnd` (the export's `period_end`): data to 31/10/2026 gives Q3/2026, data to
    /// 30/06/2024 gives Q2/2024.
    public func resolve(dataEnd: Day) -> Period {
        switch self {
        case .given(let p): return p
        case .lastComplete(let kind):
            let m = dataEnd.month
            let lastWhole = dataEnd == m.lastDay ? m : m.adding(-1)
            let p = Period.containing(lastWhole, kind: kind)
            return p.lastMonth == lastWhole ? p : p.previous
        }
    }
}
