import SnapshotKit

/// The part of a period the data holds: a period that reaches past the data's end is partial,
/// its figures run to that end, and it is compared with the same months before (a year to
/// date with the same months a year earlier), never with a whole period.
public struct Span: Equatable, Sendable {
    public let period: Period
    /// First and last month held (indices); `last < first` when the period starts after the data.
    public let first: Int
    public let last: Int
    /// The last day the figures cover: the period's last day, or the data's end within it.
    public let endDay: Day

    public init(_ period: Period, dataEnd: Day) {
        self.period = period
        first = period.months.lowerBound
        let periodEnd = period.lastMonth.lastDay
        endDay = min(periodEnd, dataEnd)
        last = min(period.months.upperBound, endDay.month.index)
    }

    private init(period: Period, first: Int, last: Int, endDay: Day) {
        self.period = period; self.first = first; self.last = last; self.endDay = endDay
    }

    /// Whether the data ends before the period does.
    public var isPartial: Bool { endDay < period.lastMonth.lastDay }
    /// Whether the period lies wholly after the data.
    public var isEmpty: Bool { last < first || endDay < Month(index: first).firstDay }
    public var monthCount: Int { max(0, last - first + 1) }
    public var lastMonth: Month { Month(index: last) }

    /// The same months of the period before (for a partial period: as many months from its start).
    public var previous: Span { shiftedTo(period.previous) }
    /// The same months a year earlier.
    public var sameLastYear: Span { shiftedTo(period.sameLastYear) }

    /// Whether months `first…last` (a cube's) hold every month of the span.
    public func isHeld(from first: Month, to last: Month?) -> Bool {
        guard let last, !isEmpty else { return false }
        return self.first >= first.index && self.last <= last.index
    }

    private func shiftedTo(_ p: Period) -> Span {
        let start = p.months.lowerBound
        guard !isEmpty else { return Span(p, dataEnd: p.lastMonth.lastDay) }
        let end = start + (last - first)
        guard isPartial else { return Span(period: p, first: start, last: end, endDay: p.lastMonth.lastDay) }
        // The same day of the month as our end (clamped to the month's length).
        let m = Month(index: end)
        let day = min(endDay.components.day, Day.daysIn(year: m.year, month: m.month))
        return Span(period: p, first: start, last: end, endDay: Day(year: m.year, month: m.month, day: day) ?? m.lastDay)
    }
}

extension DossierCube {
    /// Whether the cube holds every month of the span.
    public func covers(_ span: Span) -> Bool { span.isHeld(from: firstMonth, to: lastMonth) }

    /// The span's months added up (months the cube does not hold add nothing); form 06's
    /// stocks are those of its first month's start and its last month's end.
    public func total(unit: Int, span: Span) -> DossierTally {
        var t = DossierTally()
        guard span.monthCount > 0 else { return t }
        let months = series(unit: unit, endingAt: span.lastMonth, count: span.monthCount)
        for m in months { t.add(m) }
        if let first = months.first, let last = months.last {
            t.openStart = first.openStart
            t.openEnd = last.openEnd; t.overdueEnd = last.overdueEnd; t.supplementEnd = last.supplementEnd
        }
        return t
    }
}

extension TourismCube {
    public func covers(_ span: Span) -> Bool { span.isHeld(from: firstMonth, to: lastMonth) }

    public func total(unit: Int, span: Span) -> TourismTally {
        var t = TourismTally()
        guard span.monthCount > 0 else { return t }
        for m in span.first...span.last { t.add(total(unit: unit, period: .month(Month(index: m)))) }
        return t
    }
}
