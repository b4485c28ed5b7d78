import Foundation
import SnapshotKit

/// The figures the dashboard shows, as a plain report for meeting minutes: the province (or
/// one district) and each of its units, one row each.
public struct Report: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, csv, json }
    /// What the report lays out: the dashboard's figures, or an official form.
    public enum Form: String, CaseIterable, Sendable {
        case dashboard
        /// Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): procedures received and resolved.
        case form06 = "06"
    }

    public struct Column: Sendable {
        public let key: String
        public let title: String
        public let numeric: Bool
    }

    /// The columns of one panel (indexes into `columns`, after the code and unit): Markdown
    /// gives each its own table.
    public struct Group: Sendable {
        public let title: String
        public let columns: [Int]
    }

    public let title: String
    public let columns: [Column]
    public let groups: [Group]
    /// Formatted for people (text, markdown) …
    public let rows: [[String]]
    /// … and raw for machines (csv, json): plain numbers, shares as fractions.
    public let rawRows: [[String]]
    public let notes: [String]
    /// What the figures mean (`Definitions`): the footnotes of every format.
    public let footnotes: [String]
    /// The panels' objects of the place reported (`ReportObject`), by key; nil: null.
    public let objects: [(key: String, value: JSONValue?)]
    /// Whether the data holds any of the period's dossiers: a report of a period without data
    /// says so (and `report` exits non-zero) rather than print zeros.
    public let hasData: Bool
    /// The period as the data holds it, and the export's times, as fields for machines.
    public let span: Span
    public let generatedAt: Date
    public let periodEnd: Day
    /// Days since the export when older than the stale threshold (at `now`), else nil.
    public let staleDays: Int?
    let labels: (span: String, previous: String, lastYear: String)
    let language: Language

    /// `now` and `staleAfter` decide whether the report is flagged as made from stale data.
    /// `tree`: every unit below `index` (indented in text), not only its children.
    public init(snapshot s: Snapshot, period: Period, unit index: Int = 0, language: Language,
                panels: PanelRegistry = .standard, form: Form = .dashboard, now: Date? = nil,
                staleAfter: TimeInterval = Staleness.defaultAfter, tree: Bool = false) {
        let f = NumberFormat(language)
        let t = Strings(language)
        let unit = s.units.units[index]
        self.language = language
        span = Span(period, dataEnd: s.manifest.periodEnd)
        labels = (f.span(span), f.span(span.previous), f.span(span.sameLastYear))
        let heading = form == .form06 ? t[.form06Title] + " — " : ""
        title = "\(heading)\(s.units.province.name) — \(unit.level == .province ? "" : UnitNames.name(unit, language) + " — ")\(labels.span)"
        let shown = panels.shown(for: s)
        let panelColumns = form == .form06 ? DossiersPanel.form06Columns : shown.flatMap(\.reportColumns)
        columns = [Column(key: "code", title: t[.code], numeric: false), Column(key: "unit", title: t[.unit], numeric: false)]
            + panelColumns.map { Column(key: $0.key, title: $0.title(t), numeric: true) }
        if form == .form06 {
            // "Biểu số 06/VPCP/KSTT": the form's number, its full name is in the title.
            let number = t[.form06Title].split(separator: ":").first.map(String.init) ?? t[.form06Title]
            groups = [Group(title: number, columns: Array(2..<columns.count))]
        } else {
            var next = 2
            groups = shown.filter { !$0.reportColumns.isEmpty }.map { p in
                defer { next += p.reportColumns.count }
                return Group(title: p.title(t), columns: Array(next..<next + p.reportColumns.count))
            }
        }
        var rows: [[String]] = []
        var raw: [[String]] = []
        let listed = tree ? Self.subtree(s.units, index) : [(index, 0)] + unit.children.map { ($0, 1) }
        let figures = listed.map { UnitFigures(snapshot: s, unit: $0.0, period: period) }
        for (fig, (_, depth)) in zip(figures, listed) {
            let indent = tree ? String(repeating: "  ", count: depth) : ""
            let name = UnitNames.name(fig.unit, language)
            rows.append([fig.unit.code, indent + name] + panelColumns.map { $0.text(fig, f) })
            raw.append([fig.unit.code, name] + panelColumns.map { $0.raw(fig) })
        }
        // A period has data when any panel of the report holds figures for it (tourism of 2022
        // without dossiers is data); form 06 is of dossiers alone.
        let total = figures[0]
        hasData = form == .form06 ? total.dossiersHeld : shown.contains { $0.holdsFigures(total) }
        var remainderNote: String?
        if !tree, total.dossiersHeld, figures.count > 1 {
            // What the unit received that none of its rows did, so that rows + remainder = unit.
            let label = TableModel.remainder(s.units, of: unit, flat: false)
            let name = t[label.name]
            remainderNote = "\(name): \(t[label.note])"
            let remainder = { (c: ReportColumn) -> Int? in
                let values = figures.map { Int(c.raw($0)) }
                guard c.additive, let whole = values[0], !values.contains(nil) else { return nil }
                return whole - values.dropFirst().reduce(0) { $0 + $1! }
            }
            // Its shares from its own form 06 counts (online over received, before and on due
            // over resolved), by the same definitions as every row's.
            let f06 = Dictionary(uniqueKeysWithValues: DossiersPanel.form06Columns.map { ($0.key, remainder($0)) })
            func share(_ part: [String], _ whole: [String]) -> Double? {
                let p = part.map { f06[$0] ?? nil }, w = whole.map { f06[$0] ?? nil }
                guard !p.contains(nil), !w.contains(nil) else { return nil }
                let d = w.reduce(0) { $0 + $1! }
                return d > 0 ? Double(p.reduce(0) { $0 + $1! }) / Double(d) : nil
            }
            let shares: [String: Double?] = form == .form06 ? [:] : [
                "online_share": share(["received_online"], ["received_online", "received_direct_postal"]),
                "on_time_share": share(["resolved_before_due", "resolved_on_due"], ["resolved_total"]),
            ]
            let parts = panelColumns.map { c -> (String, String) in
                if let n = remainder(c) { return (f.integer(n), String(n)) }
                if let x = shares[c.key] ?? nil { return (f.percent(x), ReportColumn.rawShare(x)) }
                return ("", "")
            }
            rows.append(["", name] + parts.map(\.0))
            raw.append(["", name] + parts.map(\.1))
        }
        self.rows = rows
        rawRows = raw
        generatedAt = s.manifest.generatedAt
        periodEnd = s.manifest.periodEnd
        staleDays = Staleness.days(now: now, generated: s.manifest.generatedAt, after: staleAfter)
        var notes = ["\(f.dataTimeOfficial(secondsSince1970: Int(s.manifest.generatedAt.timeIntervalSince1970), utcOffset: s.manifest.utcOffsetSeconds)); \(t[.asOf]) \(f.date(s.manifest.periodEnd))",
                     form == .form06 ? t[.f06Note] : "\(t[.vsPrevious]) \(labels.previous), \(t[.vsLastYear]) \(labels.lastYear)"]
        if let d = staleDays { notes.insert("\(t[.stale]): \(f.integer(d)) \(t[.days])", at: 0) }
        if !hasData { notes.insert(t[.noDataForPeriod], at: 0) }
        if form == .form06 {
            if hasData, !s.dossiers.measures.contains(.form06) { notes.insert("\(t[.form06Breakdown]): \(t[.noData])", at: 0) }
        } else if span.endDay < s.manifest.periodEnd, !span.isEmpty, shown.contains(where: { $0.id == .bts || $0.id == .ocop }) {
            notes.append("\(t[.villages]), OCOP: \(t[.currentFigures]) (\(t[.asOf]) \(f.date(s.manifest.periodEnd)))")
        }
        if let note = UnitFigures.rebasedNote(s, span, t, f) { notes.append(note) }
        if let remainderNote { notes.append(remainderNote) }
        self.notes = notes
        footnotes = Definitions.entries(language).map { "\($0.term): \($0.text)" }
        // Every panel's, shown or not: a panel without its file gives null, not no key.
        objects = form == .form06 ? [] : panels.all.flatMap(\.reportObjects).map { ($0.key, $0.value(total)) }
    }

    /// The units of a report that lists every unit below `index`, depth first, with their depth
    /// below it.
    static func subtree(_ units: UnitTree, _ index: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        func visit(_ i: Int, _ depth: Int) {
            out.append((i, depth))
            for c in units.units[i].children { visit(c, depth + 1) }
        }
        visit(index, 0)
        return out
    }

    /// Several reports as one (the old provinces of `--structure historical`): `title`, the
    /// notes of the first part with data, then every part's rows in turn.
    init(combining parts: [Report], title: String) {
        let first = parts.first { $0.hasData } ?? parts[0]
        self.title = title
        columns = first.columns
        groups = first.groups
        rows = parts.flatMap(\.rows)
        rawRows = parts.flatMap(\.rawRows)
        notes = first.notes
        footnotes = first.footnotes
        objects = first.objects
        hasData = parts.contains { $0.hasData }
        span = first.span
        generatedAt = first.generatedAt
        periodEnd = first.periodEnd
        staleDays = first.staleDays
        labels = first.labels
        language = first.language
    }

    /// `width`: the text format's line width (columns that do not fit go to a table below).
    public func rendered(as format: Format, width: Int = 100) -> String {
        switch format {
        case .text: return text(width: width)
        case .markdown: return markdown(width: width)
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// Fixed-width tables for the minutes: the code and unit, then as many figures as fit in
    /// `width`; the rest in further tables below, each again with the code and unit.
    func text(width: Int) -> String {
        let widths = columns.indices.map { c in max(DisplayWidth.of(columns[c].title), rows.map { DisplayWidth.of($0[c]) }.max() ?? 0) }
        func pad(_ s: String, _ w: Int, _ right: Bool) -> String {
            let gap = String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
            return right ? gap + s : s + gap
        }
        let keys = [0, 1].filter { $0 < columns.count }
        var groups: [[Int]] = []
        var current = keys
        var used = keys.reduce(0) { $0 + widths[$1] + 2 }
        for c in keys.count..<columns.count {
            if used + widths[c] > width, current.count > keys.count {
                groups.append(current)
                current = keys
                used = keys.reduce(0) { $0 + widths[$1] + 2 }
            }
            current.append(c)
            used += widths[c] + 2
        }
        groups.append(current)
        var out = title + "\n" + notes.joined(separator: "\n") + "\n"
        for group in groups {
            out += "\n" + group.map { pad(columns[$0].title, widths[$0], columns[$0].numeric) }.joined(separator: "  ") + "\n"
            out += group.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
            for r in rows { out += group.map { pad(r[$0], widths[$0], columns[$0].numeric) }.joined(separator: "  ") + "\n" }
        }
        out += "\n" + Strings(language)[.definitions] + "\n"
        for note in footnotes {
            for (k, line) in Definitions.wrap(note, width: max(20, width - 2)).enumerated() { out += (k == 0 ? "- " : "  ") + line + "\n" }
        }
        return out
    }


    /// One row per unit, then the same fields on every row of what the table is of: the period
    /// (code, name, first month, last day held), the export's time and the title, so that a row
    /// taken out of the file (or files put together) still says what it is.
    func csv() -> String {
        func q(_ s: String) -> String { s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        let context = [("period", span.period.description), ("period_name", labels.span),
                       ("period_first_month", Month(index: span.first).description), ("period_end", span.endDay.description),
                       ("generated_at", ISO8601DateFormatter().string(from: generatedAt)), ("title", title)]
        // A byte-order mark, so that Excel opens the file as UTF-8 and Vietnamese stays intact.
        var out = "\u{FEFF}" + (columns.map(\.key) + context.map(\.0)).joined(separator: ",") + "\n"
        for r in rawRows { out += (r + context.map(\.1)).map(q).joined(separator: ",") + "\n" }
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
        var period: [String: Any] = ["name": labels.span, "kind": span.period.kind.rawValue, "code": span.period.description,
                                     "first_month": Month(index: span.first).description,
                                     "last_month": span.lastMonth.description, "end": span.endDay.description,
                                     "partial": span.isPartial,
                                     "compared_with": ["previous": labels.previous, "same_period_last_year": labels.lastYear]]
        if span.isEmpty { period["last_month"] = NSNull() }
        let definitions = Definitions.entries(language).map { ["term": $0.term, "text": $0.text] }
        var root: [String: Any] = ["title": title, "notes": notes, "definitions": definitions, "units": units, "period": period, "has_data": hasData,
                                   "data_time": ISO8601DateFormatter().string(from: generatedAt),
                                   "generated_at": ISO8601DateFormatter().string(from: generatedAt),
                                   "data_to": periodEnd.description, "stale_days": staleDays.map { $0 as Any } ?? NSNull(),
                                   "language": language.rawValue]
        for (key, value) in objects where root[key] == nil { root[key] = (value ?? .null).foundation }
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
