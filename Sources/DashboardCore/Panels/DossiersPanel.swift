import SnapshotKit

extension PanelID {
    public static let dossiers: PanelID = "dossiers"
}

extension Panel {
    /// Administrative dossiers: received, the change, online and on-time shares against
    /// target, overdue, and the 12-month trend.
    public static let dossiers = Panel(
        id: .dossiers, title: { $0[.dossiers] }, indicators: ["dossiers.online_share", "dossiers.on_time_share"],
        compact: DossiersPanel.compact, expanded: DossiersPanel.expanded, tile: DossiersPanel.tile,
        detail: { ctx, _ in [DossiersPanel.fields(ctx)] },
        tableColumns: [
            UnitColumn(id: "received", title: { $0[.received] }, minWidth: 9, priority: 1,
                       value: { r in DossiersPanel.held(r) { Double($0.received) } },
                       text: { r, f in DossiersPanel.held(r) { f.integer($0.received) } ?? "—" }),
            UnitColumn(id: "online", title: { $0[.online] }, minWidth: 10, priority: 1, lowerIsWorse: true,
                       value: { r in DossiersPanel.held(r) { $0.onlineShare } ?? nil },
                       text: { r, f in f.percent(DossiersPanel.held(r) { $0.onlineShare } ?? nil) }),
            UnitColumn(id: "on_time", title: { $0[.onTime] }, minWidth: 9, priority: 2, lowerIsWorse: true,
                       value: { r in DossiersPanel.held(r) { $0.onTimeShare } ?? nil },
                       text: { r, f in f.percent(DossiersPanel.held(r) { $0.onTimeShare } ?? nil) }),
            UnitColumn(id: "overdue", title: { $0[.overdue] }, minWidth: 8, priority: 3, lowerIsWorse: false,
                       value: { r in DossiersPanel.held(r) { Double($0.pendingOverdue) } },
                       text: { r, f in DossiersPanel.held(r) { f.integer($0.pendingOverdue) } ?? "—" }),
            UnitColumn(id: "received_yoy", title: { $0[.vsLastYearShort] }, minWidth: 10, priority: 4, lowerIsWorse: true,
                       value: { DossiersPanel.receivedChange($0, yearOnYear: true) },
                       text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: true)) }),
            UnitColumn(id: "online_status", title: { $0[.targetStatus] }, minWidth: 11, priority: 5,
                       value: { r in DossiersPanel.onlineStatus(r).map { [TargetStatus.behind, .atRisk, .onTrack].firstIndex(of: $0).map(Double.init) ?? 0 } },
                       text: { r, f in DossiersPanel.onlineStatusWord(r, f) }),
        ],
        reportColumns: [
            ReportColumn(key: "received", title: { $0[.received] }, text: { r, f in DossiersPanel.held(r) { f.integer($0.received) } ?? "—" },
                         raw: { r in DossiersPanel.held(r) { String($0.received) } ?? "" }),
            ReportColumn(key: "online_share", title: { $0[.online] },
                         text: { r, f in f.percent(DossiersPanel.held(r) { $0.onlineShare } ?? nil) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.held(r) { $0.onlineShare } ?? nil) }),
            ReportColumn(key: "on_time_share", title: { $0[.onTime] },
                         text: { r, f in f.percent(DossiersPanel.held(r) { $0.onTimeShare } ?? nil) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.held(r) { $0.onTimeShare } ?? nil) }),
            ReportColumn(key: "overdue", title: { $0[.overdue] },
                         text: { r, f in DossiersPanel.held(r) { f.integer($0.pendingOverdue) } ?? "—" },
                         raw: { r in DossiersPanel.held(r) { String($0.pendingOverdue) } ?? "" }),
            ReportColumn(key: "received_change_previous", title: { "\($0[.received]) \($0[.vsPrevious])" },
                         text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: false)) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.receivedChange(r, yearOnYear: false)) }),
            ReportColumn(key: "received_change_last_year", title: { "\($0[.received]) \($0[.vsLastYear])" },
                         text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: true)) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.receivedChange(r, yearOnYear: true)) }),
            ReportColumn(key: "online_share_status", title: { "\($0[.online]): \($0[.targetStatus].lowercased())" },
                         text: { r, f in Widgets.statusLabel(DossiersPanel.onlineStatus(r), Strings(f.language)) },
                         raw: { r in DossiersPanel.onlineStatus(r).map { "\($0)" } ?? "" }),
        ])
}

enum DossiersPanel {
    /// Received against the same months of the period before, or of a year earlier.
    static func receivedChange(_ r: UnitFigures, yearOnYear: Bool) -> Double? {
        guard r.dossiersHeld else { return nil }
        return UnitFigures.change(r.dossiers.received, (yearOnYear ? r.dossiersLastYear : r.dossiersPrevious)?.received)
    }

    static func onlineStatus(_ r: UnitFigures) -> TargetStatus? {
        held(r) { $0.onlineShare }.flatMap { $0 }.flatMap { r.snapshot.targets.status(of: "dossiers.online_share", value: $0) }
    }

    /// The status in a word that fits a table cell (`Đạt`, `Nguy cơ`, `Chưa đạt`).
    static func onlineStatusWord(_ r: UnitFigures, _ f: NumberFormat) -> String {
        let s = Strings(f.language)
        switch onlineStatus(r) {
        case .onTrack: return s[.onTrack]
        case .atRisk: return s[.atRiskShort]
        case .behind: return s[.behind]
        case nil: return "—"
        }
    }

    /// A figure of the unit's dossiers, or nil when the data does not hold the period (absent,
    /// not zero).
    static func held<T>(_ r: UnitFigures, _ figure: (DossierTally) -> T) -> T? {
        r.dossiersHeld ? figure(r.dossiers) : nil
    }

    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, snap = ctx.snapshot, fig = ctx.figures, t = fig.dossiers
        let inner = lines.inner
        PanelParts.asOf(snap.manifest.periodEnd, cadenceDays: 45, ctx.state, &lines, &c)
        guard fig.dossiersHeld else { return PanelParts.muted(s[.noData], &lines, &c) }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.received], f.integer(t.received), x: inner.x, y: y0, width: inner.width,
                           valueRole: .accent, into: &c)
        if let y = lines.take() {
            PanelParts.changes(t.received, fig.dossiersPrevious?.received, fig.dossiersLastYear?.received, ctx.state, y, inner, &c)
        }
        PanelParts.share(s[.online], t.onlineShare, indicator: "dossiers.online_share", ctx, &lines, &c, gauge: lines.left >= 5)
        PanelParts.share(s[.onTime], t.onTimeShare, indicator: "dossiers.on_time_share", ctx, &lines, &c, gauge: false)
        if let y = lines.take() {
            Widgets.labelValue(s[.overdue], f.integer(t.pendingOverdue), x: inner.x, y: y, width: inner.width,
                               valueRole: t.pendingOverdue > 0 ? .warn : .text, into: &c)
        }
        let months = snap.dossiers.series(unit: fig.unit.index, endingAt: fig.span.lastMonth, count: 24)
        let chart = MonthChart(title: s[.onlineByMonth], values: months.map { $0.received > 0 ? $0.onlineShare : nil },
                               lastMonth: fig.span.lastMonth, target: snap.targets.targets["dossiers.online_share"]?.target,
                               isShare: true)
        if !PanelParts.chart(chart, ctx.state, &lines, &c) {
            PanelParts.trend(months.suffix(12).map(\.received), role: .chart1, ctx.state, &lines, &c)
        }
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let changes = children.map { receivedChange($0, yearOnYear: true) }
        let largest = changes.compactMap { $0.map(abs) }.max() ?? 0
        return ListTable(title: s[.dossiers], columns: [
            .unitName(s),
            .figure(s[.received], 9),
            .figure(s[.online], 10),
            .figure(s[.onTime], 9),
            .figure(s[.overdue], 8),
            .figure(s[.vsLastYear], 11),
            .bar],
            rows: children.map { r in
                [UnitColumn.name.text(r, f), held(r) { f.integer($0.received) } ?? "—", f.percent(r.dossiers.onlineShare),
                 f.percent(r.dossiers.onTimeShare), f.integer(r.dossiers.pendingOverdue),
                 f.change(receivedChange(r, yearOnYear: true), glyphs: g),
                 PanelParts.bar(share: receivedChange(r, yearOnYear: true).map(abs), of: largest, 10, g)]
            })
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format, fig = ctx.figures
        return KioskTile(label: s[.online], big: f.percent(fig.dossiers.onlineShare),
                         detail: "\(f.integer(fig.dossiers.received)) \(s[.received].lowercased())",
                         value: fig.dossiers.onlineShare, indicator: "dossiers.online_share",
                         change: UnitFigures.change(fig.dossiers.received, fig.dossiersLastYear?.received))
    }

    /// A commune's dossiers by field, then by the level that received them.
    static func fields(_ ctx: PanelContext) -> ListTable {
        let s = ctx.strings, f = ctx.format, snap = ctx.snapshot
        let here = ctx.figures.unit.index
        let period = ctx.figures.period
        let fields = snap.dossiers.byField(unit: here, period: period)
        let levels = snap.dossiers.byLevel(unit: here, period: period) // months past the data's end hold nothing
        var rows = fields.sorted { $0.tally.received > $1.tally.received }.map { item in
            [item.field, f.integer(item.tally.received), f.percent(item.tally.onlineShare), f.percent(item.tally.onTimeShare)]
        }
        for (lv, key) in [(DossierLevel.commune, StringKey.levelCommune), (.district, .levelDistrict), (.province, .levelProvince)] {
            if let t = levels[lv], t.received > 0 {
                rows.append(["\(s[.level]): \(s[key])", f.integer(t.received), f.percent(t.onlineShare), f.percent(t.onTimeShare)])
            }
        }
        return ListTable(title: "\(s[.fieldBreakdown]) · \(f.span(ctx.figures.span))",
                         columns: [.init(title: s[.field], weight: 4, minWidth: 14, align: .left),
                                   .figure(s[.received], 9),
                                   .figure(s[.online], 10),
                                   .figure(s[.onTime], 9)],
                         rows: rows)
    }
}
