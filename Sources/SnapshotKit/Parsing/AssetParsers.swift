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
        var sites: [BTSSite] = []
        var seen: [String: Int] = [:]
        var warnings: [SnapshotIssue] = []
        defer { for w in warnings { issues.add(w) } }
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let id = try text(row, 0, "site_id")
            if let first = seen.updateValue(row.line, forKey: id) { throw row.fail(0, "duplicate site_id \"\(id)\" (first on line \(first))") }
            let op = try text(row, 1, "operator")
            let p = try DossierParsers.place(row, 2, 3, units, on: ctx.periodEnd, communeRequired: false)
            let (d, u) = (p.district, p.unit)
            guard let lat = row.reader.decimal(row.span(4)), (-90...90).contains(lat) else { throw row.fail(4, "lat \"\(row.raw(4))\" is not a latitude") }
            guard let lon = row.reader.decimal(row.span(5)), (-180...180).contains(lon) else { throw row.fail(5, "lon \"\(row.raw(5))\" is not a longitude") }
            var mask: UInt8 = 0
            let techText = try row.string(6)
            for part in techText.split(separator: "|", omittingEmptySubsequences: false) {
                guard let k = BTSSite.technologies.firstIndex(of: part.trimmingWhitespace().uppercased()) else {
                    throw row.fail(6, "unknown tech \"\(part)\" (expected 2G, 3G, 4G, 5G separated by |)")
                }
                mask |= 1 << k
            }
            let statusText = try row.string(7)
            guard let status = BTSSite.Status.allCases.first(where: { $0.name == statusText }) else {
                throw row.fail(7, "unknown status \"\(statusText)\" (expected active, planned or down)")
            }
            let commissioned = try row.optionalDate(8, "commissioned_date", in: ctx.window)
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
        var out: [Village] = []
        var seen: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let code = try text(row, 0, "village_code")
            if let first = seen.updateValue(row.line, forKey: code) { throw row.fail(0, "duplicate village_code \"\(code)\" (first on line \(first))") }
            let name = try text(row, 1, "name")
            let p = try DossierParsers.place(row, 2, 3, units, on: ctx.periodEnd, communeRequired: true)
            let (d, c) = (p.district, p.unit)
            let hh = try row.count(4, "households")
            let poor = try row.count(5, "poor_households")
            if poor > hh { throw row.fail(5, "poor_households (\(poor)) is greater than households (\(hh))") }
            let m = try row.string(6)
            guard let mobile = Village.mobileLevels.firstIndex(of: m.uppercased() == "NONE" ? "none" : m.uppercased()) else {
                throw row.fail(6, "unknown mobile \"\(m)\" (expected none, 2G, 3G, 4G or 5G)")
            }
            let b = try row.string(7)
            guard b == "yes" || b == "no" else { throw row.fail(7, "broadband \"\(b)\" must be yes or no") }
            out.append(Village(code: code, name: name, district: d, commune: c, households: hh, poorHouseholds: poor,
                               mobile: mobile, broadband: b == "yes"))
        }
        return out
    }

    static func ocop<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [OCOPProduct] {
        let units = ctx.units
        var out: [OCOPProduct] = []
        var seen: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let id = try text(row, 0, "product_id")
            if let first = seen.updateValue(row.line, forKey: id) { throw row.fail(0, "duplicate product_id \"\(id)\" (first on line \(first))") }
            let name = try text(row, 1, "name")
            let producer = try text(row, 2, "producer")
            let d = try district(row, 3, units)
            let category = try text(row, 4, "category")
            guard let stars = row.reader.integer(row.span(5)), (3...5).contains(stars) else {
                throw row.fail(5, "stars \"\(row.raw(5))\" must be 3, 4 or 5")
            }
            let platforms = try row.text(6, "platforms").split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            let listed = try row.optionalDate(7, "listed_date", in: ctx.window)
            out.append(OCOPProduct(id: id, name: name, producer: producer, district: d, category: category, stars: stars,
                                   platforms: platforms, listed: listed))
        }
        return out
    }

    static func tourism<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [(Month, Int, TourismTally)] {
        let units = ctx.units
        var out: [(Month, Int, TourismTally)] = []
        var seen: [Int: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let m = try row.month(0, in: ctx.window)
            let d = try district(row, 1, units)
            if let first = seen.updateValue(row.line, forKey: m.index * 1000 + d) {
                throw row.fail("duplicate row for \(m) / \(row.raw(1)) (first on line \(first))")
            }
            var t = TourismTally()
            t.domestic = try row.count(2, "domestic_visitors")
            t.international = try row.count(3, "international_visitors")
            t.revenueMillionVND = try row.count(4, "revenue_million_vnd")
            out.append((m, d, t))
        }
        return out
    }
}
