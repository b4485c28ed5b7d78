/// A cell that differs from the previous frame.
public struct CellChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
    /// The glyph the cell shows.
    public var symbol: Character
}

extension Canvas {
    /// The cells that differ from `previous` (all of them when there is none or the size
    /// changed). Continuation cells are never reported: the wide glyph before them is.
    public func changes(from previous: Canvas?) -> [CellChange] {
        var out: [CellChange] = []
        let sameSize = previous?.size == size
        for y in 0..<size.height {
            for x in 0..<size.width {
                let i = y * size.width + x
                let c = cells[i]
                // Equal codes are the same glyph unless they number a cluster (each canvas numbers
                // its own).
                if sameSize, let p = previous, p.cells[i] == c,
                   c.code & GraphemeTable.clusterBit == 0 || p.symbol(of: c) == symbol(of: c) {
                    // A wide glyph whose continuation changed must be redrawn as a whole.
                    if c.width == 2, x + 1 < size.width, p.cells[i + 1] != cells[i + 1] {} else { continue }
                }
                if c.isContinuation {
                    // Redraw the owning glyph instead (if it was not already).
                    if x > 0, cells[i - 1].width == 2, out.last.map({ $0.x == x - 1 && $0.y == y }) != true {
                        out.append(CellChange(x: x - 1, y: y, cell: cells[i - 1], symbol: symbol(of: cells[i - 1])))
                    }
                    continue
                }
                out.append(CellChange(x: x, y: y, cell: c, symbol: symbol(of: c)))
            }
        }
        return out
    }
}
