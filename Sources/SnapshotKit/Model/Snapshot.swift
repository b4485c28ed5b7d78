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
    /// The values of the kinds behind `DatasetKind` (`DatasetRegistry`), by kind.
    let datasets: DatasetStore
    public let warnings: [SnapshotIssue]
    /// The old provinces' pre-change figures in their own units (statistics form only).
    public let history: [HistoricalProvince]
    /// Outlines and centres of units for the map (`geometry.json`); nil when the export has none.
    public let geometry: Geometry?

    /// Aggregates validated records; build one through `SnapshotBuilder`, which validates them.
    public init(manifest: Manifest, units: UnitTree, targets: Targets, dossierForm: DossierForm, dossiers: DossierCube,
         btsSites: [BTSSite], villages: [Village], ocopProducts: [OCOPProduct],
         tourismRows: [(Month, Int, TourismTally)], societyRows: [(Month, Int, SocietyTally)]? = nil,
         warnings: [SnapshotIssue], history: [HistoricalProvince] = [], geometry: Geometry? = nil) {
        var store = DatasetStore()
        store.set(BTSDataset.self, BTSDataset.aggregate(btsSites, units: units))
        store.set(VillagesDataset.self, VillagesDataset.aggregate(villages, units: units))
        store.set(OCOPDataset.self, OCOPDataset.aggregate(ocopProducts, units: units))
        store.set(TourismDataset.self, TourismDataset.aggregate(tourismRows, units: units))
        if let societyRows { store.set(SocietyDataset.self, SocietyDataset.aggregate(societyRows, units: units)) }
        self.init(manifest: manifest, units: units, targets: targets, dossierForm: dossierForm, dossiers: dossiers,
                  datasets: store, warnings: warnings, history: history, geometry: geometry)
    }

    /// From its parts with every kind's value made (the builder and the cache make a snapshot this way).
    init(manifest: Manifest, units: UnitTree, targets: Targets, dossierForm: DossierForm, dossiers: DossierCube,
         datasets: DatasetStore, warnings: [SnapshotIssue], history: [HistoricalProvince], geometry: Geometry?) {
        self.history = history
        self.geometry = geometry
        self.manifest = manifest
        self.units = units
        self.targets = targets
        self.dossierForm = dossierForm
        self.dossiers = dossiers
        self.datasets = datasets
        self.warnings = warnings
        btsData = datasets[BTSDataset.self] ?? BTSDataset.aggregate([], units: units)
        villageData = datasets[VillagesDataset.self] ?? VillagesDataset.aggregate([], units: units)
        ocopData = datasets[OCOPDataset.self] ?? OCOPDataset.aggregate([], units: units)
        tourism = datasets[TourismDataset.self] ?? .empty
        society = datasets[SocietyDataset.self]
        official766 = datasets[Index766Dataset.self] ?? [:]
        tasks = datasets[TasksDataset.self]
        dti = datasets[DTIDataset.self]
        plan = datasets[IndicatorsDataset.self].map { PlanIndicators(indicators: $0, values: datasets[IndicatorValuesDataset.self] ?? []) }
        indicators = IndicatorCatalog(IndicatorCatalog.dossiers + datasets.indicators)
    }

    // MARK: The kinds' values, by name

    // Resolved from `datasets` once, when the snapshot is made: the views read them per unit
    // and per frame, and a lookup by kind each time cost a frame about a tenth more.
    private let btsData: BTSDataset.Value
    private let villageData: VillagesDataset.Value
    private let ocopData: OCOPDataset.Value
    /// Visitors and revenue per month × district (`tourism.csv`, which every export carries).
    public let tourism: TourismCube
    /// The digital-society counts; nil when the snapshot has no `society.csv`.
    public let society: SocietyCube?
    /// The portal's published 766 scores per unit index and period (`index_766.csv`); empty without it.
    public let official766: [Int: [Period: Official766]]
    /// The committee's tasks (`tasks.csv`); nil without the file.
    public let tasks: TaskBook?
    /// The provinces' DTI by year (`dti.csv`); nil without the file.
    public let dti: DTITable?
    /// The plans' targets (`indicators.csv`) and their values (`indicator_values.csv`); nil without the first.
    public let plan: PlanIndicators?
    /// The indicators its figures can be judged on: the dossiers' and those of its kinds.
    public let indicators: IndicatorCatalog

    public var btsSites: [BTSSite] { btsData.sites }
    public var bts: [BTSTotals] { btsData.totals }
    /// Per unit, the commissioning days of its active sites, sorted (a site without a date
    /// counts as always there): "sites as of a date" is a binary search, not a scan.
    public var activeSiteDays: [[Int]] { btsData.activeSiteDays }
    public var villages: [Village] { villageData.villages }
    public var villageTotals: [VillageTotals] { villageData.totals }
    public var ocopProducts: [OCOPProduct] { ocopData.products }
    public var ocop: [OCOPTotals] { ocopData.totals }
    /// Per unit (province and districts), the listing days of its products listed online.
    public var ocopListedDays: [[Int]] { ocopData.listedDays }

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

    /// The same figures: every part and every kind's value (the published 766 scores too),
    /// but not the warnings, which are advice about where the data came from (a directory
    /// without a "files" list, tables given one by one) rather than data.
    public static func == (a: Snapshot, b: Snapshot) -> Bool {
        a.manifest == b.manifest && a.units == b.units && a.targets == b.targets && a.dossierForm == b.dossierForm
            && a.dossiers == b.dossiers && a.datasets == b.datasets && a.history == b.history && a.geometry == b.geometry
    }
}
