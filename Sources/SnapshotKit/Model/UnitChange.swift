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
    /// The same lookups as dense tables, read per row (`DatedPlacement`): old district code
    /// (below 1000) → its `Ref`'s slot in `oldDistrictRefs`; old commune code (below 100.000)
    /// → slot in `oldCommuneRefs`, with its old district and its largest link (−1: none).
    let oldDistrictSlot: [Int32]
    let oldDistrictRefs: [Ref]
    let oldCommuneSlot: [Int32]
    let oldCommuneRefs: [Ref]
    let oldCommuneParent: [Ref?]
    let oldCommuneMain: [Int32]

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
        func slots(_ refs: [Int: Ref], below limit: Int) -> ([Int32], [Ref], [Int]) {
            let codes = refs.keys.filter { $0 >= 0 && $0 < limit }.sorted()
            var t = Array(repeating: Int32(-1), count: (codes.last ?? -1) + 1)
            for (k, n) in codes.enumerated() { t[n] = Int32(k) }
            return (t, codes.map { refs[$0]! }, codes)
        }
        (oldDistrictSlot, oldDistrictRefs, _) = slots(d, below: 1000)
        let (cs, cr, codes) = slots(c, below: 100_000)
        oldCommuneSlot = cs
        oldCommuneRefs = cr
        oldCommuneParent = cr.map { r in before[r.tree].parent(of: r.index).map { Ref(tree: r.tree, index: $0) } }
        oldCommuneMain = codes.map { n in links[n].map { Int32($0.max { $0.share < $1.share }?.unit ?? 0) } ?? -1 }
    }

    /// `oldDistrict(numericCode:)` by the dense table.
    @inline(__always)
    func oldDistrictRef(_ n: Int) -> Ref? {
        guard n >= 0, n < oldDistrictSlot.count else { return nil }
        let k = oldDistrictSlot[n]
        return k < 0 ? nil : oldDistrictRefs[Int(k)]
    }

    /// The slot of old commune `n` in the dense tables, nil when it is not one.
    @inline(__always)
    func oldCommuneSlotOf(_ n: Int) -> Int? {
        guard n >= 0, n < oldCommuneSlot.count else { return nil }
        let k = oldCommuneSlot[n]
        return k < 0 ? nil : Int(k)
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
