/// A terminal size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = max(0, width); self.height = max(0, height) }
    public var description: String { "\(width)x\(height)" }
    /// Parses `120x40`.
    public init?(parsing text: String) {
        let p = text.lowercased().split(separator: "x")
        guard p.count == 2, let w = Int(p[0]), let h = Int(p[1]), w > 0, h > 0, w <= 2000, h <= 1000 else { return nil }
        self.init(width: w, height: h)
    }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public func intersection(_ o: Rect) -> Rect {
        let x0 = max(x, o.x), y0 = max(y, o.y)
        return Rect(x: x0, y: y0, width: min(maxX, o.maxX) - x0, height: min(maxY, o.maxY) - y0)
    }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// Splits into rows by weights (proportional layout); sizes sum exactly to the height.
    public func rows(_ weights: [Int], gap: Int = 0) -> [Rect] {
        let sizes = Rect.split(height - gap * max(0, weights.count - 1), weights)
        var out: [Rect] = []
        var yy = y
        for s in sizes { out.append(Rect(x: x, y: yy, width: width, height: s)); yy += s + gap }
        return out
    }

    /// Splits into columns by weights; sizes sum exactly to the width.
    public func columns(_ weights: [Int], gap: Int = 0) -> [Rect] {
        let sizes = Rect.split(width - gap * max(0, weights.count - 1), weights)
        var out: [Rect] = []
        var xx = x
        for s in sizes { out.append(Rect(x: xx, y: y, width: s, height: height)); xx += s + gap }
        return out
    }

    /// Takes `n` rows off the top: (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let k = min(max(n, 0), height)
        return (Rect(x: x, y: y, width: width, height: k), Rect(x: x, y: y + k, width: width, height: height - k))
    }

    /// Takes `n` rows off the bottom: (rest, bottom).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let k = min(max(n, 0), height)
        return (Rect(x: x, y: y, width: width, height: height - k), Rect(x: x, y: maxY - k, width: width, height: k))
    }

    static func split(_ total: Int, _ weights: [Int]) -> [Int] {
        let t = max(total, 0)
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var sizes = weights.map { t * $0 / sum }
        var rest = t - sizes.reduce(0, +)
        var i = 0
        while rest > 0 { if weights[i % weights.count] > 0 { sizes[i % weights.count] += 1; rest -= 1 }; i += 1 }
        return sizes
    }
}
