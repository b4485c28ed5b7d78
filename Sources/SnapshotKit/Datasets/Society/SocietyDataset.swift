/// `society.csv`, the digital-society counts (VNeID, community digital teams, cashless
/// payments…): one row per month × commune or district; optional.
enum SocietyDataset: CachedAsAggregated {
    static let id = DatasetID("society")
    static let fileName = "society.csv"
    static var columns: [String] { ["month", "district_code", "commune_code"] + SocietyMeasure.allCases.map(\.column) }
    static let presence = Presence.optional(warning: "not present: the digital society panel is hidden")
    static let codecVersion = 1
    static let indicators = [Indicator("society.vneid_share", .share, nature: .stock)]

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Month, Int, SocietyTally)] {
        SocietyParser.parse(&table, ctx, &issues)
    }

    static func aggregate(_ rows: [(Month, Int, SocietyTally)], units: UnitTree) -> SocietyCube { SocietyCube(rows: rows, units: units) }

    static func fits(_ cube: SocietyCube, _ units: UnitTree) -> Bool { cube.unitCount == units.units.count || cube.monthCount == 0 }
}
