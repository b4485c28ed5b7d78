/// `ocop.csv`, the OCOP products and where they are listed online: one row per product; required.
enum OCOPDataset: CachedAsRecords {
    /// The products and what they add up to per unit.
    struct Value: Equatable, Sendable {
        let products: [OCOPProduct]
        let totals: [OCOPTotals]
        /// Per unit (province and districts), the listing days of its products listed online.
        let listedDays: [[Int]]
        /// The totals are made from the products.
        static func == (a: Value, b: Value) -> Bool { a.products == b.products }
    }

    static let id = DatasetID("ocop")
    static let fileName = "ocop.csv"
    static let columns = ["product_id", "name", "producer", "district_code", "category", "stars", "platforms", "listed_date"]
    static let presence = Presence.required
    static let codecVersion = 1
    static let indicators = [Indicator("ocop.listed_share", .share, nature: .stock)]

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [OCOPProduct] {
        AssetParsers.ocop(&table, ctx, &issues)
    }

    static func aggregate(_ products: [OCOPProduct], units: UnitTree) -> Value {
        var totals = Array(repeating: OCOPTotals(), count: units.units.count)
        for p in products {
            for u in UnitChain.of(p.district, in: units) {
                totals[u].products += 1
                totals[u].listed += p.platforms.isEmpty ? 0 : 1
                if totals[u].byStars.indices.contains(p.stars - 3) { totals[u].byStars[p.stars - 3] += 1 }
                totals[u].byCategory[p.category, default: 0] += 1
                for pl in p.platforms { totals[u].byPlatform[pl, default: 0] += 1 }
            }
        }
        let days = UnitChain.sortedDays(products.filter { !$0.platforms.isEmpty }, units: units, unit: \.district, day: \.listed)
        return Value(products: products, totals: totals, listedDays: days)
    }

    static func records(_ value: Value) -> [OCOPProduct] { value.products }

    static func fits(_ p: OCOPProduct, unitCount n: Int) -> Bool { UnitChain.inTree(p.district, n) }
}
