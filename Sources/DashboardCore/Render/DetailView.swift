import SnapshotKit

/// A commune's detail: the lists each panel gives (dossiers by field and level, villages and
/// their coverage, BTS sites, the OCOP products of its district).
enum DetailView {
    /// The number of rows of the longest list a commune shows.
    static func longestList(_ state: AppState) -> Int {
        guard let snap = state.snapshot, let here = state.placeIndex, let period = state.period else { return 0 }
        let ctx = PanelContext(state: state, snapshot: snap, figures: UnitFigures(snapshot: snap, unit: here, period: period))
        return state.shownPanels.flatMap { $0.detail(ctx, .unicode) }.map(\.rows.count).max() ?? 0
    }

    static func draw(_ ctx: PanelContext, _ rect: Rect, into c: inout Canvas) {
        let g = c.glyphs
        if rect.height >= 20 {
            // Room for every list: two columns, filled top to bottom.
            let lists = ctx.state.shownPanels.flatMap { $0.detail(ctx, g) }
            guard !lists.isEmpty else { return }
            let perColumn = (lists.count + 1) / 2
            for (k, half) in rect.columns([1, 1]).enumerated() {
                let mine = Array(lists.dropFirst(k * perColumn).prefix(perColumn))
                guard !mine.isEmpty else { continue }
                for (list, r) in zip(mine, half.rows(Array(repeating: 1, count: perColumn))) {
                    list.draw(in: r, scroll: ctx.state.listScroll, into: &c)
                }
            }
            return
        }
        // Little room: the lists of the focused panel only (Tab or 1–N switch), else the first
        // panel's.
        let focused = ctx.state.panels[ctx.state.focusedPanelOrFirst]?.detail(ctx, g) ?? []
        let lists = focused.isEmpty ? (ctx.state.shownPanels.first?.detail(ctx, g) ?? []) : focused
        guard !lists.isEmpty else { return }
        for (list, r) in zip(lists, rect.columns(Array(repeating: 1, count: lists.count))) {
            list.draw(in: r, scroll: ctx.state.listScroll, into: &c)
        }
    }
}

/// One panel full screen, with its detail table: every child unit's figures for that panel,
/// and a bar per unit.
enum ExpandedPanelView {
    static func draw(_ panel: Panel, _ ctx: PanelContext, _ rect: Rect, tableOnly: Bool = false, into c: inout Canvas) {
        var bottom = rect
        if !tableOnly {
            let (top, rest) = rect.splitTop(min(9, rect.height / 2))
            PanelView.draw(panel, ctx, top, into: &c)
            bottom = rest
        }
        // The rows of the unit table, in its order: the same keys move, scroll and sort both.
        let children = TableModel.rows(ctx.state)
        let selected = tableOnly || ctx.state.kiosk != nil ? nil : ctx.state.selectedRow
        panel.expanded(ctx, children, c.glyphs).draw(in: bottom, scroll: ctx.state.kiosk.map { _ in ctx.state.listScroll } ?? 0,
                                                    selected: selected, into: &c)
    }
}
