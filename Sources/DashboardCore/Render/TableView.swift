import SnapshotKit

/// The unit table: one row per district (or commune), each panel's key figure, sortable,
/// the worst value of a column marked.
enum TableView {
    struct Column {
        let column: TableColumn
        let title: String
        let weight: Int
        let minWidth: Int
        /// Lower number = dropped last when space runs out.
        let priority: Int
    }

    static func columns(_ s: Strings, _ lang: Language) -> [Column] {
        [
            Column(column: .name, title: s[.unit], weight: 5, minWidth: 16, priority: 0),
            Column(column: .received, title: s[.received], weight: 2, minWidth: 9, priority: 1),
            Column(column: .online, title: s[.online], weight: 2, minWidth: 10, priority: 1),
            Column(column: .onTime, title: s[.onTime], weight: 2, minWidth: 9, priority: 2),
            Column(column: .overdue, title: s[.overdue], weight: 2, minWidth: 8, priority: 3),
            Column(column: .sites, title: "BTS", weight: 2, minWidth: 6, priority: 2),
            Column(column: .coverage, title: s[.coverage], weight: 2, minWidth: 10, priority: 1),
            Column(column: .ocop, title: "OCOP", weight: 2, minWidth: 6, priority: 3),
            Column(column: .visitors, title: s[.visitors], weight: 2, minWidth: 11, priority: 2),
        ]
    }

    /// The columns that fit in `width`, with their widths (weights share out the rest).
    static func fit(_ all: [Column], width: Int) -> [(Column, Int)] {
        var shown = all
        while shown.count > 1, shown.reduce(0, { $0 + $1.minWidth + 1 }) > width {
            guard let drop = shown.indices.filter({ shown[$0].priority > 0 }).max(by: { (shown[$0].priority, $0) < (shown[$1].priority, $1) }) else { break }
            shown.remove(at: drop)
        }
        let spare = max(0, width - shown.reduce(0) { $0 + $1.minWidth + 1 })
        let extra = Rect.split(spare, shown.map(\.weight))
        return zip(shown, extra).map { ($0, $0.minWidth + $1) }
    }

    static func draw(_ state: AppState, _ layout: Layout, _ rect: Rect, into c: inout Canvas, showSelection: Bool = true) {
        guard let snap = state.snapshot, let here = state.placeIndex else { return }
        let s = state.strings, f = state.format
        let rows = TableModel.rows(state)
        let unit = snap.units.units[here]
        let focused = state.focus == .table
        let sortTitle = columns(s, state.language).first { $0.column == state.sortColumn }?.title ?? ""
        let arrow = state.sortDescending ? c.glyphs.down : c.glyphs.up
        let title = "\(unit.level == .province ? s[.districtsTable] : s[.communesTable]) (\(rows.count)) · \(s[.sortedBy]) \(sortTitle) \(arrow)"
        c.fill(rect, role: .background)
        c.box(rect, role: focused ? .accent : .border, title: title, titleRole: focused ? .accent : .title)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard inner.height >= 2, inner.width >= 20 else { return }
        let available = columns(s, state.language).filter { unit.level == .province || ($0.column != .ocop && $0.column != .visitors) }
        let cols = fit(available, width: inner.width - 2)
        // Column header.
        var x = inner.x + 2
        for (col, w) in cols {
            let marker = col.column == state.sortColumn ? String(arrow) : ""
            c.write(col.title + marker, x: x, y: inner.y, width: w, align: col.column == .name ? .left : .right,
                    role: col.column == state.sortColumn ? .accent : .muted)
            x += w + 1
        }
        let worst = Dictionary(uniqueKeysWithValues: cols.compactMap { col, _ in
            TableModel.worst(rows, col.column).map { (col.column, $0) }
        })
        let scroll = showSelection ? layout.tableScroll(state) : 0
        for (k, row) in rows.enumerated().dropFirst(scroll).prefix(layout.tableCapacity) {
            let y = inner.y + 1 + (k - scroll)
            let selected = showSelection && k == state.selectedRow
            if selected {
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection)
                c.put(c.glyphs.pointer, width: 1, x: inner.x, y: y, role: .selection)
            }
            var x = inner.x + 2
            for (col, w) in cols {
                let text = cell(row, col.column, f, unit.level == .province)
                var role: Role = col.column == .name ? .text : .text
                var shown = text
                if worst[col.column] == k { role = .bad; shown = text + String(c.glyphs.worst) }
                if selected { role = .selection }
                c.write(shown, x: x, y: y, width: w, align: col.column == .name ? .left : .right, role: role)
                x += w + 1
            }
        }
    }

    static func cell(_ r: UnitFigures, _ column: TableColumn, _ f: NumberFormat, _ districts: Bool) -> String {
        switch column {
        case .name: return districts ? r.unit.shortName : r.unit.name
        case .received: return f.integer(r.dossiers.received)
        case .online: return f.percent(r.dossiers.onlineShare)
        case .onTime: return f.percent(r.dossiers.onTimeShare)
        case .overdue: return f.integer(r.dossiers.pendingOverdue)
        case .sites: return f.integer(r.sites)
        case .coverage: return f.percent(r.villages.coverageShare)
        case .ocop: return f.integer(r.ocop.products)
        case .visitors: return r.tourism.map { f.integer($0.visitors) } ?? "—"
        }
    }
}
