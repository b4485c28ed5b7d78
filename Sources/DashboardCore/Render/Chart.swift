import SnapshotKit

/// A month-by-month column chart several rows high, for panels with room (a wall screen):
/// an axis with its bounds, one column per month (missing months left empty, never drawn as
/// zero), the target as a line across, and the months along the bottom.
public struct MonthChart: Sendable {
    public var title: String
    /// One value per month, oldest first; nil where the data holds no figure.
    public var values: [Double?]
    public var lastMonth: Month
    /// Where the chart is judged (a share's target), drawn as a line.
    public var target: Double?
    /// Shares (0–1) are shown as percentages and start their axis below the lowest value;
    /// counts start at zero.
    public var isShare: Bool
    public var role: Role
    /// For counts: start the axis near the data, not at zero (a stock that grows by a few a
    /// month is otherwise a solid wall), and say so after the title in these words
    /// (`trục từ` → `· trục từ 3.788`).
    public var axisFromWords: String?

    public init(title: String, values: [Double?], lastMonth: Month, target: Double? = nil, isShare: Bool = false,
                role: Role = .chart1, axisFromWords: String? = nil) {
        self.title = title; self.values = values; self.lastMonth = lastMonth; self.target = target
        self.isShare = isShare; self.role = role; self.axisFromWords = axisFromWords
    }

    /// The baseline of a count's axis near its data: half the data's spread below the lowest
    /// value, rounded down to a power of ten under that spread; never below zero.
    static func baselineNear(_ known: [Double]) -> Double {
        guard let lo = known.min(), let hi = known.max(), lo > 0 else { return 0 }
        let spread = max(hi - lo, 1)
        var step = 1.0
        while step * 10 <= spread { step *= 10 }
        return max(0, ((lo - spread / 2) / step).rounded(.down) * step)
    }

    /// Rows it needs at least: a title, three of bars, the months.
    public static let minimumHeight = 5

    func label(_ v: Double, _ f: NumberFormat) -> String {
        isShare ? f.percent(v, places: 0) : f.compact(Int(v.rounded()))
    }

    public func draw(in r: Rect, format f: NumberFormat, into c: inout Canvas) {
        guard r.height >= Self.minimumHeight, r.width >= 16 else { return }
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { c.write(title, x: r.x, y: r.y, role: .muted, maxWidth: r.width); return }
        var hi = max(known.max() ?? 1, target ?? 0)
        var lo = 0.0
        if !isShare, let words = axisFromWords {
            lo = Self.baselineNear(known)
            // The baseline is said whole: the title gives way to it.
            let note = lo > 0 ? " · \(words) \(f.integer(Int(lo)))" : ""
            let room = r.width - DisplayWidth.of(note)
            let x = r.x + c.write(title, x: r.x, y: r.y, role: .muted, maxWidth: max(1, room))
            c.write(note, x: x, y: r.y, role: .muted, maxWidth: r.maxX - x)
        } else {
            c.write(title, x: r.x, y: r.y, role: .muted, maxWidth: r.width)
        }
        if isShare {
            lo = max(0, ((min(known.min() ?? 0, target ?? 1) - 0.05) * 10).rounded(.down) / 10)
            hi = min(1, max(hi, lo + 0.1))
        }
        if hi <= lo { hi = lo + 1 }
        let axis = max(DisplayWidth.of(label(hi, f)), DisplayWidth.of(label(lo, f))) + 1
        let plot = Rect(x: r.x + axis, y: r.y + 1, width: r.width - axis, height: r.height - 2)
        let n = values.count
        let column = max(1, min(3, plot.width / max(1, n)))
        let shown = min(n, plot.width / column)
        c.write(label(hi, f), x: r.x, y: plot.y, width: axis - 1, align: .right, role: .muted)
        c.write(label(lo, f), x: r.x, y: plot.maxY - 1, width: axis - 1, align: .right, role: .muted)
        let levels = c.glyphs.sparks
        let eighths = levels.count == 8 && levels[0] != "_"
        for (k, v) in values.suffix(shown).enumerated() {
            guard let v else { continue }
            // Height in eighths of a row (whole rows on terminals without eighth blocks).
            let units = Int(((v - lo) / (hi - lo) * Double(plot.height * 8)).rounded())
            let x = plot.x + k * column
            for row in 0..<plot.height {
                let fill = min(8, max(0, units - row * 8))
                guard fill > 0 else { break }
                let glyph: Character = fill == 8 || !eighths ? c.glyphs.barFull : levels[fill - 1]
                for dx in 0..<max(1, column - (column > 1 ? 1 : 0)) {
                    c.put(glyph, width: 1, x: x + dx, y: plot.maxY - 1 - row, role: role)
                }
            }
        }
        if let target, target >= lo, target <= hi {
            let y = plot.maxY - 1 - min(plot.height - 1, Int(((target - lo) / (hi - lo) * Double(plot.height)).rounded(.down)))
            for x in plot.x..<(plot.x + shown * column) where c[x, y].code == 0x20 {
                c.put(c.glyphs.horizontal, width: 1, x: x, y: y, role: .warn)
            }
            let mark = " \(label(target, f))"
            c.write(mark, x: plot.x + shown * column, y: y, role: .warn, maxWidth: r.maxX - plot.x - shown * column)
        }
        // Months along the bottom: every month when columns are wide, else every third.
        let first = lastMonth.adding(-(shown - 1))
        for k in 0..<shown {
            let m = first.adding(k)
            guard column >= 2 || m.month % 3 == 1 else { continue }
            c.write(String(m.month), x: plot.x + k * column, y: r.maxY - 1, role: .muted, maxWidth: max(1, column * 3))
        }
    }
}
