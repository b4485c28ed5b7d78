import SnapshotKit

/// Moving on the map: the neighbouring unit in a direction becomes the table's selected row.
public enum MapNavigation {
    /// The raster directions are judged on: one size for every screen, so a key does the same
    /// thing whatever the terminal.
    static let columns = 96, rows = 48

    /// From unit `a` (a position in the raster's units), the one in direction (dx, dy) (y
    /// downwards): within about 60° of it, nearest along it, units that touch `a` preferred.
    public static func neighbour(of a: Int, dx: Double, dy: Double, in r: MapRaster) -> Int? {
        guard r.centroids.indices.contains(a), let p = r.centroids[a] else { return nil }
        let touching = r.neighbours()[a]
        var best: (Int, Double)?
        for (b, q) in r.centroids.enumerated() where b != a {
            guard let q else { continue }
            let vx = q.x - p.x, vy = q.y - p.y
            let along = vx * dx + vy * dy, across = abs(vx * dy - vy * dx)
            guard along > 0, across <= along * 1.8 else { continue }
            let score = (along + 2 * across) * (touching.contains(b) ? 1 : 3)
            if best.map({ score < $0.1 }) ?? true { best = (b, score) }
        }
        return best?.0
    }

    /// Moves the selection to the neighbour in direction (dx, dy), when the map shows the table's units.
    static func move(_ state: inout AppState, dx: Double, dy: Double) {
        guard let scope = MapScope(state), scope.followsTable, let g = state.snapshot?.geometry,
              let selected = scope.selected, let from = scope.units.firstIndex(of: selected) else { return }
        let r = MapRaster.of(g, units: scope.units, columns: columns, rows: rows)
        guard let to = neighbour(of: from, dx: dx, dy: dy, in: r) else { return }
        if let row = TableModel.rows(state).firstIndex(where: { $0.unit.index == scope.units[to] }) { state.selectedRow = row }
    }
}
