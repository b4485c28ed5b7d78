import Foundation

/// `targets.json`: the committee's KPI targets.
public struct Target: Sendable, Equatable {
    /// e.g. `dossiers.online_share`
    public var indicator: String
    public var target: Double
    /// Values at least this good (but short of `target`) are "at risk"; worse, "behind".
    public var atRisk: Double
    /// The indicator's better direction (`Indicator.better`), taken when the target is read.
    public var better: Indicator.Better
    public init(indicator: String, target: Double, atRisk: Double, better: Indicator.Better = .higher) {
        self.indicator = indicator; self.target = target; self.atRisk = atRisk; self.better = better
    }
}

public enum TargetStatus: String, Sendable, Equatable { case onTrack = "on_track", atRisk = "at_risk", behind }

public struct Targets: Sendable, Equatable {
    public var targets: [String: Target]
    public init(_ list: [Target] = []) {
        targets = Dictionary(list.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
    }
    /// On track when `value` is at least as good as the target, at risk when at least as good
    /// as `at_risk`, else behind (lower is better for some indicators: days late, overdue).
    public func status(of indicator: String, value: Double) -> TargetStatus? {
        guard let t = targets[indicator] else { return nil }
        let atLeast = { (a: Double, b: Double) in t.better == .higher ? a >= b : a <= b }
        if atLeast(value, t.target) { return .onTrack }
        if atLeast(value, t.atRisk) { return .atRisk }
        return .behind
    }
}
