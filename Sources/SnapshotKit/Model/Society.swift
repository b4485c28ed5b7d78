/// What `society.csv` counts, per month and unit (counts, never people): the digital-society
/// pillar of a province's reports. Most are stocks, as of the month's end; payments are
/// flows, made in the month.
public enum SocietyMeasure: Int, CaseIterable, Sendable {
    /// Adults (the population VNeID activation is measured against) and those with an
    /// activated level-2 electronic identity.
    case adults, vneidActivated
    /// Community digital technology teams (tổ công nghệ số cộng đồng) and their members.
    case teams, teamMembers
    /// People trained and certified on the "Bình dân học vụ số" platform.
    case trained, certified
    /// Households, and those with a bank or mobile-money account.
    case households, householdsWithAccount
    /// Social-benefit payments made in the month, and those made without cash.
    case benefitPayments, cashlessPayments
    /// The province's citizen app: downloads and registered accounts.
    case appDownloads, appAccounts
    /// Officials (cán bộ, công chức, viên chức) and their official e-mail accounts.
    case officials, emailAccounts

    /// The column of `society.csv`.
    public var column: String {
        switch self {
        case .adults: return "adults"
        case .vneidActivated: return "vneid_activated"
        case .teams: return "digital_teams"
        case .teamMembers: return "team_members"
        case .trained: return "trained"
        case .certified: return "certified"
        case .households: return "households"
        case .householdsWithAccount: return "households_with_account"
        case .benefitPayments: return "benefit_payments"
        case .cashlessPayments: return "benefit_payments_cashless"
        case .appDownloads: return "app_downloads"
        case .appAccounts: return "app_accounts"
        case .officials: return "officials"
        case .emailAccounts: return "email_accounts"
        }
    }

    /// Made in the month (added up over a period), not held at its end.
    public var isFlow: Bool { self == .benefitPayments || self == .cashlessPayments }

    /// Pairs `(part, whole)`: the part may not exceed the whole.
    public static let parts: [(SocietyMeasure, SocietyMeasure)] = [
        (.vneidActivated, .adults), (.certified, .trained), (.householdsWithAccount, .households),
        (.cashlessPayments, .benefitPayments), (.emailAccounts, .officials),
    ]
}

/// The society counts of one unit (one month, or a span): each measure known or not. An
/// empty cell is "not reported", never zero.
public struct SocietyTally: Equatable, Sendable {
    /// One count per `SocietyMeasure` (a test checks there are as many), inline: a cube holds
    /// thousands of tallies, and every viewer holds the cube.
    typealias Counts = InlineArray<14, Int>
    // Internal for the cache (SnapshotEncoding).
    var values = Counts(repeating: 0)
    var known: UInt32 = 0
    public init() {}

    public subscript(_ m: SocietyMeasure) -> Int? {
        get { known & (1 << m.rawValue) != 0 ? values[m.rawValue] : nil }
        set {
            if let v = newValue { values[m.rawValue] = v; known |= 1 << m.rawValue } else {
                values[m.rawValue] = 0; known &= ~(1 << m.rawValue)
            }
        }
    }

    public static func == (a: SocietyTally, b: SocietyTally) -> Bool {
        a.known == b.known && a.values.indices.allSatisfy { a.values[$0] == b.values[$0] }
    }

    public var isEmpty: Bool { known == 0 }

    /// Adds what `o` knows (a unit's rows into its district and province).
    public mutating func add(_ o: SocietyTally) {
        for m in SocietyMeasure.allCases { if let v = o[m] { self[m] = (self[m] ?? 0) + v } }
    }

    /// `part / whole`, nil when either is unknown or the whole is zero.
    public func share(_ part: SocietyMeasure, of whole: SocietyMeasure) -> Double? {
        guard let p = self[part], let w = self[whole], w > 0 else { return nil }
        return Double(p) / Double(w)
    }
}

/// Society counts per month × unit (province, districts, communes); a commune's rows count in
/// its district and the province, a district's own rows (no commune) in the district and the
/// province.
public struct SocietyCube: Equatable, Sendable {
    public let firstMonth: Month
    public let monthCount: Int
    public let unitCount: Int
    var cells: [SocietyTally]

    /// A cube read back from the cache.
    init(firstMonth: Month, monthCount: Int, unitCount: Int, cells: [SocietyTally]) {
        self.firstMonth = firstMonth; self.monthCount = monthCount; self.unitCount = unitCount; self.cells = cells
    }

    public init(rows: [(Month, Int, SocietyTally)], units: UnitTree) {
        let lo = rows.map(\.0.index).min() ?? 0
        let hi = rows.map(\.0.index).max() ?? -1
        firstMonth = Month(index: lo)
        monthCount = max(0, hi - lo + 1)
        unitCount = units.units.count
        cells = Array(repeating: SocietyTally(), count: monthCount * unitCount)
        for (m, unit, t) in rows {
            var u: Int? = unit
            let base = (m.index - lo) * unitCount
            while let k = u, k >= 0, k < unitCount { cells[base + k].add(t); u = units.units[k].parent }
        }
    }

    public var lastMonth: Month? { monthCount > 0 ? Month(index: firstMonth.index + monthCount - 1) : nil }

    /// The unit's counts in one month (empty outside the data).
    public func month(_ m: Month, unit: Int) -> SocietyTally {
        let k = m.index - firstMonth.index
        guard k >= 0, k < monthCount, unit >= 0, unit < unitCount else { return SocietyTally() }
        return cells[k * unitCount + unit]
    }

    /// The unit's figures over the months `first…last`: stocks as of `last`, flows added up.
    /// Empty when the data does not hold `last`.
    public func figures(unit: Int, first: Int, last: Int) -> SocietyTally {
        guard let held = lastMonth, last >= first, last <= held.index, last >= firstMonth.index else { return SocietyTally() }
        var out = month(Month(index: last), unit: unit)
        for m in SocietyMeasure.allCases where m.isFlow {
            var sum: Int?
            for k in max(first, firstMonth.index)...last {
                if let v = month(Month(index: k), unit: unit)[m] { sum = (sum ?? 0) + v }
            }
            out[m] = sum
        }
        return out
    }
}
