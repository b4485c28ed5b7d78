import SnapshotKit

extension PanelID {
    public static let tourism: PanelID = "tourism"
}

extension Panel {
    /// Tourism: visitors and their change, revenue against the growth target, international
    /// visitors, the 12-month trend. Reported per district.
    public static let tourism = Panel(
        id: .tourism, title: { $0[.tourism] }, indicators: ["tourism.growth_yoy"],
        holdsFigures: { $0.tourism != nil },
        compact: TourismPanel.compact, expanded: TourismPanel.expanded, tile: TourismPanel.tile,
        tableColumns: [
            UnitColumn(id: "visitors", title: { $0[.visitors] }, minWidth: 11, priority: 2, aboveCommuneOnly: true,
                       value: { r in r.tourism.map { Double($0.visitors) } },
                       text: { r, f in r.tourism.map { f.integer($0.visitors) } ?? "—" }),
        ],
        reportColumns: [
            ReportColumn(key: "visitors", title: { $0[.visitors] }, text: { r, f in r.tourism.map { f.integer($0.visitors) } ?? "—" },
                         raw: { r in r.tourism.map { String($0.visitors) } ?? "" }),
            ReportColumn(key: "revenue_million_vnd", title: { $0[.revenueMillion] },
                         text: { r, f in r.tourism.map { f.integer($0.revenueMillionVND) } ?? "—" },
                         raw: { r in r.tourism.map { String($0.revenueMillionVND) } ?? "" }),
        ])
}

enum TourismPanel {
    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, snap = ctx.snapshot, fig = ctx.figures
        let inner = lines.inner
        if let last = snap.tourism.lastMonth, let span = fig.tourismSpan {
            PanelParts.asOf(span, dataEnd: last.lastDay, cadenceDays: 75, ctx.state, &lines, &c)
        }
        guard let t = fig.tourism else {
            return PanelParts.muted(fig.unit.level == .commune ? s[.noTourismHere] : s[.noData], &lines, &c)
        }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.visitors], f.integer(t.visitors), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() {
            PanelParts.changes(t.visitors, fig.tourismPrevious?.visitors, fig.tourismLastYear?.visitors, span: fig.tourismSpan ?? fig.span, ctx.state, y, inner, &c)
        }
        if let y = lines.take() {
            let growth = UnitFigures.change(t.visitors, fig.tourismLastYear?.visitors)
            let status = growth.flatMap { snap.targets.status(of: "tourism.growth_yoy", value: $0) }
            var text = f.money(millionVND: t.revenueMillionVND)
            var role = Role.text
            if let (sym, r) = Widgets.mark(status, c.glyphs) { text += " \(sym)"; role = r }
            Widgets.labelValue(s[.revenue], text, x: inner.x, y: y, width: inner.width, valueRole: role, into: &c)
        }
        if let y = lines.take() {
            let share = t.visitors > 0 ? Double(t.international) / Double(t.visitors) : nil
            Widgets.labelValue(s[.international], "\(f.integer(t.international)) (\(f.percent(share)))", x: inner.x, y: y,
                               width: inner.width, into: &c)
        }
        let last = (fig.tourismSpan ?? fig.span).lastMonth
        let months = snap.tourism.series(unit: fig.unit.index, endingAt: last, count: 24)
        let first = snap.tourism.firstMonth.index
        let values: [Double?] = months.enumerated().map { k, t in last.index - 23 + k >= first ? Double(t.visitors) : nil }
        let chart = MonthChart(title: s[.visitorsByMonth], values: values, lastMonth: last, role: .chart4)
        if !PanelParts.chart(chart, ctx.state, &lines, &c) {
            PanelParts.trend(months.suffix(12).map(\.visitors), role: .chart4, ctx.state, &lines, &c)
        }
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let maxVisitors = children.map { $0.tourism?.visitors ?? 0 }.max() ?? 0
        return ListTable(title: s[.tourism], columns: [
            .unitName(s),
            .figure(s[.visitors], 10),
            .figure(s[.international], 9),
            .figure(s[.revenue], 12),
            .figure(s[.vsLastYear], 11),
            .bar],
            rows: children.map { r in
                let name = UnitColumn.name.text(r, f)
                guard let t = r.tourism else { return [name, "—", "—", "—", "—", ""] }
                return [name, f.integer(t.visitors), f.integer(t.international), f.moneyShort(millionVND: t.revenueMillionVND),
                        f.change(UnitFigures.change(t.visitors, r.tourismLastYear?.visitors), glyphs: g),
                        PanelParts.bar(t.visitors, maxVisitors, 10, g)]
            })
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format
        guard let t = ctx.figures.tourism else { return KioskTile(label: s[.noTourismHere], big: "—") }
        let change = UnitFigures.change(t.visitors, ctx.figures.tourismLastYear?.visitors)
        return KioskTile(label: s[.visitors], big: f.integer(t.visitors), detail: f.money(millionVND: t.revenueMillionVND),
                         value: change, indicator: change == nil ? "" : "tourism.growth_yoy", change: change)
    }
}
