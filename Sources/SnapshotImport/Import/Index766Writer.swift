import Foundation

/// `index_766.csv` with one period's published scores replaced by a sheet's (the file is made
/// when the snapshot has none). The period is a month, a quarter or a year, as the portal
/// publishes; `ranked`, when the sheet gives ranks without it ("5" rather than "5/124"), is the
/// number of units the sheet ranks, and the dry run says so.
public enum Index766Writer {
    public static let header = "period,unit_code,transparency,progress,online_service,online_payment,digitisation,satisfaction,total,rank,ranked"
    static let scores = ["transparency", "progress", "online_service", "online_payment", "digitisation", "satisfaction", "total"]

    public struct Merge: Sendable, Equatable {
        public var text: String
        public var period: String
        public var replaced: Int, added: Int, removed: Int
        /// Set when `ranked` was taken as the number of rows ranked.
        public var rankedFromRows: Int?
    }

    /// The portal's name of a period: `2026-11`, `2026-Q4`, `2026`; nil for another span.
    static func portalPeriod(_ p: ReportPeriod) -> String? {
        if p.isOneMonth { return p.first }
        let (y1, m1) = (p.first.prefix(4), Int(p.first.suffix(2)) ?? 0), (y2, m2) = (p.last.prefix(4), Int(p.last.suffix(2)) ?? 0)
        guard y1 == y2 else { return nil }
        if m1 == 1, m2 == 12 { return String(y1) }
        if m2 == m1 + 2, m1 % 3 == 1 { return "\(y1)-Q\((m1 + 2) / 3)" }
        return nil
    }

    static func text(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        return r == r.rounded() ? String(Int64(r)) : String(format: "%.2f", r).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    public static func merge(existing: String?, plan: ImportPlan, provinceCode: String) throws(ImportError) -> Merge {
        guard let period = portalPeriod(plan.period) else {
            throw ImportError(file: plan.file, "the 766 index is published by month, quarter or year, and \(plan.period) is none of them")
        }
        let rankedRows = plan.units.filter { $0.code != provinceCode && $0.figures["rank"] != nil }.count
        var rankedFromRows: Int?
        var new: [String: String] = [:]
        for u in plan.units {
            var values: [String] = []
            for f in scores {
                guard let v = u.figures[f] else {
                    throw ImportError(file: plan.file, place: u.place, "\(u.catalogueName) has no \(f): a published 766 row has every score")
                }
                values.append(text(v))
            }
            guard let rank = u.figures["rank"] else {
                throw ImportError(file: plan.file, place: u.place, "\(u.catalogueName) has no rank")
            }
            var ranked = u.figures["ranked"].map { Int($0) }
            if ranked == nil {
                // The rank column held a plain number: ranked among the rows of the sheet (units only).
                guard u.code != provinceCode else {
                    throw ImportError(file: plan.file, place: u.place, "the province's rank needs the number ranked: write it as 5/34")
                }
                ranked = rankedRows
                rankedFromRows = rankedRows
            }
            new[u.code] = ([period, u.code] + values + [String(Int(rank)), String(ranked!)]).joined(separator: ",")
        }
        let r = try TableRewrite.replace(existing, header: header, file: "index_766.csv", period: period, with: new)
        return Merge(text: r.text, period: period, replaced: r.replaced, added: r.added, removed: r.removed, rankedFromRows: rankedFromRows)
    }
}
