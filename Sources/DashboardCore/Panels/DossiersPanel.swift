import SnapshotKit

extension PanelID {
    public static let dossiers: PanelID = "dossiers"
}

extension Panel {
    /// Administrative dossiers: received, the change, online and on-time shares against
    /// target, overdue, and the 12-month trend.
    public static let dossiers = Panel(
        id: .dossiers, title: { $0[.dossiers] }, indicators: ["dossiers.online_share", "dossiers.on_time_share", "dossiers.progress_766", "index_766.total"],
        holdsFigures: { $0.dossiersHeld },
        compact: DossiersPanel.compact, expanded: DossiersPanel.expanded, tile: DossiersPanel.tile,
        detail: { ctx, _ in [DossiersPanel.fields(ctx), DossiersPanel.form06Table(ctx)] },
        tableColumns: [
            UnitColumn(id: "received", title: { $0[.received] }, minWidth: 9, priority: 1,
                       value: { r in DossiersPanel.held(r) { Double($0.received) } },
                       text: { r, f in DossiersPanel.held(r) { f.integer($0.received) } ?? "—" }),
            UnitColumn(id: "online", title: { $0[.online] }, minWidth: 10, priority: 1, lowerIsWorse: true,
                       value: { r in DossiersPanel.held(r) { $0.onlineShare } ?? nil },
                       text: { r, f in f.percent(DossiersPanel.held(r) { $0.onlineShare } ?? nil) }),
            UnitColumn(id: "on_time", title: { $0[.onTime] }, minWidth: 9, priority: 2, lowerIsWorse: true,
                       value: { $0.onTimeShare },
                       text: { r, f in f.percent(r.onTimeShare) }),
            UnitColumn(id: "overdue", title: { $0[.overdueShort] }, minWidth: 12, priority: 3, lowerIsWorse: false,
                       value: { r in r.overdueInProgress.map(Double.init) },
                       text: { r, f in r.overdueInProgress.map { f.integer($0) } ?? "—" }),
            UnitColumn(id: "received_yoy", title: { $0[.vsLastYearShort] }, minWidth: 10, priority: 4, lowerIsWorse: true,
                       value: { DossiersPanel.receivedChange($0, yearOnYear: true) },
                       text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: true)) }),
            UnitColumn(id: "online_change", title: { "± \($0[.online])" }, minWidth: 12, priority: 7, lowerIsWorse: true,
                       value: { $0.onlineShareChange(yearOnYear: true) },
                       text: { r, f in f.signedPoints(r.onlineShareChange(yearOnYear: true)) }),
            UnitColumn(id: "on_time_change", title: { "± \($0[.onTime])" }, minWidth: 11, priority: 8, lowerIsWorse: true,
                       value: { $0.onTimeShareChange(yearOnYear: true) },
                       text: { r, f in f.signedPoints(r.onTimeShareChange(yearOnYear: true)) }),
            UnitColumn(id: "online_status", title: { $0[.targetStatus] }, minWidth: 11, priority: 5,
                       value: { r in DossiersPanel.onlineStatus(r).map { [TargetStatus.behind, .atRisk, .onTrack].firstIndex(of: $0).map(Double.init) ?? 0 } },
                       text: { r, f in DossiersPanel.onlineStatusWord(r, f) }),
        ],
        reportColumns: [
            ReportColumn(key: "received", title: { $0[.received] }, text: { r, f in DossiersPanel.held(r) { f.integer($0.received) } ?? "—" },
                         raw: { r in DossiersPanel.held(r) { String($0.received) } ?? "" }, additive: true),
            ReportColumn(key: "online_share", title: { $0[.online] },
                         text: { r, f in f.percent(DossiersPanel.held(r) { $0.onlineShare } ?? nil) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.held(r) { $0.onlineShare } ?? nil) }),
            ReportColumn(key: "on_time_share", title: { $0[.onTime] },
                         text: { r, f in f.percent(r.onTimeShare) },
                         raw: { r in ReportColumn.rawShare(r.onTimeShare) }),
            ReportColumn(key: "resolved_overdue", title: { $0[.resolvedLateOfficial] },
                         text: { r, f in r.resolvedLate.map { f.integer($0) } ?? "—" },
                         raw: { r in r.resolvedLate.map(String.init) ?? "" }, additive: true),
            ReportColumn(key: "in_progress_overdue", title: { $0[.overdueOfficial] },
                         text: { r, f in r.overdueInProgress.map { f.integer($0) } ?? "—" },
                         raw: { r in r.overdueInProgress.map(String.init) ?? "" }, additive: true),
            ReportColumn(key: "received_change_previous", title: { "\($0[.received]) \($0[.vsPrevious])" },
                         text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: false)) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.receivedChange(r, yearOnYear: false)) }),
            ReportColumn(key: "received_change_last_year", title: { "\($0[.received]) \($0[.vsLastYear])" },
                         text: { r, f in f.signedPercent(DossiersPanel.receivedChange(r, yearOnYear: true)) },
                         raw: { r in ReportColumn.rawShare(DossiersPanel.receivedChange(r, yearOnYear: true)) }),
            ReportColumn(key: "online_share_change_last_year", title: { "\($0[.online]) \($0[.vsLastYear]) (\(NumberFormat($0.language).pointsUnit))" },
                         text: { r, f in f.signedPoints(r.onlineShareChange(yearOnYear: true)) },
                         raw: { r in ReportColumn.rawShare(r.onlineShareChange(yearOnYear: true)) }),
            ReportColumn(key: "on_time_share_change_last_year", title: { "\($0[.onTime]) \($0[.vsLastYear]) (\(NumberFormat($0.language).pointsUnit))" },
                         text: { r, f in f.signedPoints(r.onTimeShareChange(yearOnYear: true)) },
                         raw: { r in ReportColumn.rawShare(r.onTimeShareChange(yearOnYear: true)) }),
            ReportColumn(key: "progress_766", title: { $0[.progress766] },
                         text: { r, f in f.percent(r.estimate766?.progress?.rate) },
                         raw: { r in ReportColumn.rawShare(r.estimate766?.progress?.rate) }),
            ReportColumn(key: "index_766_estimate", title: { "\($0[.index766]) (\($0[.estimate766]))" },
                         text: { r, f in r.estimate766.flatMap { $0.progress == nil ? nil : "\(f.decimal($0.points, places: 1))/\(f.decimal($0.maximum, places: 1))" } ?? "—" },
                         raw: { r in r.estimate766.flatMap { $0.progress == nil ? nil : String(format: "%.2f", $0.points) } ?? "" }),
            // What the estimate is out of (the published index is out of 100; transparency and
            // satisfaction are not estimated), so that a CSV's 46.28 is never read as of 100.
            ReportColumn(key: "index_766_estimate_max", title: { $0[.estimate766Maximum] },
                         text: { r, f in r.estimate766.flatMap { $0.progress == nil ? nil : f.decimal($0.maximum, places: 1) } ?? "—" },
                         raw: { r in r.estimate766.flatMap { $0.progress == nil ? nil : String(format: "%.2f", $0.maximum) } ?? "" }),
            ReportColumn(key: "index_766_official", title: { "\($0[.index766]) (\($0[.official766]))" },
                         text: { r, f in r.official766.map { "\(f.decimal($0.total, places: 1)) · \($0.rank)/\($0.ranked)" } ?? "—" },
                         raw: { r in r.official766.map { String(format: "%.2f", $0.total) } ?? "" }),
            ReportColumn(key: "index_766_rank", title: { "\($0[.rank]) 766" },
                         text: { r, _ in r.official766.map { "\($0.rank)/\($0.ranked)" } ?? "—" },
                         raw: { r in r.official766.map { String($0.rank) } ?? "" }),
            ReportColumn(key: "online_share_status", title: { "\($0[.online]): \($0[.targetStatus].lowercased())" },
                         text: { r, f in Widgets.statusLabel(DossiersPanel.onlineStatus(r), Strings(f.language)) },
                         raw: { r in DossiersPanel.onlineStatus(r).map { "\($0)" } ?? "" }),
        ],
        judged: [JudgedColumn(indicator: "dossiers.online_share", column: "online"),
                 JudgedColumn(indicator: "dossiers.on_time_share", column: "on_time")])
}

enum DossiersPanel {
    /// The columns of form 06 (Biểu số 06/VPCP/KSTT) in its order, then the wall screens'
    /// awaiting supplement, returned and withdrawn: `report --form 06`.
    static let form06Columns: [ReportColumn] = {
        let items: [(String, StringKey, @Sendable (Form06) -> Int?)] = [
            ("received_total", .f06ReceivedTotal, { $0.receivedTotal }),
            ("received_online", .f06ReceivedOnline, { $0.receivedOnline }),
            ("received_direct_postal", .f06ReceivedDirect, { $0.receivedDirectPostal }),
            ("carried_over", .f06CarriedOver, { $0.carriedOver }),
            ("resolved_total", .f06ResolvedTotal, { $0.resolvedTotal }),
            ("resolved_before_due", .f06Early, { $0.resolvedEarly }),
            ("resolved_on_due", .f06OnDue, { $0.resolvedOnDue }),
            ("resolved_overdue", .f06Late, { $0.resolvedLate }),
            ("in_progress_total", .f06InProgressTotal, { $0.inProgressTotal }),
            ("in_progress_within_due", .f06WithinDue, { $0.inProgressWithinDue }),
            ("in_progress_overdue", .f06InProgressOverdue, { $0.inProgressOverdue }),
            ("awaiting_supplement", .f06Supplement, { $0.supplement }),
            ("returned", .f06Returned, { $0.returned }),
            ("withdrawn", .f06Withdrawn, { $0.withdrawn }),
        ]
        return items.map { key, title, value in
            ReportColumn(key: key, title: { $0[title] },
                         text: { r, f in r.form06.flatMap(value).map { f.integer($0) } ?? "—" },
                         raw: { r in r.form06.flatMap(value).map(String.init) ?? "" }, additive: true)
        }
    }()

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
        PanelParts.asOf(fig.span, dataEnd: snap.manifest.periodEnd, cadenceDays: 45, ctx.state, &lines, &c)
        guard fig.dossiersHeld else { return PanelParts.muted(s[.noData], &lines, &c) }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.received], f.integer(t.received), x: inner.x, y: y0, width: inner.width,
                           valueRole: .accent, into: &c)
        if let y = lines.take() {
            PanelParts.changes(t.received, fig.dossiersPrevious?.received, fig.dossiersLastYear?.received, span: fig.span, ctx.state, y, inner, &c)
        }
        // The shares' change in points: each on a line of its own when every line below still
        // fits (online, gauge, change, on time, change, overdue, 766, trend), else the year's beside.
        let gauge = lines.left >= 5
        let rows766 = (fig.official766 != nil ? 1 : 0) + (fig.estimate766?.progress != nil ? 1 : 0)
        let ownLines = lines.left >= 6 + (gauge ? 1 : 0) + rows766 + 1
        PanelParts.share(s[.online], t.onlineShare, indicator: "dossiers.online_share", ctx, &lines, &c, gauge: gauge,
                         change: .init(previous: fig.onlineShareChange(yearOnYear: false), lastYear: fig.onlineShareChange(yearOnYear: true),
                                       ownLine: ownLines))
        PanelParts.share(s[.onTime], fig.onTimeShare, indicator: "dossiers.on_time_share", ctx, &lines, &c, gauge: false,
                         change: .init(previous: fig.onTimeShareChange(yearOnYear: false), lastYear: fig.onTimeShareChange(yearOnYear: true),
                                       ownLine: ownLines))
        let months = snap.dossiers.series(unit: fig.unit.index, endingAt: fig.span.lastMonth, count: 24)
        // In a short panel (80×24) the 766 line takes the trend's row: the 12 months of received
        // then stand in the received row, between its label and its figure, so nothing is lost.
        let inlineTrend = lines.left == 2 && inner.width >= 40
        if inlineTrend {
            let x = inner.x + DisplayWidth.of(s[.received]) + 2
            Widgets.sparkline(months.suffix(12).map(\.received), x: x, y: y0, width: 12, role: .chart1, into: &c)
            c.write(" " + s[.twelveMonths], x: x + 12, y: y0, role: .muted, maxWidth: max(0, inner.width - x - 12 - 10))
        }
        if let y = lines.take() {
            // Form 06's "đang giải quyết quá hạn": in progress past due at the span's end.
            let overdue = fig.overdueInProgress
            Widgets.labelValue(s[.overdueOfficial], overdue.map { f.integer($0) } ?? "—", x: inner.x, y: y, width: inner.width,
                               valueRole: (overdue ?? 0) > 0 ? .warn : .text, into: &c)
        }
        index766Line(ctx, &lines, &c)
        if inlineTrend { return }
        let chart = MonthChart(title: s[.onlineByMonth], values: months.map { $0.received > 0 ? $0.onlineShare : nil },
                               lastMonth: fig.span.lastMonth, target: snap.targets.targets["dossiers.online_share"]?.target,
                               isShare: true)
        if !PanelParts.chart(chart, ctx.state, &lines, &c) {
            // Said of what: the shares' trends may follow.
            PanelParts.trend(months.suffix(12).map(\.received), label: s[.received], role: .chart1, ctx.state, &lines, &c)
            // Beside the trend of received, the shares' (with room).
            let year = months.suffix(12)
            PanelParts.shareTrend(year.map { $0.received > 0 ? $0.onlineShare : nil }, label: s[.online], role: .chart2,
                                  ctx.state, &lines, &c)
            PanelParts.shareTrend(year.map { Form06.onTimeShare($0, snap.dossiers.measures) }, label: s[.onTime], role: .chart3,
                                  ctx.state, &lines, &c)
        }
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let changes = children.map { receivedChange($0, yearOnYear: true) }
        let largest = changes.compactMap { $0.map(abs) }.max() ?? 0
        // A cell marked `~` is cdsboard's estimate, not the published index: the title says so.
        let estimated = children.contains { $0.official766 == nil && $0.estimate766?.progress != nil }
        return ListTable(title: s[.dossiers], columns: [
            .unitName(s),
            .figure(s[.received], 9),
            .figure(s[.online], 10),
            .figure(s[.onTime], 9),
            .figure(s[.progress766Short], 13),
            .figure(s[.overdueShort], 12),
            .figure(s[.carriedShort], 15),
            .figure(s[.resolvedShort], 13),
            .figure(s[.inProgressShort], 15),
            .figure(s[.f06Supplement], 11),
            .figure(estimated ? s[.index766TildeEstimate] : s[.index766], 14),
            .figure(s[.vsLastYear], 11),
            .figure("± \(s[.online])", 12),
            .figure("± \(s[.onTime])", 11),
            .bar],
            rows: children.map { r in
                let f06 = r.form06, e = r.estimate766
                return [UnitColumn.name.text(r, f), held(r) { f.integer($0.received) } ?? "—", f.percent(r.dossiers.onlineShare),
                 f.percent(r.onTimeShare), f.percent(e?.progress?.rate), r.overdueInProgress.map { f.integer($0) } ?? "—",
                 f06.map { f.integer($0.carriedOver) } ?? "—", f06.map { f.integer($0.resolvedTotal) } ?? "—",
                 f06.map { f.integer($0.inProgressTotal) } ?? "—", f06?.supplement.map { f.integer($0) } ?? "—",
                 index766Cell(r, f),
                 f.change(receivedChange(r, yearOnYear: true), glyphs: g),
                 f.signedPoints(r.onlineShareChange(yearOnYear: true)), f.signedPoints(r.onTimeShareChange(yearOnYear: true)),
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

    /// The 766 index in one line: its estimate from dossiers (points of what can be estimated,
    /// and progress by its rule), marked as such.
    static func index766Line(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, inner = lines.inner
        if let o = ctx.figures.official766, let y = lines.take() {
            let status = ctx.snapshot.targets.status(of: "index_766.total", value: o.total)
            var text = official766Text(o, ctx.figures.official766Previous, f, c.glyphs, s)
            var role = Role.accent
            if let (sym, r) = Widgets.mark(status, c.glyphs) { text += " \(sym)"; role = r }
            Widgets.labelValue("\(s[.index766]) (\(s[.official766]))", text, x: inner.x, y: y, width: inner.width,
                               valueRole: role, into: &c)
        }
        guard let e = ctx.figures.estimate766, let progress = e.progress, let y = lines.take() else { return }
        let status = ctx.snapshot.targets.status(of: "dossiers.progress_766", value: progress.rate)
        let points = "\(f.decimal(e.points, places: 1))/\(f.decimal(e.maximum, places: 1)) \(s[.points])"
        var mark = ""
        var role = Role.accent
        if let (sym, r) = Widgets.mark(status, c.glyphs) { mark = " \(sym)"; role = r }
        // The label never cut to "Ước …": the whole words where they fit, else the short label,
        // then without the progress (the same rate as on time, in the table and the detail).
        let choices = [(s[.estimate766Label], points + " · \(s[.progressShort]) \(f.percent(progress.rate))" + mark),
                       (s[.estimate766Short], points + " · \(s[.progressShort]) \(f.percent(progress.rate))" + mark),
                       (s[.estimate766Short], points + mark)]
        let (label, text) = choices.first { DisplayWidth.of($0.0) + 1 + DisplayWidth.of($0.1) <= inner.width } ?? choices[2]
        Widgets.labelValue(label, text, x: inner.x, y: y, width: inner.width, valueRole: role, into: &c)
    }

    /// `79,1 điểm (+1,2) · 5/34 (▲2)`: the published total, its change, the rank and its change.
    static func official766Text(_ o: Official766, _ before: Official766?, _ f: NumberFormat, _ g: Glyphs, _ s: Strings) -> String {
        var text = "\(f.decimal(o.total, places: 1)) \(s[.points])"
        if let b = before {
            let d = o.total - b.total
            let shown = f.decimal(abs(d), places: 1)
            text += " (\(shown == f.decimal(0, places: 1) ? "" : d > 0 ? "+" : "−")\(shown))"
        }
        text += " · \(o.rank)/\(o.ranked)"
        if let b = before, b.rank != o.rank {
            text += " (\(b.rank > o.rank ? g.up : g.down)\(abs(b.rank - o.rank)))"
        }
        return text
    }

    /// The expanded table's 766 cell: the published total and rank, else `~` and the estimate.
    static func index766Cell(_ r: UnitFigures, _ f: NumberFormat) -> String {
        if let o = r.official766 { return "\(f.decimal(o.total, places: 1)) · \(o.rank)/\(o.ranked)" }
        return r.estimate766.flatMap { $0.progress == nil ? nil : "~" + f.decimal($0.points, places: 1) } ?? "—"
    }

    /// Form 06 of the unit, and the 766 index's parts estimated from its dossiers (rate, points).
    static func form06Table(_ ctx: PanelContext) -> ListTable {
        let s = ctx.strings, f = ctx.format, fig = ctx.figures
        var rows: [[String]] = []
        if fig.form06 != nil {
            for c in form06Columns { rows.append([c.title(s), c.text(fig, f), ""]) }
        } else {
            rows.append([s[.form06Breakdown], "—", ""])
        }
        if let e = fig.estimate766 {
            let parts: [(String, Estimate766.Part?)] = [
                (s[.progress766], e.progress), (s[.online], e.onlineShare), (s[.fullOnline], e.fullOnline),
                (s[.payment766], e.payment), ("\(s[.digitisation766]): \(s[.digitized])", e.digitized),
                ("\(s[.digitisation766]): \(s[.eResult])", e.eResult)]
            for (name, p) in parts {
                rows.append([name, f.percent(p?.rate), p.map { "\(f.decimal($0.points, places: 2))/\(f.decimal($0.maximum, places: 2))" } ?? "—"])
            }
            rows.append(["\(s[.index766]) (\(s[.estimate766]))", "", "\(f.decimal(e.points, places: 1))/\(f.decimal(e.maximum, places: 1))"])
        }
        if let o = fig.official766 {
            let names: [StringKey] = [.transparency766, .progress766, .onlineService766, .payment766, .digitisation766, .satisfaction766]
            for (k, name) in names.enumerated() {
                rows.append(["\(s[.official766]): \(s[name])", "", "\(f.decimal(o.groups[k], places: 1))/\(Int(Official766.maxima[k]))"])
            }
            rows.append(["\(s[.index766]) (\(s[.official766]))", "\(o.rank)/\(o.ranked)",
                         official766Text(o, fig.official766Previous, f, ctx.state.ascii ? .ascii : (ctx.state.consoleGlyphs ? .console : .unicode), s)])
        }
        return ListTable(title: "\(s[.form06Breakdown]) · \(s[.index766]) · \(f.span(fig.span))",
                         columns: [.init(title: "", weight: 4, minWidth: 22, align: .left),
                                   .figure(s[.valueOrRate], 10),
                                   .figure(s[.points], 12)],
                         rows: rows)
    }

    /// A commune's dossiers by field, then by the level that received them.
    static func fields(_ ctx: PanelContext) -> ListTable {
        let s = ctx.strings, f = ctx.format, snap = ctx.snapshot
        let here = ctx.figures.unit.index
        let period = ctx.figures.period
        let fields = snap.dossiers.byField(unit: here, period: period)
        let m = snap.dossiers.measures
        let levels = snap.dossiers.byLevel(unit: here, period: period) // months past the data's end hold nothing
        var rows = fields.sorted { $0.tally.received > $1.tally.received }.map { item in
            [item.field, f.integer(item.tally.received), f.percent(item.tally.onlineShare), f.percent(Form06.onTimeShare(item.tally, m))]
        }
        for (lv, key) in [(DossierLevel.commune, StringKey.levelCommune), (.district, .levelDistrict), (.province, .levelProvince)] {
            if let t = levels[lv], t.received > 0 {
                rows.append(["\(s[.level]): \(s[key])", f.integer(t.received), f.percent(t.onlineShare), f.percent(Form06.onTimeShare(t, m))])
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
