/// A dated change of catalogue (the 2025 reform): before `date` rows use the old units of
/// `before` (one three-tier tree per old province), from it the units of the snapshot's tree.
/// A code is read with its date: `00691` was Phường Trần Phú before, is Phường Hà Giang 2 after.
public struct UnitChange: Sendable, Equatable {
    /// Where an old figure goes: a unit of the current tree and the share of the old unit it takes.
    public struct Link: Sendable, Equatable {
        public var unit: Int
        public var share: Double
        public init(unit: Int, share: Double) { self.unit = unit; self.share = share }
    }
    /// An old unit: tree `tree` of `before`, dense `index` there.
    public struct Ref: Sendable, Equatable, Hashable {
        public var tree: Int
        public var index: Int
    }

    /// The first day of the new catalogue.
    public let date: Day
    /// The old provinces, as they stood the day before `date`.
    public let before: [UnitTree]
    /// Old commune code → links onto the current tree (shares sum to 1).
    public let links: [Int: [Link]]
    let oldCommunes: [Int: Ref]
    let oldDistricts: [Int: Ref]

    public init(date: Day, before: [UnitTree], links: [Int: [Link]]) {
        self.date = date
        self.before = before
        self.links = links
        var c: [Int: Ref] = [:], d: [Int: Ref] = [:]
        for (k, t) in before.enumerated() {
            for i in t.communeIndexes { if let n = Int(t.units[i].code) { c[n] = Ref(tree: k, index: i) } }
            for i in t.districtIndexes { if let n = Int(t.units[i].code) { d[n] = Ref(tree: k, index: i) } }
        }
        oldCommunes = c
        oldDistricts = d
    }

    public func oldCommune(numericCode n: Int) -> Ref? { oldCommunes[n] }
    public func oldDistrict(numericCode n: Int) -> Ref? { oldDistricts[n] }
    public func unit(_ r: Ref) -> AdminUnit { before[r.tree].units[r.index] }

    /// The largest link of an old commune: where an indivisible record (a site, a village, a
    /// dossier) goes.
    public func mainLink(ofOld n: Int) -> Int? {
        links[n]?.max { $0.share < $1.share }?.unit
    }

    /// Splits counts by shares, each count apportioned by largest remainder (`allocate`) so
    /// that the parts sum to the whole exactly.
    public static func split(_ t: DossierTally, _ shares: [Double]) -> [DossierTally] {
        let paths: [WritableKeyPath<DossierTally, Int>] = [\.received, \.online, \.resolved, \.resolvedOnTime, \.returned,
                                                           \.withdrawn, \.pending, \.pendingOverdue,
                                                           \.openStart, \.doneEarly, \.doneOnDue, \.doneLate, \.doneReturned,
                                                           \.doneWithdrawn, \.openEnd, \.overdueEnd, \.supplementEnd,
                                                           \.feeRequired, \.paidOnline, \.fullOnline, \.digitized, \.eResult,
                                                           \.vneidVerified]
        var out = Array(repeating: DossierTally(), count: shares.count)
        for p in paths {
            for (k, v) in allocate(t[keyPath: p], weights: shares).enumerated() { out[k][keyPath: p] = v }
        }
        return out
    }
}
