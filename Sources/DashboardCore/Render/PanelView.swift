import Foundation
import SnapshotKit

/// The four overview panels: headline figure, change against the previous period and the
/// same period a year earlier, status against target, a small chart, and the "as of" date.
enum PanelView {
    static func frame(_ kind: PanelKind, _ state: AppState, _ rect: Rect, into c: inout Canvas) -> Rect {
        let focused = state.focus == .panel(kind)
        let title = "\(kind.rawValue + 1) \(state.strings[kind.titleKey])"
        c.fill(rect, role: .background)
        c.box(rect, role: focused ? .accent : .border, title: title, titleRole: focused ? .accent : .title)
        return rect.inset(by: 1).intersection(Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2))
    }

    static func tabs(_ state: AppState, _ r: Rect, into c: inout Canvas) {
        var col = r.x + 1
        for kind in PanelKind.allCases {
            let shown: Bool
            if case .panel(let p) = state.focus { shown = p == kind } else { shown = kind == .dossiers }
            let text = " \(kind.rawValue + 1) \(state.strings[kind.titleKey]) "
            col += c.write(text, x: col, y: r.y, role: shown ? .selection : .muted, maxWidth: r.maxX - col) + 1
        }
    }

    static func draw(_ kind: PanelKind, _ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ rect: Rect,
                     into c: inout Canvas) {
        let inner = frame(kind, state, rect, into: &c)
        guard inner.height >= 1, inner.width >= 10 else { return }
        var lines = Lines(inner: inner)
        switch kind {
        case .dossiers: dossiers(state, snap, fig, &lines, &c)
        case .bts: bts(state, snap, fig, &lines, &c)
        case .ocop: ocop(state, snap, fig, &lines, &c)
        case .tourism: tourism(state, snap, fig, &lines, &c)
        }
    }

    /// Hands out the rows of a panel's inside, top to bottom.
    struct Lines {
        let inner: Rect
        var next = 0
        init(inner: Rect) { self.inner = inner }
        mutating func take() -> Int? {
            guard next < inner.height else { return nil }
            defer { next += 1 }
            return inner.y + next
        }
        var left: Int { inner.height - next }
    }

    /// `▲ 8,2% so kỳ trước · ▲ 21,0% so cùng kỳ`
    static func changes(_ now: Int, _ previous: Int?, _ lastYear: Int?, _ state: AppState, _ y: Int, _ inner: Rect,
                        _ c: inout Canvas) {
        let f = state.format
        let s = state.strings
        let a = UnitFigures.change(now, previous)
        let b = UnitFigures.change(now, lastYear)
        func role(_ r: Double?) -> Role { r == nil ? .muted : (r! >= 0 ? .good : .warn) }
        Widgets.segments([(f.change(a, glyphs: c.glyphs), role(a)), (" \(s[.vsPrevious])", .muted), (" · ", .muted),
                          (f.change(b, glyphs: c.glyphs), role(b)), (" \(s[.vsLastYear])", .muted)],
                         x: inner.x, y: y, maxX: inner.maxX, into: &c)
    }

    /// `Trực tuyến 87,3%   ● đạt` with a gauge below when there is room.
    static func share(_ label: String, _ value: Double?, indicator: String, _ snap: Snapshot, _ state: AppState,
                      _ lines: inout Lines, _ c: inout Canvas, gauge: Bool) {
        guard let y = lines.take() else { return }
        let inner = lines.inner
        let f = state.format
        let status = value.flatMap { snap.targets.status(of: indicator, value: $0) }
        var valueText = f.percent(value, places: indicator == "villages.coverage_share" ? 2 : 1)
        var role = Role.text
        if let (sym, r) = Widgets.mark(status, c.glyphs) {
            valueText += " \(sym) \(Widgets.statusLabel(status, state.strings))"
            role = r
        }
        Widgets.labelValue(label, valueText, x: inner.x, y: y, width: inner.width, valueRole: role, into: &c)
        if gauge, lines.left >= 3, let gy = lines.take() {
            Widgets.gauge(value, x: inner.x, y: gy, width: inner.width, role: role == .text ? .chart1 : role, into: &c)
        }
    }

    static func asOf(_ day: Day, cadenceDays: Int, _ state: AppState, _ lines: inout Lines, _ c: inout Canvas) {
        guard let y = lines.takeLast() else { return }
        let f = state.format
        var text = "\(state.strings[.asOf]) \(f.date(day))"
        var role = Role.muted
        if let now = state.now {
            let age = Int(now.timeIntervalSince1970 / 86400) - day.number
            if age > cadenceDays { text += " \(c.glyphs.warn) \(state.strings[.stale].lowercased())"; role = .stale }
        }
        c.write(text, x: lines.inner.x, y: y, width: lines.inner.width, align: .right, role: role)
    }

    static func dossiers(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ lines: inout Lines, _ c: inout Canvas) {
        let s = state.strings, f = state.format, t = fig.dossiers
        let inner = lines.inner
        asOf(snap.manifest.periodEnd, cadenceDays: 45, state, &lines, &c)
        guard let y0 = lines.take() else { return }
        guard snap.dossiers.covers(fig.period) || t.received > 0 else {
            c.write(s[.noData], x: inner.x, y: y0, role: .muted, maxWidth: inner.width)
            return
        }
        Widgets.labelValue(s[.received], f.integer(t.received), x: inner.x, y: y0, width: inner.width,
                           valueRole: .accent, into: &c)
        if let y = lines.take() {
            changes(t.received, snap.dossiers.covers(fig.period.previous) ? fig.dossiersPrevious.received : nil,
                    snap.dossiers.covers(fig.period.sameLastYear) ? fig.dossiersLastYear.received : nil, state, y, inner, &c)
        }
        share(s[.online], t.onlineShare, indicator: "dossiers.online_share", snap, state, &lines, &c, gauge: lines.left >= 5)
        share(s[.onTime], t.onTimeShare, indicator: "dossiers.on_time_share", snap, state, &lines, &c, gauge: false)
        if let y = lines.take() {
            Widgets.labelValue(s[.overdue], f.integer(t.pendingOverdue), x: inner.x, y: y, width: inner.width,
                               valueRole: t.pendingOverdue > 0 ? .warn : .text, into: &c)
        }
        if let y = lines.take() {
            let series = snap.dossiers.series(unit: fig.unit.index, endingAt: fig.period.lastMonth, count: 12).map(\.received)
            Widgets.sparkline(series, x: inner.x, y: y, width: min(12, inner.width), role: .chart1, into: &c)
            c.write(state.language == .vi ? " 12 tháng" : " 12 months", x: inner.x + 12, y: y, role: .muted,
                    maxWidth: inner.width - 12)
        }
    }

    static func bts(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ lines: inout Lines, _ c: inout Canvas) {
        let s = state.strings, f = state.format
        let inner = lines.inner
        asOf(snap.manifest.periodEnd, cadenceDays: 120, state, &lines, &c)
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.sitesActive], f.integer(fig.sites), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() { changes(fig.sites, fig.sitesPrevious, fig.sitesLastYear, state, y, inner, &c) }
        share(s[.coverage], fig.villages.coverageShare, indicator: "villages.coverage_share", snap, state, &lines, &c,
              gauge: lines.left >= 4)
        if let y = lines.take() {
            let techs = (0..<4).filter { fig.bts.byTech[$0] > 0 }.map { "\(BTSSite.technologies[$0]) \(f.integer(fig.bts.byTech[$0]))" }
            c.write(techs.joined(separator: " · "), x: inner.x, y: y, role: .text, maxWidth: inner.width)
        }
        if let y = lines.take() {
            let none = fig.villages.byMobile[0]
            Widgets.labelValue(s[.noSignal], "\(f.integer(none)) / \(f.integer(fig.villages.villages)) \(s[.villages].lowercased())",
                               x: inner.x, y: y, width: inner.width, valueRole: none > 0 ? .warn : .good, into: &c)
        }
    }

    static func ocop(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ lines: inout Lines, _ c: inout Canvas) {
        let s = state.strings, f = state.format, o = fig.ocop
        let inner = lines.inner
        asOf(snap.manifest.periodEnd, cadenceDays: 120, state, &lines, &c)
        guard let y0 = lines.take() else { return }
        Widgets.labelValue(s[.products], f.integer(o.products), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() {
            let star = String(c.glyphs.star)
            let text = (0..<3).map { "\($0 + 3)\(star) \(f.integer(o.byStars[$0]))" }.joined(separator: " · ")
            c.write(text, x: inner.x, y: y, role: .text, maxWidth: inner.width)
        }
        share(s[.listedOnline], o.listedShare, indicator: "ocop.listed_share", snap, state, &lines, &c, gauge: lines.left >= 3)
        if let y = lines.take() {
            let top = o.byPlatform.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.prefix(4)
            c.write(top.map { "\($0.key) \(f.integer($0.value))" }.joined(separator: " · "), x: inner.x, y: y, role: .text,
                    maxWidth: inner.width)
        }
    }

    static func tourism(_ state: AppState, _ snap: Snapshot, _ fig: UnitFigures, _ lines: inout Lines, _ c: inout Canvas) {
        let s = state.strings, f = state.format
        let inner = lines.inner
        if let last = snap.tourism.lastMonth { asOf(last.lastDay, cadenceDays: 75, state, &lines, &c) }
        guard let y0 = lines.take() else { return }
        guard let t = fig.tourism else {
            c.write(fig.unit.level == .commune ? s[.noTourismHere] : s[.noData], x: inner.x, y: y0, role: .muted,
                    maxWidth: inner.width)
            return
        }
        Widgets.labelValue(s[.visitors], f.integer(t.visitors), x: inner.x, y: y0, width: inner.width, valueRole: .accent, into: &c)
        if let y = lines.take() {
            changes(t.visitors, fig.tourismPrevious?.visitors, fig.tourismLastYear?.visitors, state, y, inner, &c)
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
        if let y = lines.take() {
            let series = snap.tourism.series(unit: fig.unit.index, endingAt: fig.period.lastMonth, count: 12).map(\.visitors)
            Widgets.sparkline(series, x: inner.x, y: y, width: min(12, inner.width), role: .chart4, into: &c)
            c.write(state.language == .vi ? " 12 tháng" : " 12 months", x: inner.x + 12, y: y, role: .muted,
                    maxWidth: inner.width - 12)
        }
    }
}

extension PanelView.Lines {
    /// Takes the bottom row (for the "as of" line), leaving the rest above.
    mutating func takeLast() -> Int? {
        guard inner.height >= 4 else { return nil }
        let y = inner.maxY - 1
        self = PanelView.Lines(inner: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1))
        return y
    }
}
