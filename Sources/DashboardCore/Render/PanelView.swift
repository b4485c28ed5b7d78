import Foundation
import SnapshotKit

/// Hands out the rows of a panel's inside, top to bottom.
public struct PanelLines {
    public let inner: Rect
    var next = 0
    public init(inner: Rect) { self.inner = inner }
    public mutating func take() -> Int? {
        guard next < inner.height else { return nil }
        defer { next += 1 }
        return inner.y + next
    }
    public var left: Int { inner.height - next }

    /// Takes the bottom row (for the "as of" line), leaving the rest above.
    public mutating func takeLast() -> Int? {
        guard inner.height >= 4 else { return nil }
        let y = inner.maxY - 1
        self = PanelLines(inner: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1))
        return y
    }
}

/// A panel in the overview: its frame and title (number, name; accented when focused), then
/// what the panel draws inside; and the tab strip when one panel shows at a time.
enum PanelView {
    static func frame(_ panel: Panel, number: Int, _ state: AppState, _ rect: Rect, into c: inout Canvas) -> Rect {
        let focused = state.focus == .panel(panel.id)
        let title = "\(number) \(panel.title(state.strings))"
        c.fill(rect, role: .background)
        c.box(rect, role: focused ? .accent : .border, title: title, titleRole: focused ? .accent : .title)
        return rect.inset(by: 1).intersection(Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2))
    }

    /// When the titles do not all fit, the tab shown keeps its title and the others share the
    /// rest (the shortest whole), each keeping at least its number.
    static func tabs(_ state: AppState, _ r: Rect, into c: inout Canvas) {
        var col = r.x + 1
        let panels = state.shownPanels
        let shown = state.focusedPanelOrFirst
        let texts = panels.enumerated().map { k, panel in " \(k + 1) \(panel.title(state.strings)) " }
        var widths = texts.map(\.count)
        let selected = panels.firstIndex { $0.id == shown } ?? 0
        if widths.reduce(0, +) + texts.count > r.width - 1 {
            let others = widths.indices.filter { $0 != selected }.sorted { widths[$0] < widths[$1] }
            var budget = r.width - 1 - texts.count - widths[selected]
            for (i, k) in others.enumerated() {
                widths[k] = min(widths[k], max(4, budget / (others.count - i)))
                budget -= widths[k]
            }
        }
        for (k, panel) in panels.enumerated() {
            col += c.write(texts[k], x: col, y: r.y, role: panel.id == shown ? .selection : .muted,
                           maxWidth: min(widths[k], r.maxX - col)) + 1
        }
    }

    static func draw(_ panel: Panel, _ ctx: PanelContext, _ rect: Rect, into c: inout Canvas) {
        let number = (ctx.state.shownPanels.firstIndex { $0.id == panel.id } ?? 0) + 1
        let inner = frame(panel, number: number, ctx.state, rect, into: &c)
        guard inner.height >= 1, inner.width >= 10 else { return }
        var lines = PanelLines(inner: inner)
        panel.compact(ctx, &lines, &c)
    }
}

/// Pieces the panels share: the change line, a share with its status and gauge, the "as of"
/// line, the "no data" line and a 12-month sparkline.
enum PanelParts {
    /// `▲ 8,2% so kỳ trước · ▲ 21,0% so cùng kỳ`
    static func changes(_ now: Int, _ previous: Int?, _ lastYear: Int?, span: Span, _ state: AppState, _ y: Int, _ inner: Rect,
                        _ c: inout Canvas) {
        let f = state.format
        let a = UnitFigures.change(now, previous)
        let b = UnitFigures.change(now, lastYear)
        let words = comparedWords(span, state)
        func role(_ r: Double?) -> Role { r == nil ? .muted : (r! >= 0 ? .good : .warn) }
        Widgets.segments([(f.change(a, glyphs: c.glyphs), role(a)), (" \(words.previous)", .muted), (" · ", .muted),
                          (f.change(b, glyphs: c.glyphs), role(b)), (" \(words.lastYear)", .muted)],
                         x: inner.x, y: y, maxX: inner.maxX, into: &c)
    }

    /// What a panel's change is against: "so kỳ trước" / "so cùng kỳ" for a whole period (the
    /// header names them); for part of a quarter the months compared (`so T7`, `so T10/2025`),
    /// so that October against July never reads as a quarter against a quarter.
    static func comparedWords(_ span: Span, _ state: AppState) -> (previous: String, lastYear: String, previousWord: String, lastYearWord: String) {
        let s = state.strings, f = state.format
        let year = span.lastMonth.year
        guard let p = f.monthsCompared(span.previous, shownYear: year), let l = f.monthsCompared(span.sameLastYear, shownYear: year) else {
            return (s[.vsPrevious], s[.vsLastYear], s[.previousWord], s[.lastYearWord])
        }
        let vs = f.language == .vi ? "so" : "vs"
        return ("\(vs) \(p)", "\(vs) \(l)", p, l)
    }

    /// `Trực tuyến 87,3%   ● đạt` with a gauge below when there is room.
    /// A share's change in points against the period before and a year earlier: on a line of
    /// its own under the share (`changeLine`), else the year's beside the share when it fits.
    struct ShareChange {
        var previous: Double?
        var lastYear: Double?
        var ownLine: Bool
    }

    static func share(_ label: String, _ value: Double?, indicator: String, places: Int = 1, _ ctx: PanelContext,
                      _ lines: inout PanelLines, _ c: inout Canvas, gauge: Bool, change: ShareChange? = nil) {
        guard let y = lines.take() else { return }
        let inner = lines.inner
        let status = value.flatMap { ctx.snapshot.targets.status(of: indicator, value: $0) }
        let number = ctx.format.percent(value, places: places)
        // `▲ 3,3 điểm %` beside the share when it has no line of its own.
        let beside = change.flatMap { $0.ownLine || $0.lastYear == nil ? nil : ctx.format.pointsChange($0.lastYear, glyphs: c.glyphs) }
        func fits(_ text: String) -> Bool { DisplayWidth.of(label) + 1 + DisplayWidth.of(text) <= inner.width }
        var candidates: [String] = []
        var role = Role.text
        if let (sym, r) = Widgets.mark(status, c.glyphs) {
            // The status's short word before the label is cut (`Trực t… 81,0% ◆ Có nguy cơ…`).
            let full = " \(sym) \(Widgets.statusLabel(status, ctx.strings))"
            let short = " \(sym) \(Widgets.statusLabel(status, ctx.strings, short: true))"
            // The change before the status's word: the symbol alone says the status (as tourism's does).
            if let b = beside { candidates += [number + " " + b + full, number + " " + b + short, "\(number) \(b) \(sym)"] }
            candidates += [number + full, number + short]
            role = r
        } else {
            if let b = beside { candidates.append(number + " " + b) }
            candidates.append(number)
        }
        let valueText = candidates.first(where: fits) ?? candidates.last!
        Widgets.labelValue(label, valueText, x: inner.x, y: y, width: inner.width, valueRole: role, into: &c)
        if gauge, lines.left >= 3, let gy = lines.take() {
            Widgets.gauge(value, x: inner.x, y: gy, width: inner.width, role: role == .text ? .chart1 : role, into: &c)
        }
        if let ch = change, ch.ownLine, let cy = lines.take() {
            pointsChanges(ch.previous, ch.lastYear, span: ctx.figures.span, ctx.state, cy, inner, &c)
        }
    }

    /// `  ▲ 3,3 điểm % so kỳ trước · ▼ 0,4 điểm % so cùng kỳ`: a share's change in points; where
    /// that does not fit, `kỳ trước ▲3,3 · cùng kỳ ▼0,4 điểm %`.
    static func pointsChanges(_ previous: Double?, _ lastYear: Double?, span: Span, _ state: AppState, _ y: Int, _ inner: Rect,
                              _ c: inout Canvas) {
        let f = state.format, s = state.strings
        func role(_ r: Double?) -> Role { r == nil ? .muted : (r! >= 0 ? .good : .warn) }
        let a = f.pointsChange(previous, glyphs: c.glyphs), b = f.pointsChange(lastYear, glyphs: c.glyphs)
        let words = comparedWords(span, state)
        let full: [(String, Role)] = [("  ", .muted), (a, role(previous)), (" \(words.previous)", .muted),
                                      (" · ", .muted), (b, role(lastYear)), (" \(words.lastYear)", .muted)]
        guard full.map({ DisplayWidth.of($0.0) }).reduce(0, +) > inner.width else {
            _ = Widgets.segments(full, x: inner.x, y: y, maxX: inner.maxX, into: &c)
            return
        }
        // The numbers without their unit, the unit once at the end.
        let unit = " " + f.pointsUnit
        func bare(_ t: String) -> String {
            (t.hasSuffix(unit) ? String(t.dropLast(unit.count)) : t).replacingOccurrences(of: " ", with: "")
        }
        _ = Widgets.segments([("\(words.previousWord) ", .muted), (bare(a), role(previous)), (" · \(words.lastYearWord) ", .muted),
                          (bare(b), role(lastYear)), (lastYear == nil && previous == nil ? "" : unit, .muted)],
                         x: inner.x, y: y, maxX: inner.maxX, into: &c)
    }

    /// The panel's last line: the last day its figures cover for the period shown, `đến
    /// 31/03/2023` (a past period's end, not the export's; a stock known only as of the export,
    /// `stock`, says the export's end), or for a period wholly after the data `số liệu chỉ đến
    /// 31/10/2026`; after the first of `notes` that fits (`Thôn: số liệu hiện tại`), and marked
    /// when the panel's data (`dataEnd`) is older than its cadence.
    static func asOf(_ span: Span, dataEnd: Day, stock: Bool = false, cadenceDays: Int, notes: [String] = [],
                     _ state: AppState, _ lines: inout PanelLines, _ c: inout Canvas) {
        guard let y = lines.takeLast() else { return }
        let f = state.format, s = state.strings
        let beyond = span.isEmpty
        let date = beyond ? "\(s[.dataOnlyTo]) \(f.date(dataEnd))" : "\(s[.asOf]) \(f.date(stock ? dataEnd : span.endDay))"
        let fitting = beyond ? nil : notes.first { DisplayWidth.of($0 + " · " + date) <= lines.inner.width } ?? notes.last
        var text = (fitting.map { $0 + " · " } ?? "") + date
        var role = Role.muted
        // Old data is said once, in the header; a panel says so only when its own figures are
        // older than their cadence while the export itself is fresh.
        if let now = state.now, state.staleDays == nil, !state.clockIsBehind {
            let age = Int(now.timeIntervalSince1970 / 86400) - dataEnd.number
            if age > cadenceDays { text += " · \(state.strings[.stale].lowercased())"; role = .stale }
        }
        c.write(text, x: lines.inner.x, y: y, width: lines.inner.width, align: .right, role: role)
    }

    static func muted(_ text: String, _ lines: inout PanelLines, _ c: inout Canvas) {
        guard let y = lines.take() else { return }
        c.write(text, x: lines.inner.x, y: y, role: .muted, maxWidth: lines.inner.width)
    }

    /// With room for it (a tall panel on a wall screen), a multi-row chart of the months in
    /// the rows left; else nothing. Returns whether it drew.
    @discardableResult
    static func chart(_ chart: MonthChart, _ state: AppState, _ lines: inout PanelLines, _ c: inout Canvas) -> Bool {
        guard lines.left >= MonthChart.minimumHeight + 1, lines.take() != nil else { return false }
        let top = lines.inner.y + lines.next
        let rect = Rect(x: lines.inner.x, y: top, width: lines.inner.width, height: lines.inner.maxY - top)
        while lines.take() != nil {}
        chart.draw(in: rect, format: state.format, into: &c)
        return true
    }

    /// A 12-month sparkline with its label.
    static func trend(_ series: [Int], label: String? = nil, role: Role, _ state: AppState, _ lines: inout PanelLines,
                      _ c: inout Canvas) {
        guard let y = lines.take() else { return }
        let inner = lines.inner
        Widgets.sparkline(series, x: inner.x, y: y, width: min(12, inner.width), role: role, into: &c)
        c.write(" " + (label.map { $0 + " " } ?? "") + state.strings[.twelveMonths], x: inner.x + 12, y: y, role: .muted,
                maxWidth: inner.width - 12)
    }

    /// A 12-month sparkline of a share (months without data left blank) with its label:
    /// `▃▄▅▆▇ Trực tuyến 12 tháng 81%–88%`.
    static func shareTrend(_ series: [Double?], label: String, role: Role, _ state: AppState, _ lines: inout PanelLines,
                           _ c: inout Canvas) {
        guard let y = lines.take() else { return }
        let inner = lines.inner, f = state.format
        Widgets.sparkline(shares: series, x: inner.x, y: y, width: min(12, inner.width), role: role, into: &c)
        let known = series.compactMap { $0 }
        var text = " \(label) \(state.strings[.twelveMonths])"
        if let lo = known.min(), let hi = known.max() { text += " \(f.percent(lo, places: 0))–\(f.percent(hi, places: 0))" }
        c.write(text, x: inner.x + 12, y: y, role: .muted, maxWidth: inner.width - 12)
    }

    /// A bar of `width` cells for a value out of `maximum` (a change's size, say): proportional
    /// to the value itself, not to a count beside it.
    static func bar(share v: Double?, of maximum: Double, _ width: Int, _ g: Glyphs) -> String {
        guard let v, maximum > 0 else { return "" }
        return String(repeating: g.barFull, count: Int((v / maximum * Double(width)).rounded()))
    }

    /// A bar of `width` cells for `v` out of `maximum`.
    static func bar(_ v: Int, _ maximum: Int, _ width: Int, _ g: Glyphs) -> String {
        guard maximum > 0 else { return "" }
        return String(repeating: g.barFull, count: Int((Double(v) / Double(maximum) * Double(width)).rounded()))
    }
}
