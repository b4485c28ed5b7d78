/// A terminal colour as a theme names it.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(Int)
    /// An xterm-256 palette index.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, `red`, `bright-red`, `208`, `#ff8800`.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" || t == "none" { self = .terminalDefault; return }
        if let i = ThemeColor.names.firstIndex(of: t) { self = .ansi(i); return }
        if t.hasPrefix("bright-"), let i = ThemeColor.names.firstIndex(of: String(t.dropFirst(7))) { self = .ansi(i + 8); return }
        if let n = Int(t), (0...255).contains(n) { self = n < 16 ? .ansi(n) : .indexed(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }
}

/// How one role looks.
public struct RoleStyle: Equatable, Sendable {
    public var fg: ThemeColor = .terminalDefault
    public var bg: ThemeColor = .terminalDefault
    public var bold = false
    public var underline = false
    public var reverse = false
    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.underline = underline; self.reverse = reverse
    }
}

/// A colour theme: named roles → styles. Roles a theme leaves out look like `text`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]
    public init(name: String, styles: [Role: RoleStyle]) { self.name = name; self.styles = styles }

    /// A role's style, on the theme's own page: a role that leaves its background to the
    /// terminal gets the theme's `background` (as btop paints every cell), so a light terminal
    /// shows the contrast a dark one does; its foreground, then, is the theme's text colour,
    /// never the terminal's own. A theme whose background is the terminal's (mono) is as written.
    public func style(_ role: Role) -> RoleStyle {
        var s = styles[role] ?? styles[.text] ?? RoleStyle()
        let page = styles[.background] ?? RoleStyle()
        if s.bg == .terminalDefault { s.bg = page.bg }
        if s.fg == .terminalDefault, s.bg != .terminalDefault {
            s.fg = styles[.text].map(\.fg).flatMap { $0 == .terminalDefault ? nil : $0 } ?? page.fg
        }
        return s
    }
}

/// How many colours the terminal can show; themes degrade to it.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case mono = 0, eight = 8, sixteen = 16, full = 256
    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// From what ncurses reports, an override (`--colors`), and `NO_COLOR`.
    public static func choose(terminalColors: Int, hasColors: Bool, override: Int?, noColor: Bool) -> ColorDepth {
        if noColor || !hasColors { return .mono }
        let n = min(terminalColors, override ?? Int.max)
        if n >= 256 { return .full }
        if n >= 16 { return .sixteen }
        if n >= 8 { return .eight }
        return .mono
    }
}

/// A style ready for the terminal: colour numbers (−1 = terminal default) and attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: Int
    public var bg: Int
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
}

extension RoleStyle {
    /// Degrades the style to what `depth` can show. In 8 colours a bright colour becomes its
    /// normal one plus bold; in mono only bold, underline and reverse remain.
    public func resolved(for depth: ColorDepth) -> ResolvedStyle {
        var bold = self.bold
        func map(_ c: ThemeColor, isForeground: Bool) -> Int {
            switch (c, depth) {
            case (_, .mono), (.terminalDefault, _): return -1
            case (.ansi(let n), .eight):
                if n >= 8 && isForeground { bold = true }
                return n % 8
            case (.ansi(let n), _): return n
            case (.indexed(let n), .full): return n
            case (.indexed(let n), _):
                let m = RoleStyle.nearestANSI(ofIndexed: n, depth: depth)
                // A grey text or line that would turn black (on the usual black background) stays
                // visible as the terminal's white.
                return m == 0 && isForeground ? 7 : m
            case (.rgb(let r, let g, let b), .full): return RoleStyle.nearestIndexed(r, g, b)
            case (.rgb(let r, let g, let b), _): return RoleStyle.nearestANSI(Int(r), Int(g), Int(b), depth: depth)
            }
        }
        let f = map(fg, isForeground: true)
        let b = map(bg, isForeground: false)
        return ResolvedStyle(fg: f, bg: b, bold: bold, underline: underline, reverse: reverse)
    }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgb(ofIndexed n: Int) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[n] }
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let k = n - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[k / 36], steps[(k / 6) % 6], steps[k % 6])
    }

    static func nearestIndexed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        var best = 16, bestD = Int.max
        for n in 16..<256 {
            let (x, y, z) = rgb(ofIndexed: n)
            let d = (x - Int(r)) * (x - Int(r)) + (y - Int(g)) * (y - Int(g)) + (z - Int(b)) * (z - Int(b))
            if d < bestD { bestD = d; best = n }
        }
        return best
    }

    static func nearestANSI(ofIndexed n: Int, depth: ColorDepth) -> Int {
        let (r, g, b) = rgb(ofIndexed: n)
        return nearestANSI(r, g, b, depth: depth)
    }

    static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, depth: ColorDepth) -> Int {
        let limit = depth == .eight ? 8 : 16
        // A grey stays a grey (by distance alone a mid grey is nearer yellow than black).
        let grey = max(r, g, b) - min(r, g, b) <= 24
        var best = 0, bestD = Int.max
        for n in 0..<limit where !grey || [0, 7, 8, 15].contains(n) {
            let (x, y, z) = ansiRGB[n]
            let d = (x - r) * (x - r) + (y - g) * (y - g) + (z - b) * (z - b)
            if d < bestD { bestD = d; best = n }
        }
        return best
    }
}
