/// An administrative unit: the province, a district or a commune.
public struct AdminUnit: Hashable, Sendable {
    public enum Level: Int, Sendable, Comparable {
        case province, district, commune
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }
    /// Dense index in `UnitTree.units` (0 is the province).
    public var index: Int
    public var code: String
    /// Full official name: "Huyện Vị Xuyên", "Xã Đạo Đức".
    public var name: String
    /// Name without the kind prefix: "Vị Xuyên". Not unique.
    public var shortName: String
    /// "tỉnh", "huyện", "thành phố", "xã", "phường", "thị trấn".
    public var kind: String
    public var level: Level
    public var parent: Int?
    public var children: [Int]
    public var population: Int?
    /// `shortName` and `name` folded for sorting and search (`Đạo Đức` → `dao duc`), made once.
    public var sortKey = ""
    public var searchKey = ""
    /// A grouping shown as a level, not a government: a former district ("khu vực") of a
    /// two-tier province.
    public var isGrouping = false
    /// A commune made of communes of more than one former district (shown under the one most
    /// of it came from, and marked).
    public var straddles = false

    /// `index`, `parent` and `children` are set by `UnitTree`.
    public init(index: Int = 0, code: String, name: String, shortName: String, kind: String, level: Level,
                parent: Int? = nil, children: [Int] = [], population: Int? = nil) {
        self.index = index; self.code = code; self.name = name; self.shortName = shortName; self.kind = kind
        self.level = level; self.parent = parent; self.children = children; self.population = population
    }
}

/// The administrative tree with dense indexes: 0 is the province, then the districts in
/// file order, then the communes. Lookups by code are array reads, not hashing.
public struct UnitTree: Sendable, Equatable {
    public private(set) var units: [AdminUnit]
    public private(set) var districtIndexes: [Int] = []
    public private(set) var communeIndexes: [Int] = []
    /// Parent index of each unit (−1 for the province): read per row without copying a unit.
    private var parents: [Int32] = []
    /// 3-digit district code → unit index (−1 when unknown).
    private var districtByCode: [Int32]
    /// 5-digit commune code → unit index (−1 when unknown).
    private var communeByCode: [Int32]
    /// Where the province's BTS sites are expected (`province.bounds` in `units.json`); nil: Vietnam.
    public var bounds: GeoBounds?
    /// The dated change of catalogue (old units, and the old→new mapping), when the snapshot
    /// carries one: rows dated before `change.date` use the old codes.
    public var change: UnitChange?
    /// Two tiers (province → communes; districts, if any, are groupings of former districts).
    public var twoTier = false

    public var province: AdminUnit { units[0] }
    public var districts: [AdminUnit] { districtIndexes.map { units[$0] } }

    /// `directCommunes` sit under the province itself (a two-tier province without groupings).
    public init(province: AdminUnit, districts: [(AdminUnit, [AdminUnit])], directCommunes: [AdminUnit] = []) {
        var all: [AdminUnit] = [province]
        all[0].index = 0
        all[0].children = []
        /// Appends `u` under `parent`; its index.
        func add(_ u: AdminUnit, under parent: Int) -> Int {
            var u = u
            u.index = all.count
            u.parent = parent
            u.children = []
            all[parent].children.append(u.index)
            all.append(u)
            return u.index
        }
        let dIdx = districts.map { add($0.0, under: 0) }
        var cIdx: [Int] = []
        for (k, (_, communes)) in districts.enumerated() {
            for c in communes { cIdx.append(add(c, under: dIdx[k])) }
        }
        for c in directCommunes { cIdx.append(add(c, under: 0)) }
        for i in all.indices {
            all[i].sortKey = all[i].shortName.searchKey
            all[i].searchKey = all[i].name.searchKey
        }
        self.init(restoring: all, districtIndexes: dIdx, communeIndexes: cIdx)
    }

    /// A tree from units already indexed and keyed (as the cache holds them): the lookup tables
    /// are made again.
    init(restoring all: [AdminUnit], districtIndexes dIdx: [Int], communeIndexes cIdx: [Int]) {
        parents = all.map { Int32($0.parent ?? -1) }
        units = all
        districtIndexes = dIdx
        communeIndexes = cIdx
        // As long as the largest code needs (a province's communes span a few thousand codes of
        // the 100,000): every viewer holds these tables, for each catalogue of the snapshot.
        func table(_ indexes: [Int], below limit: Int) -> [Int32] {
            let codes = indexes.map { (Int(all[$0].code) ?? -1, $0) }.filter { $0.0 >= 0 && $0.0 < limit }
            var t = Array(repeating: Int32(-1), count: (codes.map(\.0).max() ?? -1) + 1)
            for (n, i) in codes { t[n] = Int32(i) }
            return t
        }
        districtByCode = table(dIdx, below: 1000)
        communeByCode = table(cIdx, below: 100_000)
    }

    mutating func setStraddles(_ index: Int) { units[index].straddles = true }

    @inline(__always)
    public func parent(of index: Int) -> Int? {
        let p = parents[index]
        return p < 0 ? nil : Int(p)
    }

    public func district(numericCode n: Int) -> Int? {
        guard n >= 0, n < districtByCode.count else { return nil }
        let v = districtByCode[n]
        return v < 0 ? nil : Int(v)
    }

    public func commune(numericCode n: Int) -> Int? {
        guard n >= 0, n < communeByCode.count else { return nil }
        let v = communeByCode[n]
        return v < 0 ? nil : Int(v)
    }

    public func unit(code: String) -> AdminUnit? {
        guard let n = Int(code) else { return nil }
        if code == province.code { return province }
        if code.count == 3, let i = district(numericCode: n) { return units[i] }
        if code.count == 5, let i = commune(numericCode: n) { return units[i] }
        return nil
    }

    /// Province › district › commune names for `index`.
    public func path(to index: Int) -> [AdminUnit] {
        var out: [AdminUnit] = []
        var i: Int? = index
        while let k = i { out.insert(units[k], at: 0); i = units[k].parent }
        return out
    }

    public static func == (a: UnitTree, b: UnitTree) -> Bool { a.units == b.units && a.change == b.change }
}
