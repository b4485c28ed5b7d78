import SnapshotKit

extension PanelID {
    public static let dti: PanelID = "dti"
}

/// The province's latest DTI row and the year before's; nil without `dti.csv`. The DTI is
/// provincial: a commune shown reads its province's.
struct DTIFigures {
    let table: DTITable
    /// nil when the file has no row of the province.
    let row: DTIRow?
    let previous: DTIRow?

    init?(_ f: UnitFigures) {
        guard let table = f.snapshot.dti else { return nil }
        self.table = table
        row = table.latest(f.snapshot.units.province.code)
        previous = row.flatMap(table.previous)
    }
}

extension UnitFigures {
    var dtiFigures: DTIFigures? { DTIFigures(self) }
}

extension Panel {
    /// The provincial DTI (Decision 405/QĐ-BKHCN): value and rank among the provinces ("Hạng
    /// 15/34"), the change since the year before, the 8 main indices against the national mean
    /// and the best province, how many are in the national top 10; the year and the
    /// announcement date always on screen.
    public static let dti = Panel(
        id: .dti, title: { _ in "DTI" },
        isShown: { $0.dti != nil },
        compact: DTIPanel.compact, expanded: DTIPanel.expanded, tile: DTIPanel.tile,
        reportObjects: [ReportObject(key: "dti", value: DTIPanel.json)])
}

enum DTIPanel {
    static func names(_ s: Strings) -> [String] { s.language == .vi ? DTIRow.namesVi : DTIRow.namesEn }

    /// "DTI 2024 · công bố 21/10/2025".
    static func stamp(_ r: DTIRow, _ s: Strings, _ f: NumberFormat) -> String {
        "DTI \(r.year) · \(s.pick("công bố", "announced")) \(f.date(r.published))"
    }

    static func rank(_ r: DTIRow, _ t: DTITable, _ s: Strings) -> String { "\(s.pick("Hạng", "Rank")) \(r.rank)/\(t.ranked(r.year))" }

    static func value(_ x: Double?, _ f: NumberFormat) -> String { x.map { f.decimal($0, places: 4) } ?? "—" }

    /// "▲ 0,0226 so 2023 (hạng 38/63)".
    static func change(_ d: DTIFigures, _ s: Strings, _ f: NumberFormat, _ g: Glyphs) -> String? {
        guard let r = d.row, let p = d.previous else { return nil }
        let diff = r.dti - p.dti
        let shown = f.decimal(abs(diff), places: 4)
        let sign = shown == f.decimal(0, places: 4) ? g.flat : (diff > 0 ? g.up : g.down)
        return "\(sign) \(shown) \(s.pick("so", "vs")) \(p.year) (\(s.pick("hạng", "rank")) \(p.rank)/\(d.table.ranked(p.year)))"
    }

    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, inner = lines.inner, g = c.glyphs
        guard let d = ctx.figures.dtiFigures else { return PanelParts.muted(s[.noData], &lines, &c) }
        guard let r = d.row else { return PanelParts.muted(s.pick("Chưa có DTI của tỉnh", "No DTI of the province"), &lines, &c) }
        // The year and the announcement date first: they survive the smallest frame.
        if let y = lines.take() { c.write(stamp(r, s, f), x: inner.x, y: y, role: .muted, maxWidth: inner.width) }
        if let y = lines.take() {
            Widgets.labelValue(rank(r, d.table, s), value(r.dti, f) + (r.note.isEmpty ? "" : "*"), x: inner.x, y: y, width: inner.width,
                               labelRole: .accent, valueRole: .accent, into: &c)
        }
        if let text = change(d, s, f, g), let y = lines.take() {
            c.write(text, x: inner.x, y: y, role: r.dti >= (d.previous?.dti ?? 0) ? .good : .warn, maxWidth: inner.width)
        }
        if let y = lines.take() {
            Widgets.labelValue(s.pick("Chỉ số thành phần trong top 10", "Indices in the top 10"),
                               d.table.top10Count(r).map { "\($0)/8" } ?? "—",
                               x: inner.x, y: y, width: inner.width, into: &c)
        }
        // The 8 indices: value, and ▲/▼ against the national mean.
        for k in 0..<8 {
            guard let y = lines.take() else { return }
            let mean = d.table.mean(r.year, k)
            let mark = mean.map { r.indices[k] >= $0 ? " \(g.up)" : " \(g.down)" } ?? ""
            Widgets.labelValue(names(s)[k], f.decimal(r.indices[k], places: 4) + mark, x: inner.x, y: y, width: inner.width,
                               valueRole: mean.map { r.indices[k] >= $0 ? .good : .warn } ?? .text, into: &c)
        }
    }

    /// The 8 main indices and the total: the province's value and place, the national mean,
    /// the best province's value, and the value as a bar against the best.
    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let columns: [ListTable.Column] = [
            .init(title: s.pick("Chỉ số", "Index"), weight: 3, minWidth: 22, align: .left),
            .figure(s.pick("Tỉnh", "Province"), 8), .figure(s.pick("Hạng", "Rank"), 7),
            .figure(s.pick("TB cả nước", "National mean"), 10), .figure(s.pick("Cao nhất", "Best"), 8), .bar]
        guard let d = ctx.figures.dtiFigures, let r = d.row else {
            return ListTable(title: "DTI", columns: columns, rows: [])
        }
        let ranked = d.table.ranked(r.year)
        var rows: [[String]] = [["DTI", value(r.dti, f), "\(r.rank)/\(ranked)", value(d.table.meanDTI(r.year), f),
                                 value(d.table.bestDTI(r.year), f), PanelParts.bar(share: r.dti, of: d.table.bestDTI(r.year) ?? 1, 10, g)]]
        var roles: [Role?] = [.accent]
        for k in 0..<8 {
            let place = d.table.indexRank(r, k)
            let best = d.table.best(r.year, k)
            rows.append([names(s)[k], value(r.indices[k], f), place.map { "\($0)/\(ranked)" } ?? "—", value(d.table.mean(r.year, k), f),
                         value(best, f), PanelParts.bar(share: r.indices[k], of: best ?? 1, 10, g)])
            roles.append((place ?? 99) <= 10 ? .good : nil)
        }
        // A row marked in the file (an estimate, a figure not published) says so in the title.
        return ListTable(title: stamp(r, s, f) + (r.note.isEmpty ? "" : " · \(r.note)"), columns: columns, rows: rows, rowRoles: roles)
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format
        guard let d = ctx.figures.dtiFigures, let r = d.row else { return KioskTile(label: "DTI", big: "—") }
        return KioskTile(label: "DTI \(r.year) · \(s.pick("hạng", "rank"))", big: "\(r.rank)/\(d.table.ranked(r.year))",
                         detail: "\(value(r.dti, f))\(r.note.isEmpty ? "" : "*") · \(s.pick("công bố", "announced")) \(f.date(r.published))")
    }

    /// `dti` of `report --format json`: the province's latest year.
    static func json(_ r: UnitFigures) -> JSONValue? {
        guard let d = r.dtiFigures, let row = d.row else { return nil }
        var o: [String: JSONValue] = ["year": .int(row.year), "value": .number(row.dti), "rank": .int(row.rank),
                                      "ranked": .int(d.table.ranked(row.year)), "top10_indices": .int(d.table.top10Count(row)), "note": .string(row.note),
                                      "published": .string(row.published.description)]
        o["previous"] = d.previous.map { p in .object(["year": .int(p.year), "value": .number(p.dti), "rank": .int(p.rank),
                                                       "ranked": .int(d.table.ranked(p.year))]) } ?? .null
        return .object(o)
    }
}
