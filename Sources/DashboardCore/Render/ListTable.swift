/// A framed table of plain text rows with a header, for detail views.
public struct ListTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var weight: Int
        public var minWidth: Int
        public var align: Canvas.Alignment
        public init(title: String, weight: Int, minWidth: Int, align: Canvas.Alignment) {
            self.title = title; self.weight = weight; self.minWidth = minWidth; self.align = align
        }
        /// The unit's name, first in an expanded panel's table.
        public static func unitName(_ s: Strings) -> Column { Column(title: s[.unit], weight: 3, minWidth: 14, align: .left) }
        /// A right-aligned figure.
        public static func figure(_ title: String, _ minWidth: Int) -> Column {
            Column(title: title, weight: 1, minWidth: minWidth, align: .right)
        }
        /// The bar that ends an expanded panel's row.
        public static let bar = Column(title: "", weight: 3, minWidth: 10, align: .left)
    }
    public var title: String
    public var columns: [Column]

    public var rows: [[String]]
    /// Per row, an optional role for the whole row (e.g. `.bad` for a village without signal).
    public var rowRoles: [Role?] = []

    public init(title: String, columns: [Column], rows: [[String]], rowRoles: [Role?] = []) {
        self.title = title; self.columns = columns; self.rows = rows; self.rowRoles = rowRoles
    }

    /// `scroll`: the first row shown; `selected`: a row to highlight and keep in view.
    func draw(in rect: Rect, scroll: Int = 0, selected: Int? = nil, into c: inout Canvas) {
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
        let capacity = max(0, inner.height - 1)
        guard capacity > 0 else { return }
        // Every row reachable: the window follows the selection (or the scroll), and the frame
        // says where it is (`12–20/24`) when not everything fits.
        var first = min(max(0, scroll), max(0, rows.count - capacity))
        if let selected, rows.indices.contains(selected) {
            first = min(max(first, selected - capacity + 1), selected)
        }
        for (r, row) in rows.enumerated().dropFirst(first).prefix(capacity) {
            let y = inner.y + 1 + (r - first)
            var role = rowRoles.indices.contains(r) ? (rowRoles[r] ?? .text) : .text
            if r == selected {
                role = .selection
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selection)
            }
            var x = inner.x + 1
            for (k, _) in cols.enumerated() {
                let text = k < row.count ? row[k] : ""
                c.write(text, x: x, y: y, width: widths[k], align: cols[k].align, role: role)
                x += widths[k] + 1
            }
        }
        if rows.count > capacity {
            let position = " \(first + 1)–\(min(rows.count, first + capacity))/\(rows.count) "
            c.write(position, x: rect.x, y: rect.maxY - 1, width: rect.width - 2, align: .right, role: .muted)
        }
    }
}
