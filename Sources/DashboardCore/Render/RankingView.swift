import SnapshotKit

/// The wall screen's ranking: the units as large horizontal bars, best first, by the first
/// panel's headline indicator, with its target marked — read from across the room where a
/// table of nine columns would not be.
enum RankingView {
    struct Entry {
        var name: String
        var value: Double?
        var text: String
        var status: TargetStatus?
    }

    struct Ranking {
        var title: String
        var target: Double?
        var isShare: Bool
        var entries: [Entry]
    }

    /// The ranking by `only` (a panel's full-screen step), else by the first panel shown that
    /// has a headline indicator with figures; nil when there is none.
    static func ranking(_ state: AppState, only: Panel? = nil) -> Ranking? {
        guard let snap = state.snapshot else { return nil }
        let rows = TableModel.rows(state)
        for panel in only.map({ [$0] }) ?? state.shownPanels {
            let tiles = rows.map { panel.tile(PanelContext(state: state, snapshot: snap, figures: $0), .unicode) }
            guard let label = tiles.first?.label, tiles.contains(where: { $0.value != nil && !$0.indicator.isEmpty }) else { continue }
            let indicator = tiles.first { !$0.indicator.isEmpty }?.indicator ?? ""
            let isShare = snap.indicators[indicator]?.isShare ?? false
            // Best first: the lowest first where lower is better; units without a value last.
            let sign = snap.indicators[indicator]?.better == .lower ? -1.0 : 1.0
            let entries = zip(rows, tiles).map { row, t in
                Entry(name: UnitColumn.name.text(row, state.format), value: t.value,
                      // A share as its tile writes it (97,61% for coverage, so 94,18% and 94,17% differ).
                      text: t.value.map { isShare ? t.big : state.format.signedPercent($0) } ?? "—",
                      status: t.value.flatMap { snap.targets.status(of: indicator, value: $0) })
            }.sorted { ((sign * ($0.value ?? -sign * .infinity)), $1.name) > ((sign * ($1.value ?? -sign * .infinity)), $0.name) }
            // A value that is not a share is a change against a year earlier (tourism's growth).
            let what = isShare ? label : "\(label) \(state.strings[.vsLastYear])"
            return Ranking(title: "\(state.strings[.ranking]): \(panel.title(state.strings)) · \(what)",
                           target: snap.targets.targets[indicator]?.target, isShare: isShare, entries: entries)
        }
        return nil
    }

    /// Rows per unit when every unit fits: up to five (four of bar and a gap); one when not.
    static func rowHeight(_ rect: Rect, count: Int) -> Int { max(1, min(5, (rect.height - 2) / max(1, count))) }

    /// Rows of bar per unit: all but a gap between units (none at one row a unit).
    static func barRows(_ h: Int) -> Int { h >= 2 ? h - 1 : 1 }

    static func capacity(_ rect: Rect, count: Int) -> Int { max(0, (rect.height - 2) / rowHeight(rect, count: count)) }

    /// The row of the `k`th unit shown of `shown`: the units spread over the box's height, the
    /// rows a whole number of rows per unit leaves shared out among the gaps (18 units in 44
    /// rows: two and three rows apart, in turn), so that none stays empty under the last
    /// unit's gap; five rows apart at most.
    static func row(_ k: Int, of shown: Int, _ inner: Rect, _ h: Int) -> Int {
        // One row a unit with a few rows to spare (18 units in 22): a blank row after every
        // fifth rank, as a long list is read.
        guard h >= 2 else { return inner.y + k + min(k / 5, max(0, inner.height - shown)) }
        let height = inner.height / max(1, shown) > 5 ? shown * 5 : inner.height + 1
        return inner.y + k * height / max(1, shown)
    }

    static func draw(_ state: AppState, _ rect: Rect, scroll: Int, only: Panel? = nil, into c: inout Canvas) {
        guard let r = ranking(state, only: only) else { return }
        c.fill(rect, role: .background)
        c.box(rect, role: .border, title: r.title, titleRole: .title)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let h = rowHeight(rect, count: r.entries.count)
        let nameWidth = min(max(22, inner.width / 3), max(10, r.entries.map { DisplayWidth.of($0.name) }.max() ?? 10) + 1)
        let valueWidth = 9
        let barWidth = inner.width - nameWidth - valueWidth - 4
        guard barWidth >= 8 else { return }
        // Shares start below the lowest value (and the target), so that 83% and 94% look
        // different; the title says where the scale starts.
        let known = r.entries.compactMap(\.value)
        let lo = r.isShare ? max(0, ((min(known.min() ?? 0, r.target ?? 1) - 0.05) * 10).rounded(.down) / 10) : 0
        let hi = r.isShare ? 1.0 : max(known.map(abs).max() ?? 1, 1e-9)
        if r.isShare, lo > 0 {
            c.write(" \(state.format.percent(lo, places: 0))–100% ", x: rect.x, y: rect.y, width: rect.width - 2, align: .right,
                    role: .muted)
        }
        let shown = min(r.entries.count - scroll, capacity(rect, count: r.entries.count))
        for (k, e) in r.entries.enumerated().dropFirst(scroll).prefix(shown) {
            let y = row(k - scroll, of: shown, inner, h)
            let mark = Widgets.mark(e.status, c.glyphs)
            c.write(e.name, x: inner.x, y: y, role: .title, maxWidth: nameWidth - 1)
            let filled = e.value.map { Int((max(0, abs($0) - lo) / (hi - lo) * Double(barWidth)).rounded()) } ?? 0
            for dy in 0..<barRows(h) {
                for dx in 0..<barWidth {
                    c.put(dx < filled ? c.glyphs.barFull : c.glyphs.barEmpty, width: 1, x: inner.x + nameWidth + dx, y: y + dy,
                          role: dx < filled ? (mark?.1 ?? .chart1) : .barEmpty)
                }
                if let t = r.target, r.isShare {
                    let tx = inner.x + nameWidth + min(barWidth - 1, max(0, Int(((t - lo) / (hi - lo) * Double(barWidth)).rounded())))
                    c.put(c.glyphs.vertical, width: 1, x: tx, y: y + dy, role: .warn)
                }
            }
            c.write(e.text, x: inner.x + nameWidth + barWidth + 1, y: y, width: valueWidth, align: .right, role: .bigDigits)
            if let (sym, role) = mark { c.put(sym, width: 1, x: inner.maxX - 1, y: y, role: role) }
        }
        let total = r.entries.count, cap = capacity(rect, count: total)
        if total > cap {
            c.write(" \(scroll + 1)–\(min(total, scroll + cap))/\(total) ", x: rect.x, y: rect.maxY - 1, width: rect.width - 2,
                    align: .right, role: .muted)
        }
    }
}
