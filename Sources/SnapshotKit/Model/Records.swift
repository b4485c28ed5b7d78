/// The level at which a dossier is handled.
public enum DossierLevel: Int, CaseIterable, Sendable {
    case province, district, commune
    public var name: String { ["province", "district", "commune"][rawValue] }
}

/// How a dossier was submitted.
public enum Channel: Int, CaseIterable, Sendable {
    case online, direct, postal
    public var name: String { ["online", "direct", "postal"][rawValue] }
}

/// Counts of dossiers, the unit of the `dossier_stats.csv` form and of every aggregate.
public struct DossierTally: Equatable, Sendable {
    public var received = 0
    public var online = 0
    public var resolved = 0
    public var resolvedOnTime = 0
    public var returned = 0
    public var withdrawn = 0
    public var pending = 0
    public var pendingOverdue = 0
    public init() {}

    @inline(__always)
    public mutating func add(_ o: DossierTally) {
        received &+= o.received; online &+= o.online; resolved &+= o.resolved
        resolvedOnTime &+= o.resolvedOnTime; returned &+= o.returned; withdrawn &+= o.withdrawn
        pending &+= o.pending; pendingOverdue &+= o.pendingOverdue
    }

    /// Online received / received; nil when nothing was received.
    public var onlineShare: Double? { received > 0 ? Double(online) / Double(received) : nil }
    /// Resolved on time / resolved; nil when nothing was resolved.
    public var onTimeShare: Double? { resolved > 0 ? Double(resolvedOnTime) / Double(resolved) : nil }
}

/// Key of one `dossier_stats.csv` row: month × unit × level × field × channel.
public struct DossierKey: Hashable, Sendable {
    public var month: Month
    /// Commune index when the row names a commune, else the district index.
    public var unit: Int
    public var level: DossierLevel
    public var field: Int
    public var channel: Channel
    /// `field` is an index into the accumulator's `fields` (`DossierAccumulator.field(_:)`).
    public init(month: Month, unit: Int, level: DossierLevel, field: Int, channel: Channel) {
        self.month = month; self.unit = unit; self.level = level; self.field = field; self.channel = channel
    }
}

/// One BTS site (trạm thu phát sóng).
public struct BTSSite: Equatable, Sendable {
    public enum Status: Int, CaseIterable, Sendable { case active, planned, down
        public var name: String { ["active", "planned", "down"][rawValue] } }
    public static let technologies = ["2G", "3G", "4G", "5G"]
    public var id: String
    public var `operator`: String
    public var district: Int
    public var commune: Int?
    public var latitude: Double
    public var longitude: Double
    /// Bit k set = `technologies[k]` supported.
    public var techMask: UInt8
    public var status: Status
    public var commissioned: Day?
    public init(id: String, operator op: String, district: Int, commune: Int?, latitude: Double, longitude: Double,
                techMask: UInt8, status: Status, commissioned: Day?) {
        self.id = id; self.operator = op; self.district = district; self.commune = commune; self.latitude = latitude
        self.longitude = longitude; self.techMask = techMask; self.status = status; self.commissioned = commissioned
    }
    public func supports(_ k: Int) -> Bool { techMask & (1 << k) != 0 }
}

/// One village (thôn, bản, tổ dân phố) and its coverage.
public struct Village: Equatable, Sendable {
    /// `none`, `2G` … `5G`, as an index into this list.
    public static let mobileLevels = ["none", "2G", "3G", "4G", "5G"]
    public var code: String
    public var name: String
    public var district: Int
    public var commune: Int
    public var households: Int
    public var poorHouseholds: Int
    public var mobile: Int
    public var broadband: Bool
    public init(code: String, name: String, district: Int, commune: Int, households: Int, poorHouseholds: Int,
                mobile: Int, broadband: Bool) {
        self.code = code; self.name = name; self.district = district; self.commune = commune
        self.households = households; self.poorHouseholds = poorHouseholds; self.mobile = mobile; self.broadband = broadband
    }
}

/// One OCOP product and where it is listed online.
public struct OCOPProduct: Equatable, Sendable {
    public var id: String
    public var name: String
    public var producer: String
    public var district: Int
    public var category: String
    public var stars: Int
    public var platforms: [String]
    public var listed: Day?
    public init(id: String, name: String, producer: String, district: Int, category: String, stars: Int,
                platforms: [String], listed: Day?) {
        self.id = id; self.name = name; self.producer = producer; self.district = district; self.category = category
        self.stars = stars; self.platforms = platforms; self.listed = listed
    }
}

/// One district × month of tourism.
public struct TourismTally: Equatable, Sendable {
    public var domestic = 0
    public var international = 0
    public var revenueMillionVND = 0
    public init() {}
    public var visitors: Int { domestic + international }
    public mutating func add(_ o: TourismTally) {
        domestic += o.domestic; international += o.international; revenueMillionVND += o.revenueMillionVND
    }
}
