import Foundation

/// `tourism.csv` with one month's figures replaced by a report's: the month's old rows go, the
/// report's rows (one per district it names) come, every other month stays byte for byte.
/// Monthly only: a report over a span is refused, never spread over its months.
public enum TourismWriter {
    public static let header = "month,district_code,domestic_visitors,international_visitors,revenue_million_vnd"
    static let fields = ["domestic_visitors", "international_visitors", "revenue_million_vnd"]

    public struct Merge: Sendable, Equatable {
        public var text: String
        /// Rows of the month: replaced (same district), added, removed (district not in the report).
        public var replaced: Int, added: Int, removed: Int
    }

    public static func merge(existing: String, plan: ImportPlan) throws(ImportError) -> Merge {
        guard plan.period.isOneMonth else {
            throw ImportError(file: plan.file, "tourism figures are monthly and this report covers \(plan.period): import one month at a time (a span is never spread over its months)")
        }
        let month = plan.period.first
        var new: [String: String] = [:]
        for u in plan.units {
            var values: [String] = []
            for f in fields {
                guard let v = u.figures[f] else {
                    throw ImportError(file: plan.file, place: u.place, "\(u.catalogueName) has no \(f): tourism.csv has no \"not reported\" value; fill it in or remove the row")
                }
                values.append(String(Int64(v)))
            }
            new[u.code] = ([month, u.code] + values).joined(separator: ",")
        }
        let r = try TableRewrite.replace(existing, header: header, file: "tourism.csv", period: month, with: new)
        return Merge(text: r.text, replaced: r.replaced, added: r.added, removed: r.removed)
    }
}
