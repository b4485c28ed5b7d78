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
///
/// Three kinds of count: by month of receipt (`received` … `pendingOverdue` and the flags
/// `feeRequired` … `vneidVerified`); by month of activity, form 06's flows (`doneEarly` …
/// `doneWithdrawn`: left during the month, whenever received); and form 06's stocks
/// (`openStart`, `openEnd`, `overdueEnd`, `supplementEnd`: in progress at the start or the end
/// of the month). Adding tallies of units adds all; over months, flows add and stocks are
/// read at the first or last month (`DossierCube.total(unit:span:)`).
public struct DossierTally: Equatable, Sendable {
    public var received = 0
    public var online = 0
    public var resolved = 0
    public var resolvedOnTime = 0
    public var returned = 0
    public var withdrawn = 0
    public var pending = 0
    public var pendingOverdue = 0
    /// In progress at the start of the month, received before it (form 06 "từ kỳ trước chuyển qua").
    public var openStart = 0
    /// Resolved during the month before the due date, on the due date, after it.
    public var doneEarly = 0
    public var doneOnDue = 0
    public var doneLate = 0
    /// Returned (refused) or withdrawn during the month.
    public var doneReturned = 0
    public var doneWithdrawn = 0
    /// In progress at the end of the month; of them, past their due date.
    public var openEnd = 0
    public var overdueEnd = 0
    /// Awaiting a supplement from the applicant at the end of the month (in `openEnd` too).
    public var supplementEnd = 0
    /// Of the dossiers received: with a fee, paid online, submitted full-process online, with
    /// digitised components, with an electronic result (of those resolved), from a VNeID-verified account.
    public var feeRequired = 0
    public var paidOnline = 0
    public var fullOnline = 0
    public var digitized = 0
    public var eResult = 0
    public var vneidVerified = 0
    public init() {}

    @inline(__always)
    public mutating func add(_ o: DossierTally) {
        received &+= o.received; online &+= o.online; resolved &+= o.resolved
        resolvedOnTime &+= o.resolvedOnTime; returned &+= o.returned; withdrawn &+= o.withdrawn
        pending &+= o.pending; pendingOverdue &+= o.pendingOverdue
        openStart &+= o.openStart; doneEarly &+= o.doneEarly; doneOnDue &+= o.doneOnDue; doneLate &+= o.doneLate
        doneReturned &+= o.doneReturned; doneWithdrawn &+= o.doneWithdrawn
        openEnd &+= o.openEnd; overdueEnd &+= o.overdueEnd; supplementEnd &+= o.supplementEnd
        feeRequired &+= o.feeRequired; paidOnline &+= o.paidOnline; fullOnline &+= o.fullOnline
        digitized &+= o.digitized; eResult &+= o.eResult; vneidVerified &+= o.vneidVerified
    }

    /// The counts as 32-bit lanes (the accumulator's slots), in declaration order.
    @inline(__always)
    var lanes: (SIMD16<UInt32>, SIMD8<UInt32>) {
        @inline(__always) func u(_ v: Int) -> UInt32 { UInt32(truncatingIfNeeded: v) }
        return (SIMD16(u(received), u(online), u(resolved), u(resolvedOnTime), u(returned), u(withdrawn), u(pending),
                       u(pendingOverdue), u(openStart), u(doneEarly), u(doneOnDue), u(doneLate), u(doneReturned),
                       u(doneWithdrawn), u(openEnd), u(overdueEnd)),
                SIMD8(u(supplementEnd), u(feeRequired), u(paidOnline), u(fullOnline), u(digitized), u(eResult),
                      u(vneidVerified), 0))
    }

    /// Counts from lanes: the first 8 unsigned, the rest signed (stocks pass through signed changes).
    init(lanes a: SIMD16<UInt32>, _ b: SIMD8<UInt32>) {
        @inline(__always) func s(_ v: UInt32) -> Int { Int(Int32(bitPattern: v)) }
        received = Int(a[0]); online = Int(a[1]); resolved = Int(a[2]); resolvedOnTime = Int(a[3])
        returned = Int(a[4]); withdrawn = Int(a[5]); pending = Int(a[6]); pendingOverdue = Int(a[7])
        openStart = s(a[8]); doneEarly = s(a[9]); doneOnDue = s(a[10]); doneLate = s(a[11]); doneReturned = s(a[12])
        doneWithdrawn = s(a[13]); openEnd = s(a[14]); overdueEnd = s(a[15])
        supplementEnd = s(b[0]); feeRequired = s(b[1]); paidOnline = s(b[2]); fullOnline = s(b[3]); digitized = s(b[4])
        eResult = s(b[5]); vneidVerified = s(b[6])
    }

    /// Online received / received; nil when nothing was received.
    public var onlineShare: Double? { received > 0 ? Double(online) / Double(received) : nil }
    /// Resolved on time / resolved; nil when nothing was resolved.
    public var onTimeShare: Double? { resolved > 0 ? Double(resolvedOnTime) / Double(resolved) : nil }
}

/// The optional dossier figures a snapshot's dossier table carries (the columns it had).
public struct DossierMeasures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Form 06's flows and stocks (always with raw rows; statistics need their form 06 columns).
    public static let form06 = DossierMeasures(rawValue: 1)
    /// Awaiting supplement (raw rows: at the data's end only).
    public static let supplement = DossierMeasures(rawValue: 2)
    public static let feeRequired = DossierMeasures(rawValue: 4)
    public static let paidOnline = DossierMeasures(rawValue: 8)
    public static let fullOnline = DossierMeasures(rawValue: 16)
    public static let digitized = DossierMeasures(rawValue: 32)
    public static let eResult = DossierMeasures(rawValue: 64)
    public static let vneidVerified = DossierMeasures(rawValue: 128)
    /// The flag columns, in the order of `DossierFlag.allCases`.
    public static let flags: [DossierMeasures] = [.feeRequired, .paidOnline, .fullOnline, .digitized, .eResult, .vneidVerified]
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

extension DossierKey {
    /// The same key in another month (where a dossier's later events are counted).
    @inline(__always)
    func at(_ m: Month) -> DossierKey { DossierKey(month: m, unit: unit, level: level, field: field, channel: channel) }
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
