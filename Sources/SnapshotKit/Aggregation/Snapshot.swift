/// An old province (before the catalogue's change) with its dossier figures as reported then,
/// in its own districts and communes: for `report --structure historical`.
public struct HistoricalProvince: Equatable, Sendable {
    public let units: UnitTree
    public let dossiers: DossierCube
    public init(units: UnitTree, dossiers: DossierCube) { self.units = units; self.dossiers = dossiers }
}

/// The whole province's figures at one moment: immutable and already aggregated.
///
/// A new snapshot replaces the old one in one step, or not at all.
public struct Snapshot: Equatable, Sendable {
    public enum DossierForm: String, Sendable { case rows, stats }

    public let manifest: Manifest
    public let units: UnitTree
    public let targets: Targets
    public let dossierForm: DossierForm
    public let dossiers: DossierCube
    /// The portal's published 766 scores per unit index and period (`index_766.csv`); empty without it.
    public internal(set) var official766: [Int: [Period: Official766]] = [:]
    public let btsSites: [BTSSite]
    public let villages: [Village]
    public let ocopProducts: [OCOPProduct]
    /// The values of the kinds behind `DatasetKind` (`DatasetRegistry`).
    let datasets: DatasetStore
    /// Visitors and revenue per month × district (`tourism.csv`, which every export carries).
    public var tourism: TourismCube { datasets[TourismDataset.self] ?? .empty }
    /// The digital-society counts; nil when the snapshot has no `society.csv`.
    public var society: SocietyCube? { datasets[SocietyDataset.self] }
    public let bts: [BTSTotals]
    public let villageTotals: [VillageTotals]
    public let ocop: [OCOPTotals]
    public let warnings: [SnapshotIssue]
    /// Per unit, the commissioning days of its active sites, sorted (a site without a date
    /// counts as always there): "sites as of a date" is a binary search, not a scan.
    public let activeSiteDays: [[Int]]
    /// Per unit (province and districts), the listing days of its products listed online.
    public let ocopListedDays: [[Int]]
    /// The old provinces' pre-change figures in their own units (statistics form only).
    public let history: [HistoricalProvince]
    /// Outlines and centres of units for the map (`geometry.json`); nil when the export has none.
    public let geometry: Geometry?

    /// Aggregates validated records; build one through `SnapshotBuilder`, which validates them.
    public init(manifest: Manifest, units: UnitTree, targets: Targets, dossierForm: DossierForm, dossiers: DossierCube,
         btsSites: [BTSSite], villages: [Village], ocopProducts: [OCOPProduct],
         tourismRows: [(Month, Int, TourismTally)], societyRows: [(Month, Int, SocietyTally)]? = nil,
         warnings: [SnapshotIssue], history: [HistoricalProvince] = [], geometry: Geometry? = nil) {
        self.init(manifest: manifest, units: units, targets: targets, dossierForm: dossierForm, dossiers: dossiers,
                  btsSites: btsSites, villages: villages, ocopProducts: ocopProducts,
                  datasets: Self.store(tourism: tourismRows, society: societyRows, units: units),
                  warnings: warnings, history: history, geometry: geometry)
    }

    private static func store(tourism: [(Month, Int, TourismTally)], society: [(Month, Int, SocietyTally)]?,
                              units: UnitTree) -> DatasetStore {
        var store = DatasetStore()
        store.set(TourismDataset.self, TourismDataset.aggregate(tourism, units: units))
        if let society { store.set(SocietyDataset.self, SocietyDataset.aggregate(society, units: units)) }
        return store
    }

    /// From its parts with the cubes made (the builder and the cache make a snapshot this
    /// way); the totals per unit are made here.
    init(manifest: Manifest, units: UnitTree, targets: Targets, dossierForm: DossierForm, dossiers: DossierCube,
         btsSites: [BTSSite], villages: [Village], ocopProducts: [OCOPProduct],
         datasets: DatasetStore, warnings: [SnapshotIssue], history: [HistoricalProvince], geometry: Geometry?) {
        self.history = history
        self.geometry = geometry
        self.manifest = manifest
        self.units = units
        self.targets = targets
        self.dossierForm = dossierForm
        self.dossiers = dossiers
        self.btsSites = btsSites
        self.villages = villages
        self.ocopProducts = ocopProducts
        self.datasets = datasets
        self.warnings = warnings
        let n = units.units.count
        func chain(_ start: Int?) -> [Int] {
            var out: [Int] = []
            var u = start
            // Indexes come from validated rows; a record made elsewhere with a bad one counts nowhere.
            while let k = u, k >= 0, k < n { out.append(k); u = units.units[k].parent }
            return out
        }
        var bts = Array(repeating: BTSTotals(), count: n)
        for s in btsSites {
            for u in chain(s.commune ?? s.district) {
                bts[u].sites += 1
                bts[u].byStatus[s.status.rawValue] += 1
                if s.status == .active {
                    for k in 0..<4 where s.supports(k) { bts[u].byTech[k] += 1 }
                    bts[u].byOperator[s.operator, default: 0] += 1
                }
            }
        }
        self.bts = bts
        var siteDays = Array(repeating: [Int](), count: n)
        for s in btsSites where s.status == .active {
            for u in chain(s.commune ?? s.district) { siteDays[u].append(s.commissioned?.number ?? Int.min) }
        }
        activeSiteDays = siteDays.map { $0.sorted() }
        var listedDays = Array(repeating: [Int](), count: n)
        for p in ocopProducts where !p.platforms.isEmpty {
            for u in chain(p.district) { listedDays[u].append(p.listed?.number ?? Int.min) }
        }
        ocopListedDays = listedDays.map { $0.sorted() }
        var vt = Array(repeating: VillageTotals(), count: n)
        for v in villages {
            for u in chain(v.commune) {
                vt[u].villages += 1
                vt[u].covered += v.mobile > 0 ? 1 : 0
                if vt[u].byMobile.indices.contains(v.mobile) { vt[u].byMobile[v.mobile] += 1 }
                vt[u].broadband += v.broadband ? 1 : 0
                vt[u].households += v.households
                vt[u].poorHouseholds += v.poorHouseholds
            }
        }
        villageTotals = vt
        var ot = Array(repeating: OCOPTotals(), count: n)
        for p in ocopProducts {
            for u in chain(p.district) {
                ot[u].products += 1
                ot[u].listed += p.platforms.isEmpty ? 0 : 1
                if ot[u].byStars.indices.contains(p.stars - 3) { ot[u].byStars[p.stars - 3] += 1 }
                ot[u].byCategory[p.category, default: 0] += 1
                for pl in p.platforms { ot[u].byPlatform[pl, default: 0] += 1 }
            }
        }
        ocop = ot
    }

    /// How many of the sorted `days` are on or before `day`.
    public static func count(_ days: [Int], onOrBefore day: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= day.number { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The last month with data: the manifest's `period_end`.
    public var latestMonth: Month { manifest.periodEnd.month }

    public static func == (a: Snapshot, b: Snapshot) -> Bool {
        a.manifest == b.manifest && a.units == b.units && a.targets == b.targets && a.dossiers == b.dossiers
            && a.btsSites == b.btsSites && a.villages == b.villages && a.ocopProducts == b.ocopProducts
            && a.history == b.history && a.geometry == b.geometry && a.datasets == b.datasets
    }
}
