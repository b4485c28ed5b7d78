/// One target (chỉ tiêu) of a plan, as a row of `indicators.csv`: the national code where there
/// is one ("11.1"), what is measured, which way is better, where it started and where it must
/// be by when. A province adds its own plan as rows with their own `set`, without code.
public struct PlanIndicator: Equatable, Sendable {
    public enum Direction: String, Sendable { case higher, lower }

    public let set: String
    public let code: String
    public let name: String
    public let nameEn: String
    /// `%` (values are percents, 0–100), `count`, or a free word ("ngày", "điểm").
    public let unit: String
    public let direction: Direction
    public let baselineYear: Int
    public let baselineValue: Double
    public let targetValue: Double
    public let targetYear: Int
    /// The document or agency the target comes from ("NQ 03/NQ-CP", "Sở KH&CN").
    public let source: String

    public init(set: String, code: String, name: String, nameEn: String, unit: String, direction: Direction,
                baselineYear: Int, baselineValue: Double, targetValue: Double, targetYear: Int, source: String) {
        self.set = set; self.code = code; self.name = name; self.nameEn = nameEn; self.unit = unit; self.direction = direction
        self.baselineYear = baselineYear; self.baselineValue = baselineValue; self.targetValue = targetValue
        self.targetYear = targetYear; self.source = source
    }

    /// The margin below the line (above it for `lower`) that is still "at risk" rather than
    /// "behind": a tenth of the planned change from baseline to target, or, for a plan that
    /// holds a level (target = baseline), 2% of the target.
    public var atRiskMargin: Double {
        let change = abs(targetValue - baselineValue)
        return change > 0 ? change / 10 : abs(targetValue) * 0.02
    }

    /// Where the straight line from the baseline (end of `baselineYear`) to the target (end of
    /// `targetYear`) stands at the end of `month`: the baseline before it, the target after.
    public func expected(at month: Month) -> Double {
        let start = Double(Month(year: baselineYear, month: 12).index), end = Double(Month(year: targetYear, month: 12).index)
        guard end > start else { return targetValue }
        let f = min(1, max(0, (Double(month.index) - start) / (end - start)))
        return baselineValue + (targetValue - baselineValue) * f
    }

    /// The status of `value` observed over a period ending in `month`, by trajectory: on track
    /// when it has reached the line (or the target), at risk within `atRiskMargin` of the line,
    /// behind otherwise; reversed when lower is better.
    public func status(of value: Double, at month: Month) -> TargetStatus {
        let line = expected(at: month)
        let ahead = direction == .higher ? value - line : line - value
        let reached = direction == .higher ? value >= targetValue : value <= targetValue
        if ahead >= -1e-9 || reached { return .onTrack }
        return ahead >= -atRiskMargin - 1e-9 ? .atRisk : .behind
    }

    /// How far `value` is from the target in the better direction (negative: short of it).
    public func gap(_ value: Double) -> Double { direction == .higher ? value - targetValue : targetValue - value }
}

/// One observed value of an indicator (`indicator_values.csv`): for a period and a unit.
public struct IndicatorObservation: Equatable, Sendable {
    public let period: Period
    public let unit: Int
    public let code: String
    public let value: Double
    public let numerator: Double?
    public let denominator: Double?
    public let note: String
    /// Where it was read, for the cross-check against `indicators.csv`.
    let line: Int

    public init(period: Period, unit: Int, code: String, value: Double, numerator: Double? = nil, denominator: Double? = nil,
                note: String = "", line: Int = 0) {
        self.period = period; self.unit = unit; self.code = code; self.value = value; self.numerator = numerator
        self.denominator = denominator; self.note = note; self.line = line
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.period == b.period && a.unit == b.unit && a.code == b.code && a.value == b.value && a.numerator == b.numerator
            && a.denominator == b.denominator && a.note == b.note
    }
}

/// An indicator of a plan with its latest value for a unit and that value's status.
public struct IndicatorReading: Sendable {
    public let indicator: PlanIndicator
    /// nil: no value yet ("chưa có số liệu"), never 0.
    public let observation: IndicatorObservation?
    public let status: TargetStatus?
}

/// The plans' indicators and their values: what the Targets panel and `report` read.
public struct PlanIndicators: Equatable, Sendable {
    public let indicators: [PlanIndicator]
    public let values: [IndicatorObservation]

    public init(indicators: [PlanIndicator], values: [IndicatorObservation]) {
        self.indicators = indicators; self.values = values
    }

    /// The sets, in the order their first row came.
    public var sets: [String] {
        var seen = Set<String>()
        return indicators.map(\.set).filter { seen.insert($0).inserted }
    }

    /// Each indicator with the latest value of `unit` for a period ending by `month` (all
    /// values when nil), and its status by trajectory.
    public func readings(unit: Int, upTo month: Month? = nil) -> [IndicatorReading] {
        var latest: [String: IndicatorObservation] = [:]
        for v in values where v.unit == unit && (month.map { v.period.lastMonth <= $0 } ?? true) {
            if let old = latest[v.code], old.period.lastMonth > v.period.lastMonth { continue }
            if let old = latest[v.code], old.period.lastMonth == v.period.lastMonth, old.period.kind == .year { continue }
            latest[v.code] = v
        }
        return indicators.map { i in
            let o = latest[i.code]
            return IndicatorReading(indicator: i, observation: o, status: o.map { i.status(of: $0.value, at: $0.period.lastMonth) })
        }
    }

    /// The units that have a value of any indicator (the province's communes where they report).
    public var unitsWithValues: Set<Int> { Set(values.map(\.unit)) }
}
