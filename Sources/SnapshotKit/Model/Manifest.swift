import Foundation

/// `manifest.json`: when and from where the snapshot was exported.
public struct Manifest: Sendable, Equatable {
    public var provinceCode: String
    /// The export time as written, e.g. `2024-07-05T08:00:00+07:00`.
    public var generatedAtText: String
    public var generatedAt: Date
    /// Offset from UTC in seconds, as written in `generated_at`, used to show local time.
    public var utcOffsetSeconds: Int
    public var periodEnd: Day
    public var sources: [String]
    /// Every other file of the export with its size and SHA-256 (`"files"`), when listed.
    public var files: [ManifestFile]?
    public init(provinceCode: String, generatedAtText: String, generatedAt: Date, utcOffsetSeconds: Int, periodEnd: Day,
                sources: [String], files: [ManifestFile]? = nil) {
        self.provinceCode = provinceCode; self.generatedAtText = generatedAtText; self.generatedAt = generatedAt
        self.utcOffsetSeconds = utcOffsetSeconds; self.periodEnd = periodEnd; self.sources = sources; self.files = files
    }
}

/// One entry of the manifest's `files` list: `{"name": "bts.csv", "bytes": 123, "sha256": "…"}`.
public struct ManifestFile: Sendable, Equatable {
    public var name: String
    public var bytes: Int
    /// 64 lowercase hex digits.
    public var sha256: String
    public init(name: String, bytes: Int, sha256: String) {
        self.name = name; self.bytes = bytes; self.sha256 = sha256
    }
}

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
