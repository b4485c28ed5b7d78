import SnapshotKit

extension PanelID {
    public static let ocop: PanelID = "ocop"
}

extension Panel {
    /// OCOP e-commerce: products by stars, the share listed online against target, and the
    /// platforms they are listed on. Kept per district: a commune shows its district's.
    public static let ocop = Panel(
        id: .ocop, title: { $0[.ocop] }, indicators: ["ocop.listed_share"],
        compact: OCOPPanel.compact, expanded: OCOPPanel.expanded, tile: OCOPPanel.tile,
        detail: { ctx, g in [OCOPPanel.products(ctx, g)] },
        tableColumns: [
            UnitColumn(id: "ocop", title: { _ in "OCOP" }, minWidth: 6, priority: 3, aboveCommuneOnly: true,
                       value: { $0.assetsHeld ? Double($0.ocop.products) : nil }, text: { r, f in r.assetsHeld ? (f.integer(r.ocop.products)) : "—" }),
        ],
        reportColumns: [
            ReportColumn(key: "ocop_products", title: { _ in "OCOP" },
                         text: { r, f in r.assetsHeld ? (r.unit.level == .commune ? "—" : f.integer(r.ocop.products)) : "—" },
                         raw: { $0.assetsHeld ? ($0.unit.level == .commune ? "" : String($0.ocop.products)) : "" }),
            ReportColumn(key: "ocop_listed_share", title: { $0[.listedOnline] },
                         text: { r, f in r.assetsHeld ? (r.unit.level == .commune ? "—" : f.percent(r.ocop.listedShare)) : "—" },
                         raw: { $0.assetsHeld ? ($0.unit.level == .commune ? "" : ReportColumn.rawShare($0.ocop.listedShare)) : "" }),
        ])
}

enum OCOPPanel {
    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, o = ctx.figures.ocop
        let inner = lines.inner
        // Products are known as of the export only; a commune shows its district's, and says so.
        PanelParts.asOf(ctx.figures.span, dataEnd: ctx.snapshot.manifest.periodEnd, stock: true, cadenceDays: 120,
                        notes: ctx.figures.stockIsCurrent ? [s[.currentFigures]] : [], ctx.state, &lines, &c)
        guard ctx.figures.assetsHeld else { return PanelParts.muted(s[.noData], &lines, &c) }
        if ctx.figures.unit.level == .commune {
            let district = ctx.figures.unit.parent.map { UnitNames.shortName(ctx.snapshot.units.units[$0], ctx.state.language) } ?? ""
            PanelParts.muted("\(s[.ocopDistrictLevel]): \(district)", &lines, &c)
        }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.products], f.integer(o.products), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() {
            let star = String(c.glyphs.star)
            let text = (0..<3).map { "\($0 + 3)\(star) \(f.integer(o.byStars[$0]))" }.joined(separator: " · ")
            c.write(text, x: inner.x, y: y, role: .text, maxWidth: inner.width)
        }
        PanelParts.share(s[.listedOnline], o.listedShare, indicator: "ocop.listed_share", ctx, &lines, &c, gauge: lines.left >= 3)
        if let y = lines.take() {
            let top = o.byPlatform.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.prefix(4)
            c.write(top.map { "\($0.key) \(f.integer($0.value))" }.joined(separator: " · "), x: inner.x, y: y, role: .text,
                    maxWidth: inner.width)
        }
        let fig = ctx.figures
        let listed = ctx.snapshot.ocopListedDays[fig.unit.level == .commune ? (fig.unit.parent ?? 0) : fig.unit.index]
        let months = (0..<24).map { fig.span.lastMonth.adding($0 - 23) }
        PanelParts.chart(MonthChart(title: s[.listedByMonth], values: months.map { Double(Snapshot.count(listed, onOrBefore: $0.lastDay)) },
                                    lastMonth: fig.span.lastMonth, role: .chart2, axisFromWords: s[.axisFrom]), ctx.state, &lines, &c)
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let star = String(g.star)
        let maxProducts = children.map(\.ocop.products).max() ?? 0
        return ListTable(title: s[.ocop], columns: [
            .unitName(s),
            .figure(s[.products], 9),
            .figure("3\(star)", 4),
            .figure("4\(star)", 4),
            .figure("5\(star)", 4),
            .figure(s[.listedOnline], 8),
            .bar],
            rows: children.map { r in
                [UnitColumn.name.text(r, f), f.integer(r.ocop.products), f.integer(r.ocop.byStars[0]), f.integer(r.ocop.byStars[1]),
                 f.integer(r.ocop.byStars[2]), f.percent(r.ocop.listedShare), PanelParts.bar(r.ocop.products, maxProducts, 10, g)]
            })
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format, o = ctx.figures.ocop
        return KioskTile(label: s[.listedOnline], big: f.percent(o.listedShare, places: 0),
                         detail: "\(f.integer(o.products)) \(s[.products].lowercased())",
                         value: o.listedShare, indicator: "ocop.listed_share")
    }

    /// The OCOP products of a commune's district.
    static func products(_ ctx: PanelContext, _ g: Glyphs) -> ListTable {
        let s = ctx.strings
        let district = ctx.figures.unit.parent ?? 0
        let list = ctx.snapshot.ocopProducts.filter { $0.district == district }.sorted { $0.stars > $1.stars }
        let star = String(g.star)
        return ListTable(title: "\(s[.productList]) (\(list.count))",
                         columns: [.init(title: s[.name], weight: 4, minWidth: 14, align: .left),
                                   .init(title: s[.stars], weight: 1, minWidth: 5, align: .left),
                                   .init(title: s[.platforms], weight: 3, minWidth: 10, align: .left)],
                         rows: list.map { p in
                             [p.name, String(repeating: star, count: p.stars),
                              p.platforms.isEmpty ? s[.none] : p.platforms.joined(separator: ", ")]
                         })
    }
}
