/// `tourism.csv`, visitors and revenue: one row per month × district; required.
enum TourismDataset: DatasetKind {
    typealias Rows = [(Month, Int, TourismTally)]
    typealias Value = TourismCube

    static let id = DatasetID("tourism")
    static let fileName = "tourism.csv"
    static let columns = ["month", "district_code", "domestic_visitors", "international_visitors", "revenue_million_vnd"]
    static let presence = Presence.required
    static let codecVersion = 1

    static func read<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, into rows: inout Rows?, _ issues: inout IssueCollector) {
        rows = (rows ?? []) + AssetParsers.tourism(&table, ctx, &issues)
    }

    static func aggregate(_ rows: Rows, units: UnitTree) -> TourismCube { TourismCube(rows: rows, units: units) }

    static func write(_ value: TourismCube, to w: inout CacheWriter) { w.put(value) }

    static func read(from r: inout CacheReader, units: UnitTree) throws(CacheReader.Malformed) -> TourismCube {
        let cube: TourismCube = try r.get()
        // Tourism is reported per district: the province and its districts take cells.
        guard cube.unitCount == 1 + units.districtIndexes.count || cube.monthCount == 0 else {
            throw CacheReader.Malformed(description: "tourism: an index outside the unit tree")
        }
        return cube
    }
}
