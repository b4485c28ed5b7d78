import SnapshotKit

extension PanelID {
    public static let society: PanelID = "society"
}

/// The digital-society figures of a unit for the span shown (counts as of its last month,
/// payments over its months), with the same months before and a year earlier; nil when the
/// snapshot has no `society.csv`.
struct SocietyFigures {
    let now: SocietyTally
    let previous: SocietyTally
    let lastYear: SocietyTally

    init?(_ f: UnitFigures) {
        guard let cube = f.snapshot.society else { return nil }
        func at(_ s: Span) -> SocietyTally { s.isEmpty ? SocietyTally() : cube.figures(unit: f.unit.index, first: s.first, last: s.last) }
        now = at(f.span)
        previous = at(f.span.previous)
        lastYear = at(f.span.sameLastYear)
    }

    var vneidShare: Double? { now.share(.vneidActivated, of: .adults) }
    var certifiedShare: Double? { now.share(.certified, of: .trained) }
    var cashlessShare: Double? { now.share(.cashlessPayments, of: .benefitPayments) }
    var accountShare: Double? { now.share(.householdsWithAccount, of: .households) }
    var emailShare: Double? { now.share(.emailAccounts, of: .officials) }

    /// The figure, or "—" when not reported.
    func text(_ m: SocietyMeasure, _ f: NumberFormat) -> String { now[m].map(f.integer) ?? "—" }
}

extension UnitFigures {
    var society: SocietyFigures? { SocietyFigures(self) }
}

extension Panel {
    /// Digital society (xã hội số): citizens with an activated electronic identity against the
    /// target, community digital technology teams, "Bình dân học vụ số", payments without cash,
    /// households with an account, the citizen app, official e-mail, the 12-month trend.
    public static let society = Panel(
        id: .society, title: { $0[.society] }, indicators: ["society.vneid_share"],
        isShown: { $0.society != nil },
        holdsFigures: { $0.society.map { !$0.now.isEmpty } ?? false },
        compact: SocietyPanel.compact, expanded: SocietyPanel.expanded, tile: SocietyPanel.tile,
        tableColumns: [
            UnitColumn(id: "vneid", title: { _ in "VNeID" }, minWidth: 7, priority: 6, lowerIsWorse: true,
                       value: { $0.society?.vneidShare }, text: { r, f in f.percent(r.society?.vneidShare) }),
            UnitColumn(id: "digital_teams", title: { $0[.digitalTeamsShort] }, minWidth: 8, priority: 7,
                       value: { r in r.society?.now[.teams].map(Double.init) },
                       text: { r, f in r.society?.text(.teams, f) ?? "—" }),
        ],
        reportColumns: [
            SocietyPanel.count("vneid_activated", .vneidActivated, .vneidActivated),
            SocietyPanel.share("vneid_share", .vneidShare, \.vneidShare),
            SocietyPanel.count("digital_teams", .digitalTeams, .teams),
            SocietyPanel.count("team_members", .teamMembers, .teamMembers),
            SocietyPanel.count("certified", .digitalSkills, .certified),
            SocietyPanel.share("cashless_share", .cashless, \.cashlessShare),
            SocietyPanel.share("household_account_share", .householdAccounts, \.accountShare),
            SocietyPanel.count("app_downloads", .appDownloads, .appDownloads),
            SocietyPanel.count("app_accounts", .appAccounts, .appAccounts),
            SocietyPanel.count("email_accounts", .officialEmail, .emailAccounts),
        ])
}

enum SocietyPanel {
    static func count(_ key: String, _ title: StringKey, _ m: SocietyMeasure) -> ReportColumn {
        ReportColumn(key: key, title: { $0[title] }, text: { r, f in r.society?.text(m, f) ?? "—" },
                     raw: { r in r.society?.now[m].map(String.init) ?? "" })
    }

    static func share(_ key: String, _ title: StringKey, _ value: @escaping @Sendable (SocietyFigures) -> Double?) -> ReportColumn {
        ReportColumn(key: key, title: { $0[title] }, text: { r, f in f.percent(r.society.flatMap(value)) },
                     raw: { r in ReportColumn.rawShare(r.society.flatMap(value)) })
    }

    static func compact(_ ctx: PanelContext, _ lines: inout PanelLines, _ c: inout Canvas) {
        let s = ctx.strings, f = ctx.format, fig = ctx.figures
        let inner = lines.inner
        PanelParts.asOf(fig.span, dataEnd: ctx.snapshot.manifest.periodEnd, cadenceDays: 45, ctx.state, &lines, &c)
        guard fig.assetsHeld, let soc = fig.society, let activated = soc.now[.vneidActivated] else {
            return PanelParts.muted(s[.noData], &lines, &c)
        }
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.vneidActivated], f.integer(activated), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() {
            PanelParts.changes(activated, soc.previous[.vneidActivated], soc.lastYear[.vneidActivated], span: fig.span, ctx.state, y, inner, &c)
        }
        PanelParts.share(s[.vneidShare], soc.vneidShare, indicator: "society.vneid_share", ctx, &lines, &c, gauge: lines.left >= 9)
        let rows: [(StringKey, String)] = [
            (.digitalTeamsShort, "\(soc.text(.teams, f)) · \(soc.text(.teamMembers, f)) \(s[.members].lowercased())"),
            (.cashless, f.percent(soc.cashlessShare)),
            (.householdAccounts, f.percent(soc.accountShare)),
            (.citizenApp, "\(soc.text(.appAccounts, f)) \(s[.accounts])"),
            (.officialEmail, "\(soc.text(.emailAccounts, f)) (\(f.percent(soc.emailShare)))"),
            (.digitalSkills, soc.now[.certified] == nil ? "—" : "\(soc.text(.certified, f)) (\(f.percent(soc.certifiedShare)))"),
        ]
        for (label, value) in rows where lines.left > 1 {
            guard let y = lines.take() else { return }
            Widgets.labelValue(s[label], value, x: inner.x, y: y, width: inner.width, into: &c)
        }
        // With room (a wall screen), the activation rate month by month against its target,
        // as the dossiers panel charts the online share; else the 12 months of accounts.
        let cube = ctx.snapshot.society
        let months = (0..<24).map { cube?.month(fig.span.lastMonth.adding($0 - 23), unit: fig.unit.index) ?? SocietyTally() }
        let chart = MonthChart(title: s[.vneidShareByMonth], values: months.map { $0.share(.vneidActivated, of: .adults) },
                               lastMonth: fig.span.lastMonth, target: ctx.snapshot.targets.targets["society.vneid_share"]?.target,
                               isShare: true, role: .chart1)
        if !PanelParts.chart(chart, ctx.state, &lines, &c) {
            PanelParts.trend(months.suffix(12).map { $0[.vneidActivated] ?? 0 }, role: .chart1, ctx.state, &lines, &c)
        }
    }

    static func expanded(_ ctx: PanelContext, _ children: [UnitFigures], _ g: Glyphs) -> ListTable {
        let s = ctx.strings, f = ctx.format
        let figures = children.map(\.society)
        let behind = { (x: SocietyFigures?) -> Bool in
            x?.vneidShare.flatMap { ctx.snapshot.targets.status(of: "society.vneid_share", value: $0) } == .behind
        }
        return ListTable(title: s[.society], columns: [
            .unitName(s),
            .figure("VNeID", 9),
            .figure("%", 6),
            .figure(s[.digitalTeamsShort], 10),
            .figure(s[.members], 10),
            .figure(s[.cashlessShort], 12),
            .figure(s[.accountsShort], 10),
            .figure(s[.appAccountsShort], 11),
            .figure(s[.digitalSkillsShort], 12),
            .bar],
            rows: zip(children, figures).map { r, x in
                [UnitColumn.name.text(r, f), x?.text(.vneidActivated, f) ?? "—", f.percent(x?.vneidShare),
                 x?.text(.teams, f) ?? "—", x?.text(.teamMembers, f) ?? "—", f.percent(x?.cashlessShare),
                 f.percent(x?.accountShare), x?.text(.appAccounts, f) ?? "—", x?.text(.certified, f) ?? "—",
                 PanelParts.bar(share: x?.vneidShare, of: 1, 10, g)]
            },
            rowRoles: figures.map { behind($0) ? .warn : nil })
    }

    static func tile(_ ctx: PanelContext, _ g: Glyphs) -> KioskTile {
        let s = ctx.strings, f = ctx.format
        guard let soc = ctx.figures.society, let activated = soc.now[.vneidActivated] else {
            return KioskTile(label: s[.vneidShare], big: "—")
        }
        return KioskTile(label: "VNeID: \(s[.vneidShare].lowercased())", big: f.percent(soc.vneidShare),
                         detail: "\(f.integer(activated)) \(s[.accounts])",
                         value: soc.vneidShare, indicator: "society.vneid_share",
                         change: UnitFigures.change(activated, soc.lastYear[.vneidActivated]))
    }
}
