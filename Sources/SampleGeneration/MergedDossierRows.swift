import SnapshotKit
/// `gen --profile tuyen-quang --dossiers N`: N raw `dossiers.csv` rows of the 2026 shape,
/// received 2024-01 … the data's end. A row received before the change names its old units
/// (Hà Giang's and the old Tuyên Quang's districts and communes; province-, district- and
/// commune-level, as `DossierGenerator`'s cells of each old province); from the change on, the
/// two-tier units: commune-level rows with the new commune's code, and province-level rows
/// (district work went to the province) with neither code.
struct MergedDossierRows {
    /// One place a dossier may be received, in the codes of its era.
    struct Cell {
        var district: String
        var commune: String
        var place: String
        var level: DossierLevel
        var field: String
        var weight: Double
        var onlineFactor: Double
        var onTime: Double
    }

    static let firstMonth = Month(year: 2024, month: 1)

    let tree: UnitTree
    let change: UnitChange
    let seed: UInt64
    let periodEnd: Day

    /// Before the change: every old province's cells, as the ha-giang rows are made.
    func oldCells() -> [Cell] {
        change.before.enumerated().flatMap { k, t in
            DossierGenerator(units: t, seed: seed &+ UInt64(k)).cells.map { c in
                let u = t.units[c.unit]
                return Cell(district: t.units[c.district].code, commune: c.unit == c.district ? "" : u.code, place: u.name,
                            level: c.level, field: c.field, weight: c.weight, onlineFactor: c.onlineFactor, onTime: c.onTime)
            }
        }
    }

    /// From the change: the province's own work (its and the former districts' fields), and each
    /// commune's, weighted as the old communes (a ward 2,5 times a commune, ±40%).
    func newCells() -> [Cell] {
        var rng = SeededRandom(seed: seed ^ 0x2025_0701)
        let shares = SampleProfile.levelShares
        let population = Double(change.before.reduce(0) { $0 + ($1.province.population ?? 900_000) })
        var out: [Cell] = []
        let provinceFields = SampleProfile.provinceFields.map { ($0.0, $0.1 * shares[0]) }
            + SampleProfile.districtFields.map { ($0.0, $0.1 * shares[1]) }
        let fieldSum = provinceFields.reduce(0) { $0 + $1.1 }
        for (f, w) in provinceFields {
            out.append(Cell(district: "", commune: "", place: tree.province.name, level: .province, field: f,
                            weight: population * (shares[0] + shares[1]) * w / fieldSum, onlineFactor: 1.05, onTime: 0.985))
        }
        let communes = tree.communeIndexes.map { tree.units[$0] }
        let cw = communes.map { c in (c.kind == "xã" ? 1.0 : 2.5) * rng.uniform(0.6, 1.4) }
        let cwSum = cw.reduce(0, +)
        let communeSum = SampleProfile.communeFields.reduce(0) { $0 + $1.1 }
        for (k, c) in communes.enumerated() {
            for (f, w) in SampleProfile.communeFields {
                out.append(Cell(district: "", commune: c.code, place: c.name, level: .commune, field: f,
                                weight: population * shares[2] * cw[k] / cwSum * w / communeSum * rng.uniform(0.8, 1.2),
                                onlineFactor: rng.uniform(0.9, 1.1), onTime: rng.uniform(0.95, 0.995)))
            }
        }
        return out
    }

    /// `count` rows to `path`, not yet under that name.
    func rows(count: Int, to path: String) throws -> CSVWriter {
        guard change.date.number == change.date.month.firstDay.number else {
            throw SnapshotIssue(file: "units.json", line: nil, message: "gen writes raw rows for a change of catalogue on the "
                                + "first day of a month, not \(change.date)")
        }
        var rng = SeededRandom(seed: seed &+ UInt64(count))
        var extra = SeededRandom(seed: (seed &+ UInt64(count)) ^ 0x766)
        let w = try CSVWriter(path: path, header: DossierGenerator.rowColumns)
        // Each month weighs as the same month of the ha-giang sample's 2023, 5% more a year.
        var months: [Month] = []
        var m = Self.firstMonth
        while m <= periodEnd.month { months.append(m); m = m.adding(1) }
        let monthCum = DossierGenerator.cumulative(months.map { m in
            Double(SampleProfile.dossierMonths[m.month - 1].1) * (1 + 0.05 * Double(m.year - 2023))
        })
        let eras = [oldCells(), newCells()]
        let cellCums = eras.map { DossierGenerator.cumulative($0.map(\.weight)) }
        for n in 0..<count {
            let month = months[DossierGenerator.pick(monthCum, rng.unit())]
            let era = month.firstDay < change.date ? 0 : 1
            let cell = eras[era][DossierGenerator.pick(cellCums[era], rng.unit())]
            let share = min(0.88 + 0.002 * Double(month.index - Self.firstMonth.index), 0.95)
            w.row(DossierGenerator.rawRow(n, id: "TQ", month: month, onlineShare: share, district: cell.district,
                                          commune: cell.commune, place: cell.place, level: cell.level, field: cell.field,
                                          onlineFactor: cell.onlineFactor, onTime: cell.onTime, periodEnd: periodEnd,
                                          &rng, &extra))
        }
        return w
    }
}
