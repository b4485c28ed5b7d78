/// The service index of Decision 766/QĐ-TTg as the national public-service portal publishes it
/// for one unit and period: the six group scores, the total, the rank and how many were ranked.
public struct Official766: Equatable, Sendable {
    /// Group maxima: transparency 18, progress 20, online service 12, online payment 10,
    /// digitisation 22, satisfaction 18 (100 in all).
    public static let maxima: [Double] = [18, 20, 12, 10, 22, 18]
    public static let groupColumns = ["transparency", "progress", "online_service", "online_payment", "digitisation",
                                      "satisfaction"]
    /// In the order of `groupColumns`.
    public var groups: [Double]
    public var total: Double
    public var rank: Int
    public var ranked: Int
    public init(groups: [Double], total: Double, rank: Int, ranked: Int) {
        self.groups = groups; self.total = total; self.rank = rank; self.ranked = ranked
    }
}

/// `index_766.csv` (optional): `period` (`2025-08`, `2025-Q3`, `2025`), `unit_code` (the
/// province's or a unit's code in units.json), the six group scores, `total`, `rank`, `ranked`.
enum Index766Parser {
    static func parse(_ table: inout some SnapshotTable, _ ctx: RowContext,
                      _ issues: inout IssueCollector) -> [Int: [Period: Official766]] {
        let col = ColumnIndex(Index766Dataset.columns)
        var out: [Int: [Period: Official766]] = [:]
        var lines: [String: Int] = [:]
        var warnings: [SnapshotIssue] = []
        table.forEachRow(collecting: &issues) { (row: inout TableRow) throws(SnapshotIssue) in
            let text = try row.string(col["period"])
            guard let period = Period(parsing: text) else { throw row.fail(col["period"], "period \"\(row.raw(col["period"]))\" is not YYYY-MM, YYYY-Qn or YYYY") }
            guard ctx.window.contains(Month(index: period.months.lowerBound)) else {
                throw row.outside(col["period"], "period", text, ctx.window)
            }
            let code = try row.string(col["unit_code"])
            guard let unit = code == ctx.units.province.code ? 0 : ctx.units.unit(code: code)?.index else {
                throw row.fail(col["unit_code"], "unknown unit_code \"\(row.raw(col["unit_code"]))\" (not in units.json)")
            }
            var groups: [Double] = []
            for (k, name) in Official766.groupColumns.enumerated() {
                guard let v = row.reader.decimal(row.span(col[name])), v >= 0, v <= Official766.maxima[k] else {
                    throw row.fail(col[name], "\(name) \"\(row.raw(col[name]))\" is not a score from 0 to \(Int(Official766.maxima[k]))")
                }
                groups.append(v)
            }
            guard let total = row.reader.decimal(row.span(col["total"])), total >= 0, total <= 100 else {
                throw row.fail(col["total"], "total \"\(row.raw(col["total"]))\" is not a score from 0 to 100")
            }
            let sum = groups.reduce(0, +)
            if abs(sum - total) > 0.15 {   // a warning: published summaries are sometimes rounded or partial
                warnings.append(SnapshotIssue(file: row.file, line: row.line, column: col["total"] + 1,
                                              message: "total \(row.raw(col["total"])) is not the sum of the six groups (\((sum * 100).rounded() / 100))",
                                              severity: .warning))
            }
            let rank = try row.count(col["rank"], "rank"), ranked = try row.count(col["ranked"], "ranked")
            if ranked < 1 || rank < 1 || rank > ranked { throw row.fail(col["rank"], "rank \(rank) is not between 1 and ranked (\(ranked))") }
            let key = "\(period)/\(unit)"
            if let first = lines[key] { throw row.fail("duplicate row for \(period) / \(code) (first on line \(first))") }
            lines[key] = row.line
            out[unit, default: [:]][period] = Official766(groups: groups, total: total, rank: rank, ranked: ranked)
        }
        for w in warnings { issues.add(w) }
        return out
    }
}
