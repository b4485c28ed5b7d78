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
