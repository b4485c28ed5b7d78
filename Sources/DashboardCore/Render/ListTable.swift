/// A framed table of plain text rows with a header, for detail views.
struct ListTable {
    struct Column {
        var title: String
        var weight: Int
        var minWidth: Int
        var align: Canvas.Alignment
    }
    var title: String
    var columns: [Column]
    var rows: [[String]]
    /// Per row, an optional role for the whole row (e.g. `.bad` for a village without signal).
    var rowRoles: [Role?] = []

    func draw(in rect: Rect, into c: inout Canvas) {
        c.fill(rect, role: .background)
        c.box(rect, role: .border, title: title)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard inner.height >= 1, inner.width >= 8 else { return }
        var cols = columns
        while cols.count > 1, cols.reduce(0, { $0 + $1.minWidth + 1 }) > inner.width - 1 { cols.removeLast() }
        let spare = max(0, inner.width - 1 - cols.reduce(0) { $0 + $1.minWidth + 1 })
        let widths = zip(cols, Rect.split(spare, cols.map(\.weight))).map { $0.minWidth + $1 }
        var x = inner.x + 1
        for (k, col) in cols.enumerated() {
            c.write(col.title, x: x, y: inner.y, width: widths[k], align: col.align, role: .muted)
            x += widths[k] + 1
        }
        let capacity = inner.height - 1
        for (r, row) in rows.prefix(max(0, capacity)).enumerated() {
            let y = inner.y + 1 + r
            let last = r == capacity - 1 && rows.count > capacity
            var x = inner.x + 1
            if last {
                c.write("… +\(rows.count - capacity + 1)", x: x, y: y, role: .muted, maxWidth: inner.width - 1)
                break
            }
            let role = rowRoles.indices.contains(r) ? (rowRoles[r] ?? .text) : .text
            for (k, _) in cols.enumerated() {
                let text = k < row.count ? row[k] : ""
                c.write(text, x: x, y: y, width: widths[k], align: cols[k].align, role: role)
                x += widths[k] + 1
            }
        }
    }
}
