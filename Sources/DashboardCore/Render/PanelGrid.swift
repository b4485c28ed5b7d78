/// How panels stand in a grid: one rule for the dashboard's panels and the kiosk's tiles.
enum PanelGrid {
    /// More than four stand three to a row when each keeps `minimumWidth` columns; else two.
    static func perRow(count: Int, width: Int, minimumWidth: Int) -> Int {
        count > 4 && width / 3 >= minimumWidth ? 3 : 2
    }

    /// `count` cells of `area`, `perRow` to a row, row by row; the last row's cells share its
    /// whole width. None for none.
    static func cells(_ area: Rect, count: Int, perRow: Int) -> [Rect] {
        guard count > 0, perRow > 0 else { return [] }
        let rows = area.rows(Array(repeating: 1, count: (count + perRow - 1) / perRow))
        return rows.enumerated().flatMap { k, row in row.columns(Array(repeating: 1, count: min(perRow, count - k * perRow))) }
    }
}
