import Foundation
import SnapshotKit

/// The figures the dashboard shows, as a plain report for meeting minutes: the province (or
/// one district) and each of its units, one row each.
public struct Report: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, csv, json }

    public struct Column: Sendable {
        public let key: String
        public let title: String
        public let numeric: Bool
    }

    public let title: String
    public let columns: [Column]
    /// Formatted for people (text, markdown) …
    public let rows: [[String]]
    /// … and raw for machines (csv, json): plain numbers, shares as fractions.
    public let rawRows: [[String]]
    public let notes: [String]
    /// Whether the data holds any of the period's dossiers: a report of a period without data
    /// says so (and `report` exits non-zero) rather than print zeros.
    public let hasData: Bool

    public init(snapshot s: Snapshot, period: Period, unit index: Int = 0, language: Language,
                panels: PanelRegistry = .standard) {
        let f = NumberFormat(language)
        let t = Strings(language)
        let unit = s.units.units[index]
        title = "\(s.units.province.name) — \(unit.level == .province ? "" : unit.name + " — ")\(t[.period]) \(f.period(period))"
        let panelColumns = panels.shown(for: s).flatMap(\.reportColumns)
        columns = [Column(key: "code", title: t[.code], numeric: false), Column(key: "unit", title: t[.unit], numeric: false)]
            + panelColumns.map { Column(key: $0.key, title: $0.title(t), numeric: true) }
        var rows: [[String]] = []
        var raw: [[String]] = []
        for i in [index] + unit.children {
            let fig = UnitFigures(snapshot: s, unit: i, period: period)
            rows.append([fig.unit.code, fig.unit.name] + panelColumns.map { $0.text(fig, f) })
            raw.append([fig.unit.code, fig.unit.name] + panelColumns.map { $0.raw(fig) })
        }
        hasData = UnitFigures(snapshot: s, unit: index, period: period).dossiersHeld
        self.rows = rows
        rawRows = raw
        let time = f.dateTime(secondsSince1970: Int(s.manifest.generatedAt.timeIntervalSince1970), utcOffset: s.manifest.utcOffsetSeconds)
        notes = ["\(t[.dataTime]): \(time); \(t[.asOf]) \(f.date(s.manifest.periodEnd))",
                 "\(t[.vsPrevious]) \(f.period(period.previous)), \(t[.vsLastYear]) \(f.period(period.sameLastYear))"]
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        case .csv: return csv()
        case .json: return json()
        }
    }

    func text() -> String {
        let widths = columns.indices.map { c in max(DisplayWidth.of(columns[c].title), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        func pad(_ s: String, _ w: Int, _ right: Bool) -> String {
            let gap = String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
            return right ? gap + s : s + gap
        }
        var out = title + "\n" + notes.joined(separator: "\n") + "\n\n"
        out += columns.indices.map { pad(columns[$0].title, widths[$0], columns[$0].numeric) }.joined(separator: "  ") + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += r.indices.map { pad(r[$0], widths[$0], columns[$0].numeric) }.joined(separator: "  ") + "\n" }
        return out
    }

    func markdown() -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "## \(esc(title))\n\n" + notes.map { "- \(esc($0))" }.joined(separator: "\n") + "\n\n"
        out += "| " + columns.map { esc($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map(esc).joined(separator: " | ") + " |\n" }
        return out
    }

    func csv() -> String {
        func q(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        var out = columns.map(\.key).joined(separator: ",") + "\n"
        for r in rawRows { out += r.map(q).joined(separator: ",") + "\n" }
        return out
    }

    func json() -> String {
        var units: [[String: Any]] = []
        for r in rawRows {
            var o: [String: Any] = [:]
            for (k, c) in columns.enumerated() {
                if c.numeric { o[c.key] = r[k].isEmpty ? NSNull() : (Double(r[k]).map { $0 == $0.rounded() && !r[k].contains(".") ? Int($0) as Any : $0 as Any } ?? NSNull()) }
                else { o[c.key] = r[k] }
            }
            units.append(o)
        }
        let root: [String: Any] = ["title": title, "notes": notes, "units": units]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
