/// `bts.csv`, the base stations: one row per site; required.
enum BTSDataset: CachedAsRecords {
    /// The sites and what they add up to per unit.
    struct Value: Equatable, Sendable {
        let sites: [BTSSite]
        let totals: [BTSTotals]
        /// Per unit, the commissioning days of its active sites, sorted.
        let activeSiteDays: [[Int]]
        /// The totals are made from the sites.
        static func == (a: Value, b: Value) -> Bool { a.sites == b.sites }
    }

    static let id = DatasetID("bts")
    static let fileName = "bts.csv"
    static let columns = ["site_id", "operator", "district_code", "commune_code", "lat", "lon", "tech", "status",
                          "commissioned_date"]
    static let presence = Presence.required
    static let codecVersion = 1

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [BTSSite] {
        AssetParsers.bts(&table, ctx, &issues)
    }

    static func aggregate(_ sites: [BTSSite], units: UnitTree) -> Value {
        var totals = Array(repeating: BTSTotals(), count: units.units.count)
        for s in sites {
            for u in UnitChain.of(s.commune ?? s.district, in: units) {
                totals[u].sites += 1
                totals[u].byStatus[s.status.rawValue] += 1
                if s.status == .active {
                    for k in 0..<4 where s.supports(k) { totals[u].byTech[k] += 1 }
                    totals[u].byOperator[s.operator, default: 0] += 1
                }
            }
        }
        let days = UnitChain.sortedDays(sites.filter { $0.status == .active }, units: units,
                                        unit: { $0.commune ?? $0.district }, day: \.commissioned)
        return Value(sites: sites, totals: totals, activeSiteDays: days)
    }

    static func records(_ value: Value) -> [BTSSite] { value.sites }

    static func fits(_ s: BTSSite, unitCount n: Int) -> Bool { UnitChain.inTree(s.district, n) && UnitChain.inTree(s.commune, n) }
}
