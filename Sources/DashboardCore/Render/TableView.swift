import SnapshotKit

/// The unit table: one row per district (or commune), each panel's key figure, sortable,
/// the worst value of a column marked.
enum TableView {
    /// The columns the current level has figures for.
    static func available(_ state: AppState) -> [UnitColumn] {
        let top = state.placeIndex.map { state.snapshot?.units.units[$0].level == .province } ?? true
        return state.panels.tableColumns.filter { top || !$0.aboveCommuneOnly }
    }

    /// The columns on screen now (what `s` cycles through): those that fit the table's width.
    static func shownColumns(_ state: AppState) -> [UnitColumn] {
        guard let table = Layout.make(state)?.table else { return available(state) }
        return fit(available(state), width: table.width - 4).map(\.0)
    }

    /// The columns that fit in `width`, with their widths (weights share out the rest).
    static func fit(_ all: [UnitColumn], width: Int) -> [(UnitColumn, Int)] {
        var shown = all
        while shown.count > 1, shown.reduce(0, { $0 + $1.minWidth + 1 }) > width {
            guard let drop = shown.indices.filter({ shown[$0].priority > 0 }).max(by: { (shown[$0].priority, $0) < (shown[$1].priority, $1) }) else { break }
            shown.remove(at: drop)
        }
        let spare = max(0, width - shown.reduce(0) { $0 + $1.minWidth + 1 })
        let extra = Rect.split(spare, shown.map(\.weight))
        return zip(shown, extra).map { ($0, $0.minWidth + $1) }
    }

    /// `scroll`: the first row shown when there is no selection to follow (the kiosk's page).
    static func draw(_ state: AppState, _ layout: Layout, _ rect: Rect, into c: inout Canvas, showSelection: Bool = true,
                     scroll fixedScroll: Int = 0) {
        guard let snap = state.snapshot, let here = state.placeIndex else { return }
        let s = state.strings, f = state.format
        let rows = TableModel.rows(state)
        let unit = snap.units.units[here]
        let focused = state.focus == .table
        let sortTitle = (state.panels.tableColumn(state.sortColumn) ?? .name).title(s)
        let arrow = state.sortDescending ? c.glyphs.sortDown : c.glyphs.sortUp
        let two = state.snapshot?.units.twoTier == true
        let kind: StringKey = !two ? (unit.level == .province ? .districtsTable : .communesTable)
            : unit.level == .province && !TableModel.flat(state) && rows.first?.unit.isGrouping == true ? .groupsTable : .twoTierCommunesTable
        let title = "\(s[kind]) (\(rows.count)) · \(s[.sortedBy]) \(sortTitle) \(arrow)"
        c.fill(rect, role: .background)
        c.box(rect, role: focused ? .accent : .border, title: title, titleRole: focused ? .accent : .title)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard inner.height >= 2, inner.width >= 20 else { return }
        let cols = fit(available(state), width: inner.width - 2)
        // Column header.
        var x = inner.x + 2
        for (col, w) in cols {
            let sorted = col.id == state.sortColumn
            c.write(col.title(s) + (sorted ? String(arrow) : ""), x: x, y: inner.y, width: w,
                    align: col.id == UnitColumn.name.id ? .left : .right, role: sorted ? .accent : .muted)
            x += w + 1
        }
        let worst = Dictionary(uniqueKeysWithValues: cols.map { col, _ in (col.id, TableModel.worst(rows, col)) })
        if layout.tableFooterRows > 0, let remainder = TableModel.receivedAboveChildren(state, rows), inner.height > 2 {
            // Every table adds up to its parent: what the province or district received itself,
            // its figure under the received column, what it is beside it.
            let y = inner.maxY - 1
            let label = TableModel.remainder(snap.units, of: unit, flat: TableModel.flat(state))
            var x = inner.x + 2
            var column: (x: Int, width: Int)?
            for (col, w) in cols {
                if col.id == "received" { column = (x, w); break }
                x += w + 1
            }
            let (fx, fw) = column ?? (inner.x + inner.width - 12, 11)
            c.write(s[label.name], x: inner.x + 2, y: y, role: .muted, maxWidth: max(0, fx + fw - 10 - inner.x - 2))
            c.write(f.integer(remainder), x: fx, y: y, width: fw, align: .right, role: .muted)
            c.write(s[label.note], x: fx + fw + 2, y: y, role: .muted, maxWidth: max(0, inner.maxX - fx - fw - 2))
        }
        let scroll = showSelection ? layout.tableScroll(state) : fixedScroll
        if rows.contains(where: { $0.unit.straddles }), rect.width > 40 {
            // The mark on a straddling commune's name, explained on the bottom border.
            c.write(" \(s[.straddlesLegend]) ", x: rect.x + 2, y: rect.maxY - 1, role: .muted, maxWidth: rect.width - 16)
        }
        if rows.count > layout.tableCapacity, layout.tableCapacity > 0 {
            let position = " \(scroll + 1)–\(min(rows.count, scroll + layout.tableCapacity))/\(rows.count) "
            c.write(position, x: rect.x, y: rect.maxY - 1, width: rect.width - 2, align: .right, role: .muted)
        }
        for (k, row) in rows.enumerated().dropFirst(scroll).prefix(layout.tableCapacity) {
            let y = inner.y + 1 + (k - scroll)
            let selected = showSelection && k == state.selectedRow
            if selected {
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection)
                c.put(c.glyphs.pointer, width: 1, x: inner.x, y: y, role: .selection)
            }
            var x = inner.x + 2
            for (col, w) in cols {
                var role = Role.text
                var shown = col.text(row, f)
                if worst[col.id]?.contains(k) == true { role = .bad; shown += String(c.glyphs.worst) }
                if selected { role = .selection }
                c.write(shown, x: x, y: y, width: w, align: col.id == UnitColumn.name.id ? .left : .right, role: role)
                x += w + 1
            }
        }
    }
}
