import SnapshotKit

/// A commune's detail: dossiers by field and level, its villages and their coverage, its
/// BTS sites, and the OCOP products of its district.
enum DetailView {
    static func draw(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ rect: Rect, into c: inout Canvas) {
        let lists = [fields(state, snap, fig, c.glyphs), villages(state, snap, fig, c.glyphs),
                     sites(state, snap, fig), products(state, snap, fig, c.glyphs)]
        if rect.height >= 20 {
            let halves = rect.columns([1, 1])
            let left = halves[0].rows([1, 1]), right = halves[1].rows([1, 1])
            lists[0].draw(in: left[0], into: &c)
            lists[1].draw(in: left[1], into: &c)
            lists[2].draw(in: right[0], into: &c)
            lists[3].draw(in: right[1], into: &c)
            return
        }
        // Little room: the lists of the focused panel only (Tab or 1–4 switch).
        let focused: PanelKind
        if case .panel(let p) = state.focus { focused = p } else { focused = .dossiers }
        switch focused {
        case .dossiers, .tourism: lists[0].draw(in: rect, into: &c)
        case .bts:
            let halves = rect.columns([1, 1])
            lists[1].draw(in: halves[0], into: &c)
            lists[2].draw(in: halves[1], into: &c)
        case .ocop: lists[3].draw(in: rect, into: &c)
        }
    }

    static func fields(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ g: Glyphs) -> ListTable {
        let s = state.strings, f = state.format
        let here = fig.unit.index
        let period = fig.period
        let fields = snap.dossiers.byField(unit: here, period: period)
        let levels = snap.dossiers.byLevel(unit: here, period: period)
        var rows = fields.sorted { $0.tally.received > $1.tally.received }.map { item in
            [item.field, f.integer(item.tally.received), f.percent(item.tally.onlineShare), f.percent(item.tally.onTimeShare)]
        }
        for (lv, key) in [(DossierLevel.commune, StringKey.levelCommune), (.district, .levelDistrict), (.province, .levelProvince)] {
            if let t = levels[lv], t.received > 0 {
                rows.append(["\(s[.level]): \(s[key])", f.integer(t.received), f.percent(t.onlineShare), f.percent(t.onTimeShare)])
            }
        }
        return ListTable(title: "\(s[.fieldBreakdown]) · \(f.period(period))",
                         columns: [.init(title: s[.field], weight: 4, minWidth: 14, align: .left),
                                   .init(title: s[.received], weight: 1, minWidth: 9, align: .right),
                                   .init(title: s[.online], weight: 1, minWidth: 10, align: .right),
                                   .init(title: s[.onTime], weight: 1, minWidth: 9, align: .right)],
                         rows: rows)
    }

    static func villages(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ g: Glyphs) -> ListTable {
        let s = state.strings, f = state.format
        let list = snap.villages.filter { $0.commune == fig.unit.index }
        let yes = state.language == .vi ? "có" : "yes", no = state.language == .vi ? "không" : "no"
        return ListTable(title: "\(s[.villageList]) (\(list.count))",
                         columns: [.init(title: s[.name], weight: 3, minWidth: 12, align: .left),
                                   .init(title: s[.households], weight: 1, minWidth: 5, align: .right),
                                   .init(title: s[.poorHouseholds], weight: 1, minWidth: 8, align: .right),
                                   .init(title: "Mobile", weight: 1, minWidth: 6, align: .right),
                                   .init(title: s[.broadband], weight: 1, minWidth: 9, align: .right)],
                         rows: list.map { v in
                             [v.name, f.integer(v.households), f.integer(v.poorHouseholds),
                              v.mobile == 0 ? "\(g.bad) \(s[.none])" : Village.mobileLevels[v.mobile], v.broadband ? yes : no]
                         },
                         rowRoles: list.map { $0.mobile == 0 ? .bad : nil })
    }

    static func sites(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures) -> ListTable {
        let s = state.strings
        let list = snap.btsSites.filter { $0.commune == fig.unit.index }
        return ListTable(title: "\(s[.siteList]) (\(list.count))",
                         columns: [.init(title: s[.code], weight: 2, minWidth: 12, align: .left),
                                   .init(title: s[.operatorName], weight: 2, minWidth: 9, align: .left),
                                   .init(title: s[.technology], weight: 2, minWidth: 11, align: .left),
                                   .init(title: "", weight: 1, minWidth: 7, align: .left)],
                         rows: list.map { site in
                             [site.id, site.operator,
                              (0..<4).filter { site.supports($0) }.map { BTSSite.technologies[$0] }.joined(separator: " "),
                              site.status.name]
                         },
                         rowRoles: list.map { $0.status == .down ? .bad : ($0.status == .planned ? .muted : nil) })
    }

    static func products(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ g: Glyphs) -> ListTable {
        let s = state.strings
        let district = fig.unit.parent ?? 0
        let list = snap.ocopProducts.filter { $0.district == district }.sorted { $0.stars > $1.stars }
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

/// One panel full screen, with its detail table: every child unit's figures for that panel,
/// and a bar per unit.
enum ExpandedPanelView {
    static func draw(_ kind: PanelKind, _ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ rect: Rect,
                     tableOnly: Bool = false, into c: inout Canvas) {
        let s = state.strings, f = state.format
        var bottom = rect
        if !tableOnly {
            let (top, rest) = rect.splitTop(min(9, rect.height / 2))
            PanelView.draw(kind, state, snap, fig, top, into: &c)
            bottom = rest
        }
        let children = fig.unit.children.map { UnitFigures(snapshot: snap, unit: $0, period: fig.period) }
        let name: (UnitFigures) -> String = { $0.unit.level == .district ? $0.unit.shortName : $0.unit.name }
        let table: ListTable
        switch kind {
        case .dossiers:
            let maxReceived = children.map(\.dossiers.received).max() ?? 0
            table = ListTable(title: s[.dossiers], columns: [
                .init(title: s[.unit], weight: 3, minWidth: 14, align: .left),
                .init(title: s[.received], weight: 1, minWidth: 9, align: .right),
                .init(title: s[.online], weight: 1, minWidth: 10, align: .right),
                .init(title: s[.onTime], weight: 1, minWidth: 9, align: .right),
                .init(title: s[.overdue], weight: 1, minWidth: 8, align: .right),
                .init(title: s[.vsLastYear], weight: 1, minWidth: 11, align: .right),
                .init(title: "", weight: 3, minWidth: 10, align: .left)],
                rows: children.map { r in
                    [name(r), f.integer(r.dossiers.received), f.percent(r.dossiers.onlineShare), f.percent(r.dossiers.onTimeShare),
                     f.integer(r.dossiers.pendingOverdue),
                     f.change(UnitFigures.change(r.dossiers.received, r.dossiersLastYear.received), glyphs: c.glyphs),
                     bar(r.dossiers.received, maxReceived, 10, c.glyphs)]
                })
        case .bts:
            let maxSites = children.map(\.sites).max() ?? 0
            table = ListTable(title: s[.bts], columns: [
                .init(title: s[.unit], weight: 3, minWidth: 14, align: .left),
                .init(title: s[.sitesActive], weight: 1, minWidth: 8, align: .right),
                .init(title: "4G", weight: 1, minWidth: 6, align: .right),
                .init(title: "5G", weight: 1, minWidth: 4, align: .right),
                .init(title: s[.coverage], weight: 1, minWidth: 10, align: .right),
                .init(title: s[.noSignal], weight: 1, minWidth: 8, align: .right),
                .init(title: "", weight: 3, minWidth: 10, align: .left)],
                rows: children.map { r in
                    [name(r), f.integer(r.sites), f.integer(r.bts.byTech[2]), f.integer(r.bts.byTech[3]),
                     f.percent(r.villages.coverageShare, places: 2), f.integer(r.villages.byMobile[0]),
                     bar(r.sites, maxSites, 10, c.glyphs)]
                },
                rowRoles: children.map { $0.villages.byMobile[0] > 0 ? .warn : nil })
        case .ocop:
            let star = String(c.glyphs.star)
            let maxProducts = children.map(\.ocop.products).max() ?? 0
            table = ListTable(title: s[.ocop], columns: [
                .init(title: s[.unit], weight: 3, minWidth: 14, align: .left),
                .init(title: s[.products], weight: 1, minWidth: 9, align: .right),
                .init(title: "3\(star)", weight: 1, minWidth: 4, align: .right),
                .init(title: "4\(star)", weight: 1, minWidth: 4, align: .right),
                .init(title: "5\(star)", weight: 1, minWidth: 4, align: .right),
                .init(title: s[.listedOnline], weight: 1, minWidth: 8, align: .right),
                .init(title: "", weight: 3, minWidth: 10, align: .left)],
                rows: children.map { r in
                    [name(r), f.integer(r.ocop.products), f.integer(r.ocop.byStars[0]), f.integer(r.ocop.byStars[1]),
                     f.integer(r.ocop.byStars[2]), f.percent(r.ocop.listedShare), bar(r.ocop.products, maxProducts, 10, c.glyphs)]
                })
        case .tourism:
            let maxVisitors = children.map { $0.tourism?.visitors ?? 0 }.max() ?? 0
            table = ListTable(title: s[.tourism], columns: [
                .init(title: s[.unit], weight: 3, minWidth: 14, align: .left),
                .init(title: s[.visitors], weight: 1, minWidth: 10, align: .right),
                .init(title: s[.international], weight: 1, minWidth: 9, align: .right),
                .init(title: s[.revenue], weight: 1, minWidth: 12, align: .right),
                .init(title: s[.vsLastYear], weight: 1, minWidth: 11, align: .right),
                .init(title: "", weight: 3, minWidth: 10, align: .left)],
                rows: children.map { r in
                    guard let t = r.tourism else { return [name(r), "—", "—", "—", "—", ""] }
                    return [name(r), f.integer(t.visitors), f.integer(t.international), f.moneyShort(millionVND: t.revenueMillionVND),
                            f.change(UnitFigures.change(t.visitors, r.tourismLastYear?.visitors), glyphs: c.glyphs),
                            bar(t.visitors, maxVisitors, 10, c.glyphs)]
                })
        }
        table.draw(in: bottom, into: &c)
    }

    static func bar(_ v: Int, _ maximum: Int, _ width: Int, _ g: Glyphs) -> String {
        guard maximum > 0 else { return "" }
        return String(repeating: g.barFull, count: Int((Double(v) / Double(maximum) * Double(width)).rounded()))
    }
}
