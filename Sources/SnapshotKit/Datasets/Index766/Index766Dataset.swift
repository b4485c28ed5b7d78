/// `index_766.csv`, the 766 scores the national portal published: one row per period × unit;
/// optional (without it the 766 figures are cdsboard's estimate alone).
enum Index766Dataset: CachedAsAggregated {
    /// Per unit index, its published scores by period.
    typealias Value = [Int: [Period: Official766]]

    static let id = DatasetID("index_766")
    static let fileName = "index_766.csv"
    static var columns: [String] { ["period", "unit_code"] + Official766.groupColumns + ["total", "rank", "ranked"] }
    static let presence = Presence.optional(warning: nil)
    static let codecVersion = 1
    /// The index's total as the portal publishes it (cdsboard estimates it from dossiers without it).
    static let indicators = [Indicator("index_766.total", .points(of: 100), nature: .flow)]

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Int, [Period: Official766])] {
        Array(Index766Parser.parse(&table, ctx, &issues))
    }

    /// A unit's period given twice (in two tables) keeps its first scores.
    static func aggregate(_ rows: [(Int, [Period: Official766])], units: UnitTree) -> Value {
        var scores: Value = [:]
        for (unit, byPeriod) in rows { scores[unit, default: [:]].merge(byPeriod) { first, _ in first } }
        return scores
    }

    static func fits(_ value: Value, _ units: UnitTree) -> Bool { value.keys.allSatisfy { UnitChain.inTree($0, units.units.count) } }
}
