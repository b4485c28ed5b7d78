/// `villages.csv`, the villages' mobile and broadband coverage: one row per village; required.
enum VillagesDataset: CachedAsRecords {
    /// The villages and what they add up to per unit.
    struct Value: Equatable, Sendable {
        let villages: [Village]
        let totals: [VillageTotals]
        /// The totals are made from the villages.
        static func == (a: Value, b: Value) -> Bool { a.villages == b.villages }
    }

    static let id = DatasetID("villages")
    static let fileName = "villages.csv"
    static let columns = ["village_code", "name", "district_code", "commune_code", "households", "poor_households", "mobile",
                          "broadband"]
    static let presence = Presence.required
    static let codecVersion = 1
    static let indicators = [Indicator("villages.coverage_share", .share, nature: .stock)]

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [Village] {
        AssetParsers.villages(&table, ctx, &issues)
    }

    static func aggregate(_ villages: [Village], units: UnitTree) -> Value {
        var totals = Array(repeating: VillageTotals(), count: units.units.count)
        for v in villages {
            for u in UnitChain.of(v.commune, in: units) {
                totals[u].villages += 1
                totals[u].covered += v.mobile > 0 ? 1 : 0
                if totals[u].byMobile.indices.contains(v.mobile) { totals[u].byMobile[v.mobile] += 1 }
                totals[u].broadband += v.broadband ? 1 : 0
                totals[u].households += v.households
                totals[u].poorHouseholds += v.poorHouseholds
            }
        }
        return Value(villages: villages, totals: totals)
    }

    static func records(_ value: Value) -> [Village] { value.villages }

    static func fits(_ v: Village, unitCount n: Int) -> Bool { UnitChain.inTree(v.district, n) && UnitChain.inTree(v.commune, n) }
}
