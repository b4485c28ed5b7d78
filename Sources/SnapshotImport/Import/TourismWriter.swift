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
        var lines = existing.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0].removeFirst() }
        guard lines.first == header else {
            throw ImportError(file: "tourism.csv", "its header is not \"\(header)\": it cannot be rewritten safely (nothing written)")
        }
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
        var kept: [String] = [], oldCodes: Set<String> = []
        for line in lines.dropFirst() {
            let cols = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            if cols.count >= 2, cols[0] == month { oldCodes.insert(String(cols[1])); continue }
            kept.append(line)
        }
        let rows = (kept + new.values).sorted { a, b in
            let x = a.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false), y = b.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            return (x[0], x[1]) < (y[0], y[1])
        }
        let replaced = oldCodes.intersection(new.keys).count
        return Merge(text: ([header] + rows).joined(separator: "\n") + "\n", replaced: replaced, added: new.count - replaced,
                     removed: oldCodes.subtracting(new.keys).count)
    }
}
