import Foundation
import SnapshotKit

/// `report --structure historical`: the dossier figures of a period before the catalogue's
/// change by the old provinces, districts and communes, exactly as reported then (not
/// re-based), so that a secretary can hold the re-basing against an old report.
public struct HistoricalReport {
    public let text: String
    /// Whether the old catalogue holds any figure of the period.
    public let hasData: Bool

    public init(snapshot s: Snapshot, period: Period, language: Language) {
        let t = Strings(language), f = NumberFormat(language)
        var out: [String] = []
        var any = false
        let span = Span(period, dataEnd: s.units.change.map { Day(number: $0.date.number - 1) } ?? s.manifest.periodEnd)
        let titles = [t[.code], t[.unit], t[.received], t[.online], t[.onTime], t[.overdue]]
        for h in s.history {
            var rows: [[String]] = []
            func row(_ i: Int, indent: String) {
                let u = h.units.units[i]
                let d = h.dossiers.total(unit: i, span: span)
                rows.append([u.code, indent + u.name, f.integer(d.received), f.percent(d.onlineShare), f.percent(d.onTimeShare),
                             f.integer(d.pendingOverdue)])
            }
            row(0, indent: "")
            for d in h.units.districtIndexes {
                row(d, indent: "  ")
                for c in h.units.units[d].children { row(c, indent: "    ") }
            }
            any = any || h.dossiers.total(unit: 0, span: span).received > 0
            out.append("\(h.units.province.name) — \(f.span(span))\n" + Self.table(titles, rows))
        }
        let change = s.units.change.map { "\(t[.historicalTitle]) \(f.date($0.date))" } ?? ""
        text = ([change] + out).joined(separator: "\n\n")
        hasData = any
    }

    static func table(_ titles: [String], _ rows: [[String]]) -> String {
        let widths = titles.indices.map { c in max(DisplayWidth.of(titles[c]), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let gap = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(s)))
                return c < 2 ? s + gap : gap + s
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(titles), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}
