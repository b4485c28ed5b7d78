/// `tourism.csv`, visitors and revenue: one row per month × district; required.
enum TourismDataset: CachedAsAggregated {
    static let id = DatasetID("tourism")
    static let fileName = "tourism.csv"
    static let columns = ["month", "district_code", "domestic_visitors", "international_visitors", "revenue_million_vnd"]
    static let presence = Presence.required
    static let codecVersion = 1
    static let indicators = [Indicator("tourism.growth_yoy", .relativeChange, nature: .flow)]

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Month, Int, TourismTally)] {
        AssetParsers.tourism(&table, ctx, &issues)
    }

    static func aggregate(_ rows: [(Month, Int, TourismTally)], units: UnitTree) -> TourismCube { TourismCube(rows: rows, units: units) }

    /// Tourism is reported per district: the province and its districts take cells.
    static func fits(_ cube: TourismCube, _ units: UnitTree) -> Bool {
        cube.unitCount == 1 + units.districtIndexes.count || cube.monthCount == 0
    }
}
