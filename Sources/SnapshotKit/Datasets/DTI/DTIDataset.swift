/// `dti.csv`, the provincial DTI as the ministry publishes it: one row per province and year
/// (34 since 2025, 63 before), the 8 main indices of Decision 405/QĐ-BKHCN in its order,
/// values 0–1; optional. `ranked` (optional) says among how many when the file lists fewer
/// provinces than were ranked.
enum DTIDataset: CachedAsRecords {
    static let id = DatasetID("dti")
    static let fileName = "dti.csv"
    static let columns = ["year", "province_code", "province_name"] + DTIRow.indexColumns + ["dti", "rank", "published"]
    static let optionalColumns = ["ranked", "note"]
    static let presence = Presence.optional(warning: nil)
    static let codecVersion = 1

    static func parse<T: SnapshotTable>(_ table: inout T, _ ctx: RowContext, _ issues: inout IssueCollector) -> [DTIRow] {
        var out: [DTIRow] = []
        var lines: [String: Int] = [:]
        var ranks: [String: Int] = [:]
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let year = try IndicatorsDataset.year(row, 0, "year")
            let code = try row.text(1, "province_code")
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw row.fail(1, "province_code \"\(row.raw(1))\" is not a province's two-digit code")
            }
            let name = try row.text(2, "province_name")
            if name.isEmpty { throw row.fail(2, "province_name is empty") }
            var indices: [Double] = []
            for (k, column) in DTIRow.indexColumns.enumerated() { indices.append(try share(row, 3 + k, column)) }
            let dti = try share(row, 11, "dti")
            let rank = try row.count(12, "rank")
            if rank < 1 || rank > 63 { throw row.fail(12, "rank \(rank) is not from 1 to 63") }
            let published = try row.date(13, "published", in: ctx.window)
            if published.components.year <= year {
                throw row.fail(13, "published \(published) is not after the year measured (\(year))")
            }
            let ranked = row.has(14) && !row.isEmpty(14) ? try row.count(14, "ranked") : nil
            if let n = ranked, rank > n { throw row.fail(12, "rank \(rank) is more than ranked (\(n))") }
            let note = row.has(15) ? try row.text(15, "note") : ""
            if let first = lines["\(year)/\(code)"] { throw row.fail(1, "province \(code) given twice for \(year) (first on line \(first))") }
            if let first = ranks["\(year)/\(rank)"] { throw row.fail(12, "rank \(rank) given twice for \(year) (first on line \(first))") }
            lines["\(year)/\(code)"] = row.line
            ranks["\(year)/\(rank)"] = row.line
            out.append(DTIRow(year: year, provinceCode: code, provinceName: name, indices: indices, dti: dti, rank: rank,
                              ranked: ranked, published: published, note: note))
        }
        return out
    }

    /// An index value: a number from 0 to 1 (4 decimals as published).
    static func share(_ row: TableRow, _ c: Int, _ name: String) throws(SnapshotIssue) -> Double {
        guard let v = row.reader.decimal(row.span(c)), v.isFinite, (0...1).contains(v) else {
            throw row.fail(c, "\(name) \"\(row.raw(c))\" is not an index value from 0 to 1 (0.6961)")
        }
        return v
    }

    static func aggregate(_ rows: [DTIRow], units: UnitTree) -> DTITable { DTITable(rows: rows) }
    static func records(_ value: DTITable) -> [DTIRow] { value.rows }
    static func fits(_ row: DTIRow, unitCount: Int) -> Bool { row.indices.count == 8 }
}

extension DTIRow: CacheCodable {
    func write(to w: inout CacheWriter) {
        w.put(year); w.put(provinceCode); w.put(provinceName); w.put(indices); w.put(dti); w.put(rank); w.put(ranked); w.put(published); w.put(note)
    }
    init(from r: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(year: try r.get(), provinceCode: try r.get(), provinceName: try r.get(), indices: try r.get(), dti: try r.get(),
                  rank: try r.get(), ranked: try r.get(), published: try r.get(), note: try r.get())
    }
}
