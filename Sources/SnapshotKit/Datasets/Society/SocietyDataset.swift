/// `society.csv`, the digital-society counts (VNeID, community digital teams, cashless
/// payments…): one row per month × commune or district; optional.
enum SocietyDataset: DatasetKind {
    typealias Rows = [(Month, Int, SocietyTally)]
    typealias Value = SocietyCube

    static let id = DatasetID("society")
    static let fileName = "society.csv"
    static var columns: [String] { ["month", "district_code", "commune_code"] + SocietyMeasure.allCases.map(\.column) }
    static let presence = Presence.optional(warning: "not present: the digital society panel is hidden")
    static let codecVersion = 1

    static func read<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, into rows: inout Rows?, _ issues: inout IssueCollector) {
        rows = (rows ?? []) + SocietyParser.parse(&table, ctx, &issues)
    }

    static func aggregate(_ rows: Rows, units: UnitTree) -> SocietyCube { SocietyCube(rows: rows, units: units) }

    static func write(_ value: SocietyCube, to w: inout CacheWriter) { w.put(value) }

    static func read(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> SocietyCube {
        let cube: SocietyCube = try r.get()
        guard cube.unitCount == units.units.count || cube.monthCount == 0 else {
            throw CacheReader.Malformed(description: "society: an index outside the unit tree")
        }
        return cube
    }
}
