import SnapshotKit

extension PanelID {
    public static let bts: PanelID = "bts"
}

extension Panel {
    /// Digital infrastructure: active BTS sites and their change, village coverage against
    /// target, sites by technology, villages without signal.
    public static let bts = Panel(
        id: .bts, title: { $0[.bts] }, indicators: ["villages.coverage_share"],
        compact: BTSPanel.compact, expanded: BTSPanel.expanded, tile: BTSPanel.tile,
        detail: { ctx, g in [BTSPanel.villages(ctx, g), BTSPanel.sites(ctx)] },
        tableColumns: [
            UnitColumn(id: "sites", title: { _ in "BTS" }, minWidth: 6, priority: 2,
                       value: { $0.assetsHeld ? Double($0.sites) : nil }, text: { r, f in r.assetsHeld ? (f.integer(r.sites)) : "—" }),
            UnitColumn(id: "coverage", title: { $0[.coverage] }, minWidth: 10, priority: 1, lowerIsWorse: true,
                       value: { $0.assetsHeld ? $0.villages.coverageShare : nil }, text: { r, f in r.assetsHeld ? (f.percent(r.villages.coverageShare, places: 2)) : "—" }),
        ],
        reportColumns: [
            ReportColumn(key: "bts_active", title: { $0[.sitesActive] }, text: { r, f in r.assetsHeld ? (f.integer(r.sites)) : "—" },
                         raw: { $0.assetsHeld ? (String($0.sites)) : "" }),
            ReportColumn(key: "village_coverage", title: { $0[.coverage] },
                         text: { r, f in r.assetsHeld ? (f.percent(r.villages.coverageShare, places: 2)) : "—" },
                         raw: { $0.assetsHeld ? (ReportColumn.rawShare($0.villages.coverageShare)) : "" }),
            ReportColumn(key: "villages_no_signal", title: { $0[.noSignal] }, text: { r, f in r.assetsHeld ? (f.integer(r.villages.byMobile[0])) : "—" },
                         raw: { $0.assetsHeld ? (String($0.villages.byMobile[0])) : "" }),
        ],
        judged: [JudgedColumn(indicator: "villages.coverage_share", column: "coverage")])
}

enum BTSPanel {
    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, fig = ctx.figures
        let inner = lines.inner
        // Sites are counted as of the period's end; villages and the sites' technologies are
        // known as of the export only: for an earlier period they say so.
        let notes = fig.stockIsCurrent ? ["\(s[.villages]): \(s[.currentFigures])", "\(s[.villages]): \(s[.currentShort])"] : []
        PanelParts.asOf(fig.span, dataEnd: ctx.snapshot.manifest.periodEnd, cadenceDays: 120, notes: notes, ctx.state, &lines, &c)
        guard ctx.figures.assetsHeld else { return PanelParts.muted(s[.noData], &lines, &c) }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.sitesActive], f.integer(fig.sites), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() { PanelParts.changes(fig.sites, fig.sitesPrevious, fig.sitesLastYear, span: fig.span, ctx.state, y, inner, &c) }
        PanelParts.share(s[.coverage], fig.villages.coverageShare, indicator: "villages.coverage_share", places: 2, ctx,
                         &lines, &c, gauge: lines.left >= 4)
        if let y = lines.take() {
            let techs = (0..<4).filter { fig.bts.byTech[$0] > 0 }.map { "\(BTSSite.technologies[$0]) \(f.integer(fig.bts.byTech[$0]))" }
            // Today's sites by technology, not the period's: beside a past period's count, said.
            let now = fig.stockIsCurrent ? "\(s[.currentNow]): " : ""
            c.write(now + techs.joined(separator: " · "), x: inner.x, y: y, role: fig.stockIsCurrent ? .muted : .text,
                    maxWidth: inner.width)
        }
        if let y = lines.take() {
            let none = fig.villages.byMobile[0]
            Widgets.labelValue(s[.noSignal], "\(f.integer(none)) / \(f.integer(fig.villages.villages)) \(s[.villages].lowercased())",
                               x: inner.x, y: y, width: inner.width, valueRole: none > 0 ? .warn : .good, into: &c)
        }
        let days = ctx.snapshot.activeSiteDays[fig.unit.index]
        let months = (0..<24).map { fig.span.lastMonth.adding($0 - 23) }
        PanelParts.chart(MonthChart(title: s[.sitesByMonth], values: months.map { Double(Snapshot.count(days, onOrBefore: $0.lastDay)) },
                                    lastMonth: fig.span.lastMonth, role: .chart3, axisFromWords: s[.axisFrom]), ctx.state, &lines, &c)
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let maxSites = children.map(\.sites).max() ?? 0
        // 4G, 5G and villages are today's: for an earlier period the title says so.
        let title = ctx.figures.stockIsCurrent ? "\(s[.bts]) · 4G, 5G, \(s[.villages].lowercased()): \(s[.currentShort])" : s[.bts]
        return ListTable(title: title, columns: [
            .unitName(s),
            .figure(s[.sitesActive], 8),
            .figure("4G", 6),
            .figure("5G", 4),
            .figure(s[.coverage], 10),
            .figure(s[.noSignal], 8),
            .bar],
            rows: children.map { r in
                [UnitColumn.name.text(r, f), f.integer(r.sites), f.integer(r.bts.byTech[2]), f.integer(r.bts.byTech[3]),
                 f.percent(r.villages.coverageShare, places: 2), f.integer(r.villages.byMobile[0]),
                 PanelParts.bar(r.sites, maxSites, 10, g)]
            },
            rowRoles: children.map { $0.villages.byMobile[0] > 0 ? .warn : nil })
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format, fig = ctx.figures
        return KioskTile(label: s[.coverage], big: f.percent(fig.villages.coverageShare, places: 2),
                         detail: "\(f.integer(fig.sites)) \(s[.sitesActive].lowercased())",
                         value: fig.villages.coverageShare, indicator: "villages.coverage_share",
                         change: UnitFigures.change(fig.sites, fig.sitesLastYear))
    }

    /// A commune's villages and their signal.
    static func villages(_ ctx: PanelContext, _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let list = ctx.snapshot.villages.filter { $0.commune == ctx.figures.unit.index }
        return ListTable(title: "\(s[.villageList]) (\(list.count))",
                         columns: [.init(title: s[.name], weight: 3, minWidth: 12, align: .left),
                                   .figure(s[.households], 5),
                                   .figure(s[.poorHouseholds], 8),
                                   .figure(s[.mobileSignal], 6),
                                   .figure(s[.broadband], 9)],
                         rows: list.map { v in
                             [v.name, f.integer(v.households), f.integer(v.poorHouseholds),
                              v.mobile == 0 ? "\(g.bad) \(s[.none])" : Village.mobileLevels[v.mobile],
                              v.broadband ? s[.yes] : s[.no]]
                         },
                         rowRoles: list.map { $0.mobile == 0 ? .bad : nil })
    }

    /// A commune's BTS sites.
    static func sites(_ ctx: PanelContext) -> ListTable {
        let s = ctx.strings
        let list = ctx.snapshot.btsSites.filter { $0.commune == ctx.figures.unit.index }
        return ListTable(title: "\(s[.siteList]) (\(list.count))",
                         columns: [.init(title: s[.code], weight: 2, minWidth: 12, align: .left),
                                   .init(title: s[.operatorName], weight: 2, minWidth: 9, align: .left),
                                   .init(title: s[.technology], weight: 2, minWidth: 11, align: .left),
                                   .init(title: "", weight: 1, minWidth: 7, align: .left)],
                         rows: list.map { site in
                             [site.id, site.operator,
                              (0..<4).filter { site.supports($0) }.map { BTSSite.technologies[$0] }.joined(separator: " "),
                              s[[StringKey.siteActive, .sitePlanned, .siteDown][site.status.rawValue]]]
                         },
                         rowRoles: list.map { $0.status == .down ? .bad : ($0.status == .planned ? .muted : nil) })
    }
}
