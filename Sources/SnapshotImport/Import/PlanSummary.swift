import Foundation

extension ImportPlan {
    /// What `--dry-run` prints: the layout and where it fits, the period and its source, units
    /// matched (count, and every one written otherwise than the catalogue), rows skipped, units
    /// missing, the totals, warnings.
    public func summary() -> [String] {
        var out: [String] = []
        let m = match
        out.append("\(file): sheet \(m.sheetName): layout \(m.layout.id) (\(m.layout.name)) from \(m.layout.source)")
        out.append("  header rows \(m.headerRows.lowerBound)–\(m.headerRows.upperBound), unit names in column \(CellRef.columnName(m.unitColumn))"
                   + (m.codeColumn.map { ", codes in column \(CellRef.columnName($0))" } ?? "")
                   + (m.numbersRow.map { ", column numbers in row \($0)" } ?? "") + ", figures from row \(m.firstDataRow)")
        for (field, column, header) in m.columns {
            out.append("  \(CellRef.columnName(column).padding(toLength: 3, withPad: " ", startingAt: 0)) \(field.padding(toLength: 22, withPad: " ", startingAt: 0)) ← \(header)")
        }
        let unmapped = m.layout.fields.map(\.field).filter { m.column(of: $0) == nil }
        if !unmapped.isEmpty { out.append("  not in this sheet (stays absent, \"—\"): \(unmapped.joined(separator: ", "))") }
        out.append("  period \(period) from the \(periodSource)")
        let fuzzy = units.filter { !$0.exact }
        out.append("  \(units.count) units matched, \(fuzzy.count) written otherwise than the catalogue")
        for u in fuzzy { out.append("    \(u.place) \"\(u.written)\" → \(u.catalogueName) (\(u.code))") }
        for s in skipped { out.append("  row \(s.row) skipped: \(s.reason): \(s.text)") }
        if !missing.isEmpty {
            out.append("  \(missing.count) units of the snapshot have no row (left absent, not 0): "
                       + missing.prefix(10).map(\.name).joined(separator: ", ") + (missing.count > 10 ? ", …" : ""))
        }
        if let total {
            let figures = m.columns.compactMap { c in total.figures[c.field].map { "\(c.field) \(Self.number($0))" } }
            out.append("  total row \(total.row): " + figures.joined(separator: ", "))
        }
        for w in warnings { out.append("warning: \(w)") }
        return out
    }

    /// 1.234 (Vietnamese grouping), a fraction with a decimal comma.
    static func number(_ d: Double) -> String {
        if d != d.rounded() { return String(format: "%.2f", d).replacingOccurrences(of: ".", with: ",") }
        var s = String(Int64(d)), out = ""
        while s.count > 3 { out = "." + s.suffix(3) + out; s.removeLast(3) }
        return s + out
    }
}
