/// BTS sites of one unit, by status, technology and operator.
public struct BTSTotals: Equatable, Sendable {
    public var sites = 0
    public var byStatus = [0, 0, 0]
    /// Active sites supporting 2G, 3G, 4G, 5G.
    public var byTech = [0, 0, 0, 0]
    /// Active sites per operator.
    public var byOperator: [String: Int] = [:]
    public var active: Int { byStatus[BTSSite.Status.active.rawValue] }
    public init() {}
}

/// Villages of one unit and their coverage.
public struct VillageTotals: Equatable, Sendable {
    public var villages = 0
    /// Villages whose `mobile` is not `none`.
    public var covered = 0
    /// Villages by best mobile technology: none, 2G, 3G, 4G, 5G.
    public var byMobile = [0, 0, 0, 0, 0]
    public var broadband = 0
    public var households = 0
    public var poorHouseholds = 0
    public init() {}
    public var coverageShare: Double? { villages > 0 ? Double(covered) / Double(villages) : nil }
}

/// OCOP products of one unit (products belong to districts).
public struct OCOPTotals: Equatable, Sendable {
    public var products = 0
    /// Listed on at least one platform.
    public var listed = 0
    /// 3, 4 and 5 stars.
    public var byStars = [0, 0, 0]
    public var byCategory: [String: Int] = [:]
    public var byPlatform: [String: Int] = [:]
    public init() {}
    public var listedShare: Double? { products > 0 ? Double(listed) / Double(products) : nil }
}
