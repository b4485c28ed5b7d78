/// Where each part of the screen goes, from the state and the terminal size.
///
/// Proportional (weights), not fixed cell counts, and driven by the number of panels: at
/// 80×24 the panels become tabs above the table; from 100 columns they stand in two columns;
/// from 150, all across (while each keeps 30 columns); from 240, the panels and the table
/// stand side by side.
public struct Layout: Equatable, Sendable {
    public static let minimum = Size(width: 60, height: 16)

    public var header: Rect
    public var subheader: Rect
    public var status: Rect
    public var body: Rect
    /// Visible panels and their frames.
    public var panels: [(PanelID, Rect)]
    /// A one-row tab strip when only one panel is visible at a time.
    public var tabs: Rect?
    public var table: Rect?
    /// Commune detail area.
    public var detail: Rect?
    /// Below the table, when it leaves room: the units furthest behind and the largest changes.
    public var insights: Rect?
    /// The map, where the panels would stand (`AppState.showMap`).
    public var map: Rect?
    /// Rows at the table's foot (the dossiers received above the communes, in a district).
    public var tableFooterRows = 0

    public static func == (a: Layout, b: Layout) -> Bool {
        a.header == b.header && a.body == b.body && a.table == b.table && a.detail == b.detail && a.tabs == b.tabs
            && a.insights == b.insights && a.map == b.map
            && a.panels.map(\.0) == b.panels.map(\.0) && a.panels.map(\.1) == b.panels.map(\.1)
    }

    /// nil when the terminal is below the minimum size.
    public static func make(_ state: AppState) -> Layout? {
        guard var layout = panelsAndTable(state) else { return nil }
        // The map takes the panels' place (the tab strip stays: it names the indicator).
        if state.showMap, state.expandedPanel == nil, let first = layout.panels.first?.1 {
            layout.map = layout.panels.dropFirst().reduce(first) { a, p in
                let r = p.1
                let x = min(a.x, r.x), y = min(a.y, r.y)
                return Rect(x: x, y: y, width: max(a.maxX, r.maxX) - x, height: max(a.maxY, r.maxY) - y)
            }
            layout.panels = []
            // Stacked above the table, the map takes three fifths (the table scrolls; eight rows stay).
            if var map = layout.map, var table = layout.table, table.y == map.maxY {
                let grow = min(layout.body.height * 3 / 5, map.height + table.height - 8) - map.height
                if grow > 0 {
                    map.height += grow; table.y += grow; table.height -= grow
                    layout.map = map; layout.table = table
                }
            }
        }
        return layout
    }

    private static func panelsAndTable(_ state: AppState) -> Layout? {
        let size = state.size
        guard size.width >= minimum.width, size.height >= minimum.height else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (header, rest1) = screen.splitTop(1)
        let (subheader, rest2) = rest1.splitTop(1)
        let (body, status) = rest2.splitBottom(1)
        var layout = Layout(header: header, subheader: subheader, status: status, body: body, panels: [], tabs: nil,
                            table: nil, detail: nil, insights: nil)
        // A province's or district's table ends with what it received itself (so it adds up).
        if let i = state.placeIndex, let u = state.snapshot?.units.units[i], u.level != .commune { layout.tableFooterRows = 1 }
        if let p = state.expandedPanel {
            layout.panels = [(p, body)]
            return layout
        }
        let isCommune: Bool
        if case .commune = state.place { isCommune = true } else { isCommune = false }
        let ids = state.shownPanels.map(\.id)
        // More than four panels stand three to a row when each keeps 38 columns.
        let perRow = PanelGrid.perRow(count: ids.count, width: size.width, minimumWidth: 38)
        let gridRows = (ids.count + perRow - 1) / perRow
        // Panels take what the table does not need: at least 9 rows each (8 in a grid, 9 in its
        // first row, whose dossiers panel has seven lines: received, change, two shares, overdue,
        // the 766 estimate, the date), and on a tall screen up to three fifths of it, where they
        // have room for month charts.
        let tableRows = state.snapshot.flatMap { s in state.placeIndex.map { s.units.units[$0].children.count } } ?? 11
        let spare = body.height - (tableRows + 3 + layout.tableFooterRows)
        let tall = body.height * 3 / 5
        let panelHeight = min(max(12, tall), max(9, spare))
        let gridHeight = min(max(gridRows * 11, tall), max(gridRows * 8 + 1, spare))
        if size.width >= 240 && !isCommune {
            let cols = body.columns([3, 2], gap: 1)
            layout.panels = grid(cols[0], ids, columns: 2)
            layout.table = cols[1]
            // What the table does not need goes to the units that most need attention.
            let need = tableRows + 3 + layout.tableFooterRows
            if cols[1].height - need >= 8 {
                let (table, insights) = cols[1].splitTop(need)
                layout.table = table
                layout.insights = insights
            }
        } else if size.width >= 150 && size.width / max(1, ids.count) >= 30 && body.height >= 9 + 8 {
            let (top, bottom) = body.splitTop(isCommune ? 9 : fill(&layout, body, panels: panelHeight, spare: spare))
            layout.panels = Array(zip(ids, top.columns(Array(repeating: 1, count: ids.count), gap: 0)))
            assign(&layout, bottom, isCommune)
        } else if size.width >= 100 && body.height >= gridRows * 8 + 10 {
            let (top, bottom) = body.splitTop(isCommune ? gridRows * 8 : fill(&layout, body, panels: gridHeight, spare: spare))
            layout.panels = grid(top, ids, columns: perRow)
            assign(&layout, bottom, isCommune)
        } else {
            let (tabs, rest) = body.splitTop(1)
            // The map wants rows more than the table does: it leaves the table five.
            let mapRows = state.showMap ? max(8, rest.height - 8) : 0
            let (panel, bottom) = rest.splitTop(isCommune ? 9 : max(mapRows, min(min(12, panelHeight), max(8, rest.height - 8))))
            layout.tabs = tabs
            layout.panels = [(state.focusedPanelOrFirst, panel)]
            assign(&layout, bottom, isCommune)
        }
        return layout
    }

    private static func assign(_ layout: inout Layout, _ area: Rect, _ isCommune: Bool) {
        if isCommune { layout.detail = area } else { layout.table = area; layout.takeInsights() }
    }

    /// The panels' height when the table needs fewer rows than it is left (`spare` rows for the
    /// panels): no row under the table stays empty. A few rows more go to the panels (their
    /// charts grow); eight or more stand under the table as the units needing attention.
    private static func fill(_ layout: inout Layout, _ body: Rect, panels: Int, spare: Int) -> Int {
        let excess = spare - panels
        guard excess > 0 else { return panels }
        if excess >= 8 { layout.insightsRows = excess; return panels }
        return panels + excess
    }

    /// Rows under the table for the insights (set by `fill`, taken by `assign`).
    private var insightsRows = 0

    private mutating func takeInsights() {
        guard insightsRows > 0, let t = table, t.height > insightsRows else { return }
        let (top, bottom) = t.splitBottom(insightsRows)
        table = top
        insights = bottom
    }

    /// `columns` panels to a row; the last row's panels share its whole width.
    private static func grid(_ area: Rect, _ kinds: [PanelID], columns: Int) -> [(PanelID, Rect)] {
        Array(zip(kinds, PanelGrid.cells(area, count: kinds.count, perRow: columns)))
    }

    /// Visible data rows of the table (frame and column header excluded).
    public var tableCapacity: Int { max(0, (table?.height ?? 0) - 3 - tableFooterRows) }

    /// First row shown, so that the selection stays visible.
    public func tableScroll(_ state: AppState) -> Int {
        let cap = tableCapacity
        guard cap > 0 else { return 0 }
        return max(0, state.selectedRow - cap + 1)
    }
}
