/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var number: Int
    public init(number: Int) { self.number = number }

    /// nil when the date does not exist (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        // Years an export can hold come from a table: a million rows have three dates each.
        let m = (year &- Day.tableStartYear) &* 12 &+ month &- 1
        if month >= 1, month <= 12, m >= 0, m < Day.monthStarts.count - 1 {
            let first = Day.monthStarts[m]
            guard day >= 1, day <= Day.monthStarts[m + 1] - first else { return nil }
            number = first + day - 1
            return
        }
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        number = Day.number(year: year, month: month, day: day)
    }

    private static let tableStartYear = 1970
    /// Day number of the first day of each month from 1970-01 to 2100-01.
    private static let monthStarts: [Int] = (0...(2100 - 1970) * 12).map {
        number(year: tableStartYear + $0 / 12, month: $0 % 12 + 1, day: 1)
    }

    private static func number(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var month: Month { let c = components; return Month(year: c.year, month: c.month) }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    /// `2024-06-30`
    public var description: String {
        let c = components
        return "\(Day.year(c.year))-\(Day.pad(c.month))-\(Day.pad(c.day))"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    /// Four digits, as written in the files (`0000`, `0999`).
    static func year(_ y: Int) -> String { (0..<1000).contains(y) ? String("000\(y)".suffix(4)) : "\(y)" }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// A calendar month, as `year * 12 + (month - 1)`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var index: Int
    public init(index: Int) { self.index = index }
    public init(year: Int, month: Int) { index = year * 12 + month - 1 }
    // Floored, so that months before year 0 (an offset stepped back far enough) stay 1…12.
    public var year: Int { index >= 0 ? index / 12 : (index + 1) / 12 - 1 }
    public var month: Int { (index % 12 + 12) % 12 + 1 }
    public var quarter: Int { (month - 1) / 3 + 1 }
    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }
    public func adding(_ n: Int) -> Month { Month(index: index + n) }
    // `month` is always 1…12 and the day exists, so these hold for every year; day 0 if not.
    public var firstDay: Day { Day(year: year, month: month, day: 1) ?? Day(number: 0) }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(year: year, month: month)) ?? Day(number: 0) }
    /// `2024-06`
    public var description: String { "\(Day.year(year))-\(Day.pad(month))" }

    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }
}

/// A reporting period: a month, a quarter or a year.
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case month(Month)
    case quarter(year: Int, quarter: Int)
    case year(Int)

    public enum Kind: String, CaseIterable, Sendable { case month, quarter, year }

    public var kind: Kind {
        switch self {
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        }
    }

    /// The months the period covers, in order.
    public var months: ClosedRange<Int> {
        switch self {
        case .month(let m): return m.index...m.index
        case .quarter(let y, let q): let s = Month(year: y, month: (q - 1) * 3 + 1).index; return s...(s + 2)
        case .year(let y): let s = Month(year: y, month: 1).index; return s...(s + 11)
        }
    }

    public var lastMonth: Month { Month(index: months.upperBound) }

    /// The period of the same kind that contains `month`.
    public static func containing(_ month: Month, kind: Kind) -> Period {
        switch kind {
        case .month: return .month(month)
        case .quarter: return .quarter(year: month.year, quarter: month.quarter)
        case .year: return .year(month.year)
        }
    }

    /// The period just before (Q1/2024 → Q4/2023).
    public var previous: Period { shifted(by: -1) }
    /// The same period a year earlier.
    public var sameLastYear: Period {
        switch self {
        case .month(let m): return .month(m.adding(-12))
        case .quarter(let y, let q): return .quarter(year: y - 1, quarter: q)
        case .year(let y): return .year(y - 1)
        }
    }

    public func shifted(by n: Int) -> Period {
        switch self {
        case .month(let m): return .month(m.adding(n))
        case .quarter(let y, let q):
            let idx = y * 4 + (q - 1) + n
            let year = idx >= 0 ? idx / 4 : (idx + 1) / 4 - 1   // floored, as in `Month`
            return .quarter(year: year, quarter: idx - year * 4 + 1)
        case .year(let y): return .year(y + n)
        }
    }

    /// `2024-06`, `2024-Q2`, `2024`: the form the command line takes.
    public var description: String {
        switch self {
        case .month(let m): return m.description
        case .quarter(let y, let q): return "\(Day.year(y))-Q\(q)"
        case .year(let y): return Day.year(y)
        }
    }

    public init?(parsing text: String) {
        let t = text.uppercased()
        if let m = Month(iso: t) { self = .month(m); return }
        if t.count == 4, let y = Int(t) { self = .year(y); return }
        let parts = t.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), parts[1].first == "Q",
           let q = Int(parts[1].dropFirst()), (1...4).contains(q) {
            self = .quarter(year: y, quarter: q)
            return
        }
        return nil
    }
}
