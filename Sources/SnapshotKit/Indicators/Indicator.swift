/// One figure the committee is judged on, as data: what its values are (a share, points of a
/// maximum, a relative change, a count, a rank among N), which way is better, which subjects it
/// ranks and whether it is a stock (as of a day) or a flow (over a period). Targets, the
/// ranking and the formatting read it; a data kind brings its own (`DatasetKind.indicators`).
public struct Indicator: Sendable, Hashable {
    /// What a value is.
    public enum Measure: Sendable, Hashable {
        /// A fraction: 0.85 for 85%.
        case share
        /// Points of a maximum (the 766 index: of 100).
        case points(of: Double)
        /// A relative change: 0.1 for +10%.
        case relativeChange
        /// A number of things.
        case count
        /// A place among `among` (1 is first).
        case rank(among: Int)
    }

    public enum Better: Sendable, Hashable { case higher, lower }

    /// What the indicator compares.
    public enum Subjects: Sendable, Hashable {
        /// The province's districts, khu vực and communes.
        case units
        /// Its departments (sở, ban, ngành).
        case agencies
        /// The country's provinces.
        case provinces
    }

    /// Over a period (dossiers received in a quarter), or as of a day (villages covered).
    public enum Nature: Sendable, Hashable { case flow, stock }

    /// As `targets.json` names it: `dossiers.online_share`.
    public let id: String
    public let measure: Measure
    public let better: Better
    public let ranks: Subjects
    public let nature: Nature

    public init(_ id: String, _ measure: Measure, better: Better = .higher, ranks: Subjects = .units, nature: Nature) {
        self.id = id; self.measure = measure; self.better = better; self.ranks = ranks; self.nature = nature
    }

    public var isShare: Bool { measure == .share }

    /// The values a target of the indicator may hold.
    public var range: ClosedRange<Double> {
        switch measure {
        case .share: 0...1
        case .points(let maximum): 0...maximum
        case .relativeChange: -1...10
        case .count: 0...1_000_000_000
        case .rank(let n): 1...Double(max(1, n))
        }
    }

    /// How a message says what a value is: "a share is a fraction: 0.85 for 85%".
    public var valueMeaning: String {
        switch measure {
        case .share: "a share is a fraction: 0.85 for 85%"
        case .points(let maximum): "points of \(maximum == maximum.rounded() ? String(Int(maximum)) : String(maximum))"
        case .relativeChange: "a relative change: 0.1 for +10%"
        case .count: "a count"
        case .rank(let n): "a rank among \(n), 1 the first"
        }
    }

    /// Whether `a` is at least as good as `b`.
    public func isAtLeast(_ a: Double, asGoodAs b: Double) -> Bool { better == .higher ? a >= b : a <= b }

    /// How far `value` is past `target` in the better direction (negative: short of it).
    public func margin(_ value: Double, over target: Double) -> Double { better == .higher ? value - target : target - value }
}
