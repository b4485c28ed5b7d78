/// The months a snapshot's dates may fall in: a date or month outside is a typo (`2204-06`,
/// `9999-12`, `0000-01`), refused at its `source:line`, so that nothing sized by the date range
/// (the dossier and tourism cubes, series) can grow with a typo.
public struct DateWindow: Sendable, Equatable, CustomStringConvertible {
    public let first: Month
    public let last: Month
    let firstDay: Int
    let lastDay: Int

    public init(first: Month, last: Month) {
        self.first = first
        self.last = last
        firstDay = first.firstDay.number
        lastDay = last.lastDay.number
    }

    /// Every month a `Month` can hold, for callers that check nothing.
    public static let unbounded = DateWindow(first: Month(year: 0, month: 1), last: Month(year: 9999, month: 12))

    @inline(__always)
    public func contains(_ m: Month) -> Bool { m.index >= first.index && m.index <= last.index }

    @inline(__always)
    public func contains(_ d: Day) -> Bool { d.number >= firstDay && d.number <= lastDay }

    /// `1990-01 … 2025-06`
    public var description: String { "\(first) … \(last)" }
}
