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
    /// Values at or above this (but below `target`) are "at risk"; below it "behind".
    public var atRisk: Double
    public init(indicator: String, target: Double, atRisk: Double) {
        self.indicator = indicator; self.target = target; self.atRisk = atRisk
    }
}

public enum TargetStatus: String, Sendable, Equatable { case onTrack = "on_track", atRisk = "at_risk", behind }

public struct Targets: Sendable, Equatable {
    public var targets: [String: Target]
    public init(_ list: [Target] = []) {
        targets = Dictionary(list.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
    }
    public func status(of indicator: String, value: Double) -> TargetStatus? {
        guard let t = targets[indicator] else { return nil }
        if value >= t.target { return .onTrack }
        if value >= t.atRisk { return .atRisk }
        return .behind
    }

    /// Indicators the dashboard knows.
    public static let known = [
        "dossiers.online_share", "dossiers.on_time_share", "villages.coverage_share",
        "ocop.listed_share", "tourism.growth_yoy",
        // Decision 766/QĐ-TTg: progress by its rule (a share), the index's total (points of 100),
        // estimated from dossiers unless the portal's published score is in the snapshot.
        "dossiers.progress_766", "index_766.total", "society.vneid_share",
    ]

    /// The values a target of `indicator` may hold: a share is a fraction (0.85 for 85%), the
    /// tourism growth a relative change (−1 … 10, −100% … +1.000%), the 766 index's total points
    /// of 100.
    public static func range(of indicator: String) -> ClosedRange<Double> {
        switch indicator {
        case "tourism.growth_yoy": return -1...10
        case "index_766.total": return 0...100
        default: return 0...1
        }
    }
}
