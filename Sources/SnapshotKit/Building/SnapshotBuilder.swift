import Foundation

/// The kinds of table a snapshot is made of, with the columns each must have.
public enum TableKind: String, CaseIterable, Sendable {
    /// One row per dossier (`dossiers.csv`).
    case dossiers
    /// One row per month × unit × level × field × channel (`dossier_stats.csv`).
    case dossierStats
    case bts, villages, ocop, tourism
    /// The portal's published 766 scores (optional).
    case index766
    /// The digital-society counts (`society.csv`), optional: without it the panel is hidden.
    case society

    /// The file of a snapshot directory that holds the table.
    public var fileName: String {
        switch self {
        case .dossiers: return "dossiers.csv"
        case .dossierStats: return "dossier_stats.csv"
        case .index766: return "index_766.csv"
        default: return rawValue + ".csv"
        }
    }

    /// The columns a table may have and cdsboard reads when present (after `columns`, in this
    /// order): a figure that needs one that is missing is "not available", never zero.
    public var optionalColumns: [String] {
        switch self {
        case .dossiers:
            return ["procedure_code"] + Self.flagColumns
        case .dossierStats:
            return Self.form06Columns + ["supplement"] + Self.flagColumns
        default: return []
        }
    }

    /// The yes/no flags of a dossier (counts of them in the statistics form).
    public static let flagColumns = ["fee_required", "paid_online", "full_online", "digitized", "e_result", "vneid_verified"]
    /// The statistics form's form 06 columns, which come together.
    public static let form06Columns = ["carried_over", "resolved_before_due", "resolved_on_due", "resolved_after_due",
                                       "returned_in_month", "withdrawn_in_month", "pending_end_overdue"]

    /// `columns` then `optionalColumns`: what a table of the kind is read with.
    public var readColumns: [String] { columns + optionalColumns }

    /// The columns the table must have (others are dropped when it is read).
    public var columns: [String] {
        switch self {
        case .dossiers:
            return ["dossier_id", "district_code", "commune_code", "level", "field", "received_date", "due_date",
                    "resolved_date", "channel", "status"]
        case .dossierStats:
            return ["month", "district_code", "commune_code", "level", "field", "channel", "received", "resolved",
                    "resolved_on_time", "returned", "withdrawn", "pending", "pending_overdue"]
        case .bts: return BTSDataset.columns
        case .villages: return VillagesDataset.columns
        case .ocop: return OCOPDataset.columns
        case .tourism: return TourismDataset.columns
        case .index766: return Index766Dataset.columns
        case .society:
            return SocietyDataset.columns
        }
    }
}

/// A latitude/longitude box: where a province's BTS sites are expected (`units.json`'s
/// `province.bounds`), else Vietnam's extent with a margin.
public struct GeoBounds: Sendable, Equatable {
    public var south: Double, north: Double, west: Double, east: Double
    /// How a warning names the box: "Hà Giang's bounding box", "Vietnam's extent".
    public var name: String
    public init(south: Double, north: Double, west: Double, east: Double, name: String) {
        self.south = south; self.north = north; self.west = west; self.east = east; self.name = name
    }
    /// Vietnam, 8.0–23.5 N and 102.0–110.0 E, with half a degree of margin.
    public static let vietnam = GeoBounds(south: 7.5, north: 24.0, west: 101.5, east: 110.5, name: "Vietnam's extent")
    public func contains(latitude: Double, longitude: Double) -> Bool {
        (south...north).contains(latitude) && (west...east).contains(longitude)
    }
}

/// Builds a `Snapshot` from tables, whatever their source: every value is validated and every
/// problem reported as `source:line[:column]: message`, then the figures are aggregated. Either
/// `build()` gives a snapshot or it lists what is wrong.
///
/// Give the manifest and the units first (the tables are read against them), then one dossier
/// table (`addDossiers` or `addDossierStats`) and the four asset tables:
///
/// ```swift
/// var b = SnapshotBuilder()
/// b.setManifest(json: manifestData)
/// b.setUnits(json: unitsData)
/// var bts = try TextTable(.bts, header: header, rows: rows)   // or any SnapshotTable
/// b.addBTS(&bts)
/// …
/// switch b.build() { case .success(let snapshot): … case .failure(let failure): … }
/// ```
///
/// A problem of the source itself (a file that cannot be read) goes in with `report`.
public struct SnapshotBuilder {
    public struct Options: Sendable {
        /// The first month a date or month may fall in.
        public var earliest = Month(year: 1990, month: 1)
        /// How many months after `period_end` a date may fall (a due date, a planned listing).
        public var monthsAfterPeriodEnd = 12
        /// The last `period_end` accepted.
        public var latestPeriodEnd = Month(year: 2199, month: 12)
        /// Parts `dossiers.csv` is read in at once by `addDossiers(csvDirectory:)` (1: one core);
        /// one per core by default (the `cdsboard` command sets it from `CDSBOARD_THREADS`).
        public var parts = DossierParsers.defaultParts
        /// The most the dossier cube may take (months with data × units × (fields + 4) cells).
        public var maximumCubeBytes = 512 << 20
        /// Test hook: past this many estimated rows the dossier IDs' hashes are spilled to
        /// temporary files (`DossierParsers.idSetLimit` by default), so a small file can take
        /// the path of a large one.
        var idSetRows = DossierParsers.idSetLimit
        /// Test hook: files of at least this many bytes are read in parts (the fuzz target
        /// drives the parallel path with small inputs).
        var minimumParallelBytes = DossierParsers.parallelThreshold
        /// Benchmark and test hook: false reads every `dossiers.csv` row the general way
        /// (`RawRowReader.row`), without the fused scanner (`cdsboard-bench load --general`).
        public var fused = true
        /// The kinds of data read besides the closed core (`DatasetRegistry.standard`; a test
        /// may add its own).
        var datasets = DatasetRegistry.standard
        public init() {}
    }

    public let options: Options
    public private(set) var issues = IssueCollector()
    public private(set) var manifest: Manifest?
    public private(set) var units: UnitTree?
    public private(set) var targets = Targets()
    /// The optional outlines and centres of units (`geometry.json`).
    public private(set) var geometry: Geometry?
    private var dossiers = DossierAccumulator()
    /// Pre-change statistics rows in the old units, per old province.
    private var history: [DossierAccumulator] = []
    private var dossierForm: Snapshot.DossierForm?
    private var dossierSource = TableKind.dossiers.fileName
    /// Checked rows of the kinds behind `DatasetKind`, by kind (each a `[K.Row]`).
    private var datasetRows: [DatasetID: any Sendable] = [:]

    public init(options: Options = Options()) { self.options = options }

    // MARK: The JSON parts

    public mutating func setManifest(json: Data, source: String = "manifest.json") {
        do { try setManifest(JSONFiles.manifest(data: json, name: source)) } catch { issues.add(error) }
    }

    /// Sets the manifest; its `period_end` must lie in `earliest … latestPeriodEnd`.
    public mutating func setManifest(_ m: Manifest, source: String = "manifest.json") throws(SnapshotIssue) {
        let month = m.periodEnd.month
        guard month >= options.earliest, month <= options.latestPeriodEnd else {
            throw SnapshotIssue(file: source, line: nil, message: "period_end \(m.periodEnd) is outside the accepted months "
                                + "\(DateWindow(first: options.earliest, last: options.latestPeriodEnd)) (a typo?)")
        }
        manifest = m
        checkProvince()
    }

    /// The units; `before` is `units_before.json`, the old catalogue of a snapshot that carries
    /// the change (its mapping is in the communes' `predecessors`).
    public mutating func setUnits(json: Data, source: String = "units.json", before: Data? = nil,
                                  beforeSource: String = "units_before.json") {
        do { setUnits(try Catalogue.read(units: json, name: source, before: before, beforeName: beforeSource, issues: &issues)) }
        catch { issues.add(error) }
    }

    public mutating func setUnits(_ u: UnitTree) {
        units = u
        checkProvince()
    }

    public mutating func setTargets(json: Data, source: String = "targets.json") {
        targets = TargetsParser.parse(data: json, name: source, catalog: IndicatorCatalog(registry: options.datasets), issues: &issues)
    }

    public mutating func setTargets(_ t: Targets) { targets = t }

    /// The optional `geometry.json`: outlines and/or centres of units, checked against the
    /// units (give those first): rings closed with four positions or more, coordinates in
    /// range, codes of `units.json`.
    public mutating func setGeometry(json: Data, source: String = "geometry.json") {
        guard let units else { return }
        let (g, problems) = GeometryFile.parse(data: json, units: units, name: source)
        for p in problems { issues.add(p) }
        geometry = g
    }

    public mutating func setGeometry(_ g: Geometry?) { geometry = g }

    private mutating func checkProvince() {
        if let m = manifest, let units, m.provinceCode != units.province.code {
            issues.add(SnapshotIssue(file: "manifest.json", line: nil,
                                     message: "province_code \(m.provinceCode) does not match units.json (\(units.province.code))"))
        }
    }

    /// Records a problem of the source (a table that could not be read, a part missing).
    public mutating func report(_ issue: SnapshotIssue) { issues.add(issue) }

    // MARK: Tables

    /// What the row parsers check against; nil until the units and a valid manifest are known.
    ///
    /// The date window every reader uses, and the day that decides "overdue", come from this
    /// one decision: without a manifest that validated, no table is read (a table given then
    /// adds nothing, and `build()` reports the manifest's problem). A row was once counted
    /// against a made-up period end far in the future, and one `supplement` row then asked
    /// for a block of months without end (issue 25).
    var context: RowContext? {
        guard let units, let manifest else { return nil }
        return RowContext(units: units, periodEnd: manifest.periodEnd,
                          window: DateWindow(first: options.earliest, last: manifest.periodEnd.month.adding(options.monthsAfterPeriodEnd)))
    }

    private mutating func setForm(_ form: Snapshot.DossierForm, _ source: String) -> Bool {
        if dossierForm != nil {
            issues.add(SnapshotIssue(file: source, line: nil,
                                     message: "a second dossier table; a snapshot carries one (dossiers or dossier_stats)"))
            return false
        }
        dossierForm = form
        dossierSource = source
        return true
    }

    /// One row per dossier (`TableKind.dossiers`), read on one core.
    public mutating func addDossiers(_ table: inout some SnapshotTable) {
        guard let ctx = context, setForm(.rows, table.source) else { return }
        DossierParsers.raw(&table, ctx, into: &dossiers, issues: &issues)
    }

    /// The streaming entry point for large exports: `dossiers.csv` of `directory` read a window
    /// at a time, in parts on all cores (`Options.parts`). A table abstraction would cost
    /// this path (a million rows) its parallel read; the rows are validated by the same code.
    public mutating func addDossiers(csvDirectory directory: String, file: String = TableKind.dossiers.fileName) {
        guard let ctx = context, setForm(.rows, file) else { return }
        DossierParsers.raw(directory, file: file, ctx, into: &dossiers, issues: &issues, reading: RawReading(parts: options.parts,
                           minimumParallelBytes: options.minimumParallelBytes, idSetRows: options.idSetRows, fused: options.fused))
    }

    /// Statistics rows (`TableKind.dossierStats`).
    public mutating func addDossierStats(_ table: inout some SnapshotTable) {
        guard let ctx = context, setForm(.stats, table.source) else { return }
        history = Array(repeating: DossierAccumulator(), count: ctx.units.change?.before.count ?? 0)
        DossierParsers.stats(&table, ctx, into: &dossiers, history: &history, issues: &issues)
        // The old units' figures come from the same rows, so they have the same columns (form 06,
        // supplement, flags): without them a historical form 06 would be "—" throughout.
        for k in history.indices { history[k].measures = dossiers.measures }
    }

    public mutating func addBTS(_ table: inout some SnapshotTable) { add(BTSDataset.self, &table) }
    public mutating func addVillages(_ table: inout some SnapshotTable) { add(VillagesDataset.self, &table) }
    public mutating func addOCOP(_ table: inout some SnapshotTable) { add(OCOPDataset.self, &table) }
    public mutating func addTourism(_ table: inout some SnapshotTable) { add(TourismDataset.self, &table) }
    /// The portal's published 766 scores (`TableKind.index766`), optional.
    public mutating func addIndex766(_ table: inout some SnapshotTable) { add(Index766Dataset.self, &table) }

    /// The society table (optional: a snapshot given none has no society figures).
    public mutating func addSociety(_ table: inout some SnapshotTable) { add(SocietyDataset.self, &table) }

    /// A table of a kind behind `DatasetKind`, checked against the units and the manifest's window.
    mutating func add<K: DatasetKind, T: SnapshotTable>(_ kind: K.Type, _ table: inout T) {
        guard let ctx = context else { return }
        var rows = datasetRows.removeValue(forKey: K.id) as? [K.Row] ?? []
        rows += K.parse(&table, ctx, &issues)
        datasetRows[K.id] = rows
    }

    /// What the snapshot keeps of each kind given rows.
    private func datasets(_ units: UnitTree, _ datasetRows: [DatasetID: any Sendable]) -> DatasetStore {
        var store = DatasetStore()
        func aggregate<K: DatasetKind>(_ kind: K.Type) {
            if let rows = datasetRows[K.id] as? [K.Row] { store.set(kind, K.aggregate(rows, units: units)) }
        }
        for kind in options.datasets.kinds { aggregate(kind) }
        return store
    }

    /// `kind`'s rows checked against the other kinds' (`DatasetKind.check`).
    private func check<K: DatasetKind>(_ kind: K.Type, _ rows: inout [DatasetID: any Sendable], _ issues: inout IssueCollector) {
        guard let mine = rows[K.id] as? [K.Row] else { return }
        rows[K.id] = K.check(mine, others: rows, &issues)
    }

    // MARK: The snapshot

    /// The snapshot, or every problem found (errors, warnings, and how many were not kept).
    public func build() -> Result<Snapshot, SnapshotFailure> {
        var issues = issues
        if units == nil, !issues.hasErrors { issues.add(SnapshotIssue(file: "units.json", line: nil, message: "no units were given")) }
        if manifest == nil, !issues.hasErrors {
            issues.add(SnapshotIssue(file: "manifest.json", line: nil, message: "no manifest was given"))
        }
        if dossierForm == nil, !issues.hasErrors {
            issues.add(SnapshotIssue(file: TableKind.dossiers.fileName, line: nil,
                                     message: "no dossier table was given (dossiers or dossier_stats)"))
        }
        if let units, !issues.hasErrors {
            let bytes = DossierCube.bytes(for: dossiers, units: units)
            if bytes > options.maximumCubeBytes {
                issues.add(SnapshotIssue(file: dossierSource, line: nil, message: "the dossier figures would take "
                                         + "\(bytes >> 20) MB (\(dossiers.fields.count) distinct fields, \(units.units.count) units), "
                                         + "more than \(options.maximumCubeBytes >> 20) MB: is the field column right?"))
            }
        }
        // Each kind's rows against the others' (values naming an indicator of indicators.csv).
        var rows = datasetRows
        for kind in options.datasets.kinds { check(kind, &rows, &issues) }
        guard let manifest, let units, let dossierForm, !issues.hasErrors else {
            return .failure(SnapshotFailure(errors: issues.errors, warnings: issues.warnings, suppressed: issues.suppressedSummary))
        }
        let snapshot = Snapshot(manifest: manifest, units: units, targets: targets, dossierForm: dossierForm,
                                 dossiers: DossierCube(accumulator: dossiers, units: units),
                                 datasets: datasets(units, rows), warnings: issues.warnings,
                                 history: zip(units.change?.before ?? [], history).map {
                                     HistoricalProvince(units: $0, dossiers: DossierCube(accumulator: $1, units: $0))
                                 }, geometry: geometry)
        return .success(snapshot)
    }
}

/// What the row parsers check values against.
struct RowContext {
    let units: UnitTree
    let window: DateWindow
    /// A pending dossier due before this day is overdue.
    let periodEnd: Day
    let bounds: GeoBounds

    init(units: UnitTree, periodEnd: Day, window: DateWindow? = nil) {
        self.units = units
        self.periodEnd = periodEnd
        let o = SnapshotBuilder.Options()
        self.window = window ?? DateWindow(first: o.earliest, last: periodEnd.month.adding(o.monthsAfterPeriodEnd))
        bounds = units.bounds ?? .vietnam
    }
}
