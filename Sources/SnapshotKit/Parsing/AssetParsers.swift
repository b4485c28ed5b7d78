import Foundation

/// Parsers for the BTS, village, OCOP and tourism tables (`bts.csv`, `villages.csv`, `ocop.csv`,
/// `tourism.csv` in a directory).
enum AssetParsers {
    static func text(_ row: TableRow, _ c: Int, _ name: String) throws(SnapshotIssue) -> String {
        let s = try row.text(c, name)
        if s.isEmpty { throw row.fail(c, "\(name) is empty") }
        return s
    }

    /// A district (or former district) of `units`; in a two-tier province empty means the province.
    static func district(_ row: TableRow, _ c: Int, _ units: UnitTree) throws(SnapshotIssue) -> Int {
        if units.twoTier, row.isEmpty(c) { return 0 }
        guard let dcode = row.reader.integer(row.span(c)), row.span(c).end - row.span(c).start == 3,
              let d = units.district(numericCode: dcode) else {
            throw row.fail(c, "unknown district_code \"\(row.raw(c))\" (not in units.json)")
        }
        return d
    }

    static func bts<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [BTSSite] {
        let units = ctx.units
        let col = ColumnIndex(BTSDataset.columns)
        var sites: [BTSSite] = []
        var seen: [String: Int] = [:]
        var warnings: [SnapshotIssue] = []
        defer { for w in warnings { issues.add(w) } }
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let id = try text(row, col["site_id"], "site_id")
            if let first = seen.updateValue(row.line, forKey: id) { throw row.fail(col["site_id"], "duplicate site_id \"\(id)\" (first on line \(first))") }
            let op = try text(row, col["operator"], "operator")
            let p = try DossierParsers.place(row, col["district_code"], col["commune_code"], units, on: ctx.periodEnd, communeRequired: false)
            let (d, u) = (p.district, p.unit)
            guard let lat = row.reader.decimal(row.span(col["lat"])), (-90...90).contains(lat) else { throw row.fail(col["lat"], "lat \"\(row.raw(col["lat"]))\" is not a latitude") }
            guard let lon = row.reader.decimal(row.span(col["lon"])), (-180...180).contains(lon) else { throw row.fail(col["lon"], "lon \"\(row.raw(col["lon"]))\" is not a longitude") }
            var mask: UInt8 = 0
            let techText = try row.string(col["tech"])
            for part in techText.split(separator: "|", omittingEmptySubsequences: false) {
                guard let k = BTSSite.technologies.firstIndex(of: part.trimmingWhitespace().uppercased()) else {
                    throw row.fail(col["tech"], "unknown tech \"\(part)\" (expected 2G, 3G, 4G, 5G separated by |)")
                }
                mask |= 1 << k
            }
            let statusText = try row.string(col["status"])
            guard let status = BTSSite.Status.allCases.first(where: { $0.name == statusText }) else {
                throw row.fail(col["status"], "unknown status \"\(statusText)\" (expected active, planned or down)")
            }
            let commissioned = try row.optionalDate(col["commissioned_date"], "commissioned_date", in: ctx.window)
            if !ctx.bounds.contains(latitude: lat, longitude: lon) {
                warnings.append(SnapshotIssue(file: row.file, line: row.line, message: "site \(id) lies outside \(ctx.bounds.name) (\(lat), \(lon))", severity: .warning))
            }
            sites.append(BTSSite(id: id, operator: op, district: d, commune: u == d ? nil : u, latitude: lat, longitude: lon,
                                 techMask: mask, status: status, commissioned: commissioned))
        }
        return sites
    }

    static func villages<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [Village] {
        let units = ctx.units
        let col = ColumnIndex(VillagesDataset.columns)
        var out: [Village] = []
        var seen: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let code = try text(row, col["village_code"], "village_code")
            if let first = seen.updateValue(row.line, forKey: code) { throw row.fail(col["village_code"], "duplicate village_code \"\(code)\" (first on line \(first))") }
            let name = try text(row, col["name"], "name")
            let p = try DossierParsers.place(row, col["district_code"], col["commune_code"], units, on: ctx.periodEnd, communeRequired: true)
            let (d, c) = (p.district, p.unit)
            let hh = try row.count(col["households"], "households")
            let poor = try row.count(col["poor_households"], "poor_households")
            if poor > hh { throw row.fail(col["poor_households"], "poor_households (\(poor)) is greater than households (\(hh))") }
            let m = try row.string(col["mobile"])
            guard let mobile = Village.mobileLevels.firstIndex(of: m.uppercased() == "NONE" ? "none" : m.uppercased()) else {
                throw row.fail(col["mobile"], "unknown mobile \"\(m)\" (expected none, 2G, 3G, 4G or 5G)")
            }
            let b = try row.string(col["broadband"])
            guard b == "yes" || b == "no" else { throw row.fail(col["broadband"], "broadband \"\(b)\" must be yes or no") }
            out.append(Village(code: code, name: name, district: d, commune: c, households: hh, poorHouseholds: poor,
                               mobile: mobile, broadband: b == "yes"))
        }
        return out
    }

    static func ocop<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [OCOPProduct] {
        let units = ctx.units
        let col = ColumnIndex(OCOPDataset.columns)
        var out: [OCOPProduct] = []
        var seen: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let id = try text(row, col["product_id"], "product_id")
            if let first = seen.updateValue(row.line, forKey: id) { throw row.fail(col["product_id"], "duplicate product_id \"\(id)\" (first on line \(first))") }
            let name = try text(row, col["name"], "name")
            let producer = try text(row, col["producer"], "producer")
            let d = try district(row, col["district_code"], units)
            let category = try text(row, col["category"], "category")
            guard let stars = row.reader.integer(row.span(col["stars"])), (3...5).contains(stars) else {
                throw row.fail(col["stars"], "stars \"\(row.raw(col["stars"]))\" must be 3, 4 or 5")
            }
            let platforms = try row.text(col["platforms"], "platforms").split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            let listed = try row.optionalDate(col["listed_date"], "listed_date", in: ctx.window)
            out.append(OCOPProduct(id: id, name: name, producer: producer, district: d, category: category, stars: stars,
                                   platforms: platforms, listed: listed))
        }
        return out
    }

    static func tourism<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Month, Int, TourismTally)] {
        let units = ctx.units
        let col = ColumnIndex(TourismDataset.columns)
        var out: [(Month, Int, TourismTally)] = []
        var seen: [Int: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let m = try row.month(col["month"], in: ctx.window)
            let d = try district(row, col["district_code"], units)
            if let first = seen.updateValue(row.line, forKey: m.index * 1000 + d) {
                throw row.fail("duplicate row for \(m) / \(row.raw(col["district_code"])) (first on line \(first))")
            }
            var t = TourismTally()
            t.domestic = try row.count(col["domestic_visitors"], "domestic_visitors")
            t.international = try row.count(col["international_visitors"], "international_visitors")
            t.revenueMillionVND = try row.count(col["revenue_million_vnd"], "revenue_million_vnd")
            out.append((m, d, t))
        }
        return out
    }
}
