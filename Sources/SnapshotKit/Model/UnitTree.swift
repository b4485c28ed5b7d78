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

    public var province: AdminUnit { units[0] }
    public var districts: [AdminUnit] { districtIndexes.map { units[$0] } }

    public init(province: AdminUnit, districts: [(AdminUnit, [AdminUnit])]) {
        var all: [AdminUnit] = [province]
        all[0].index = 0
        all[0].children = []
        var dIdx: [Int] = []
        for (d, _) in districts {
            var d = d
            d.index = all.count
            d.parent = 0
            d.children = []
            all[0].children.append(d.index)
            dIdx.append(d.index)
            all.append(d)
        }
        var cIdx: [Int] = []
        for (k, (_, communes)) in districts.enumerated() {
            for c in communes {
                var c = c
                c.index = all.count
                c.parent = dIdx[k]
                c.children = []
                all[dIdx[k]].children.append(c.index)
                cIdx.append(c.index)
                all.append(c)
            }
        }
        for i in all.indices {
            all[i].sortKey = all[i].shortName.searchKey
            all[i].searchKey = all[i].name.searchKey
        }
        parents = all.map { Int32($0.parent ?? -1) }
        units = all
        districtIndexes = dIdx
        communeIndexes = cIdx
        districtByCode = Array(repeating: -1, count: 1000)
        communeByCode = Array(repeating: -1, count: 100_000)
        for i in dIdx { if let n = Int(all[i].code), n < 1000 { districtByCode[n] = Int32(i) } }
        for i in cIdx { if let n = Int(all[i].code), n < 100_000 { communeByCode[n] = Int32(i) } }
    }

    @inline(__always)
    public func parent(of index: Int) -> Int? {
        let p = parents[index]
        return p < 0 ? nil : Int(p)
    }

    public func district(numericCode n: Int) -> Int? {
        guard n >= 0, n < 1000 else { return nil }
        let v = districtByCode[n]
        return v < 0 ? nil : Int(v)
    }

    public func commune(numericCode n: Int) -> Int? {
        guard n >= 0, n < 100_000 else { return nil }
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

    public static func == (a: UnitTree, b: UnitTree) -> Bool { a.units == b.units }
}
