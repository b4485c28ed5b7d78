import Foundation
import SnapshotKit

/// One terminal cell: a glyph (by code), its display width and its style role.
///
/// A wide glyph occupies its cell (width 2) and the next one, a *continuation* (width 0).
public struct Cell: Equatable, Sendable {
    /// The glyph as one Unicode scalar value, or (high bit set) the number of a cluster of
    /// several scalars in its canvas's `GraphemeTable`. Keeping cells free of `Character` (a
    /// String underneath) makes them plain bytes: a frame is filled, copied and diffed without
    /// reference counting, which was a third of the time of rendering one.
    var code: UInt32
    public var width: UInt8
    public var role: Role

    init(code: UInt32, width: UInt8, role: Role) {
        self.code = code
        self.width = width
        self.role = role
    }

    public static let blank = Cell(code: 0x20, width: 1, role: .background)
    public var isContinuation: Bool { width == 0 }
}

/// Grapheme clusters of more than one scalar (a letter with a combining mark that has no
/// precomposed form, an emoji sequence) get a number here, once per canvas, for `Cell.code`.
/// A value owned by its canvas: nothing is shared between frames or threads.
struct GraphemeTable: Equatable, Sendable {
    static let clusterBit: UInt32 = 0x8000_0000
    /// Past this many distinct clusters (hostile data), further ones draw as U+FFFD.
    static let limit = 65_536
    private var clusters: [Character] = []
    private var numbers: [Character: UInt32] = [:]

    /// The scalar's value when the cluster is one scalar; nil otherwise.
    static func scalarCode(of ch: Character) -> UInt32? {
        // One scalar is one to four UTF-8 bytes whose lead byte tells the length.
        let utf8 = ch.utf8
        var bytes = utf8.makeIterator()
        let lead = UInt32(bytes.next() ?? 0x20)
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard utf8.count == length else { return nil }
        if length == 1 { return lead }
        var v = lead & (0xFF >> UInt32(length + 1))
        while let b = bytes.next() { v = v << 6 | UInt32(b & 0x3F) }
        return v
    }

    mutating func code(of ch: Character) -> UInt32 {
        if let v = Self.scalarCode(of: ch) { return v }
        if let n = numbers[ch] { return n }
        guard clusters.count < Self.limit else { return 0xFFFD }
        let n = Self.clusterBit | UInt32(clusters.count)
        clusters.append(ch)
        numbers[ch] = n
        return n
    }

    func character(_ code: UInt32) -> Character {
        if code & Self.clusterBit == 0 { return Character(Unicode.Scalar(code) ?? "\u{FFFD}") }
        let i = Int(code & ~Self.clusterBit)
        return i < clusters.count ? clusters[i] : "\u{FFFD}"
    }
}

/// A grid of cells that views draw into; the terminal edge turns it into screen updates.
///
/// Drawing clips to the canvas (and to an optional `maxWidth`), measures by display columns
/// after NFC normalisation, never cuts a wide glyph in half, and marks a cut with `…`.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    /// Fold every drawn text to ASCII (no UTF-8 terminal, or `--ascii`).
    public let ascii: Bool
    public private(set) var cells: [Cell]
    /// The clusters of several scalars drawn on this canvas.
    private(set) var graphemes = GraphemeTable()

    /// Frames, bars and marks to draw with.
    public let glyphs: Glyphs

    public init(size: Size, ascii: Bool = false, glyphs: Glyphs? = nil, fill: Cell = .blank) {
        self.size = size
        self.ascii = ascii
        self.glyphs = ascii ? .ascii : (glyphs ?? .unicode)
        cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// The glyph a cell of this canvas shows.
    public func symbol(of cell: Cell) -> Character { graphemes.character(cell.code) }
    public func symbol(x: Int, y: Int) -> Character { symbol(of: self[x, y]) }

    /// Sets one cell, keeping wide glyphs whole: a half overwritten clears its other half.
    public mutating func put(_ ch: Character, width w: Int, x: Int, y: Int, role: Role) {
        put(code: graphemes.code(of: ch), width: w, x: x, y: y, role: role)
    }

    mutating func put(code: UInt32, width w: Int, x: Int, y: Int, role: Role) {
        guard y >= 0, y < size.height, x >= 0, x + max(w, 1) <= size.width else { return }
        let i = y * size.width + x
        // Clear a wide glyph we are cutting into.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(code: 0x20, width: 1, role: cells[i - 1].role) }
        let old = cells[i]
        if old.width == 2, x + 1 < size.width, w < 2 { cells[i + 1] = Cell(code: 0x20, width: 1, role: old.role) }
        cells[i] = Cell(code: code, width: UInt8(w), role: role)
        if w == 2 {
            if x + 2 < size.width, cells[i + 1].width == 2 { cells[i + 2] = Cell(code: 0x20, width: 1, role: role) }
            cells[i + 1] = Cell(code: 0x20, width: 0, role: role)
        }
    }

    public mutating func fill(_ rect: Rect, role: Role, with ch: Character = " ") {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let cell = Cell(code: graphemes.code(of: ch), width: 1, role: role)
        for y in r.y..<r.maxY {
            let row = y * size.width
            // What `put` does cell by cell, once per row: wide glyphs cut at either edge lose
            // their other half.
            if cells[row + r.x].isContinuation, r.x > 0 { cells[row + r.x - 1] = Cell(code: 0x20, width: 1, role: cells[row + r.x - 1].role) }
            let last = cells[row + r.maxX - 1]
            if last.width == 2, r.maxX < size.width { cells[row + r.maxX] = Cell(code: 0x20, width: 1, role: last.role) }
            for i in (row + r.x)..<(row + r.maxX) { cells[i] = cell }
        }
    }

    /// Draws `text` from column `x` on row `y`, at most `maxWidth` columns (and never past
    /// the canvas edge). A cut is marked with `…`. Returns the columns drawn.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard let limit = room(x: x, y: y, maxWidth: maxWidth) else { return 0 }
        return write(cells: TextCells.codes(of: text, ascii: ascii, table: &graphemes), x: x, y: y, role: role, limit: limit)
    }

    /// Columns free from `x` on row `y` within `maxWidth`, or nil when there are none.
    private func room(x: Int, y: Int, maxWidth: Int?) -> Int? {
        guard y >= 0, y < size.height, x < size.width else { return nil }
        let limit = min(maxWidth ?? Int.max, size.width - max(x, 0))
        return limit > 0 ? limit : nil
    }

    /// Draws text already split into cells (so an aligned write splits it once, not twice).
    private mutating func write(cells items: [(code: UInt32, width: UInt8)], x: Int, y: Int, role: Role, limit: Int) -> Int {
        let total = items.reduce(0) { $0 + Int($1.width) }
        var col = x
        var used = 0
        if total <= limit {
            for item in items {
                let w = Int(item.width)
                if col >= 0 { put(code: item.code, width: w, x: col, y: y, role: role) }
                col += w
                used += w
            }
            return used
        }
        let ell = glyphs.ellipsis
        let room = limit - 1
        for item in items {
            let w = Int(item.width)
            if used + w > room { break }
            if col >= 0 { put(code: item.code, width: w, x: col, y: y, role: role) }
            col += w
            used += w
        }
        if col >= 0 { put(ell, width: 1, x: col, y: y, role: role) }
        return used + 1
    }

    public enum Alignment: Sendable { case left, right, center }

    /// Draws `text` aligned within `width` columns from `x`.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, align: Alignment, role: Role) -> Int {
        let items = TextCells.codes(of: text, ascii: ascii, table: &graphemes)
        let w = items.reduce(0) { $0 + Int($1.width) }
        let pad: Int
        switch align {
        case .left: pad = 0
        case .right: pad = max(0, width - w)
        case .center: pad = max(0, (width - w) / 2)
        }
        guard let limit = room(x: x + pad, y: y, maxWidth: width - pad) else { return 0 }
        return write(cells: items, x: x + pad, y: y, role: role, limit: limit)
    }

    /// A frame around `rect`, with an optional title in its top edge.
    public mutating func box(_ rect: Rect, role: Role, title: String? = nil, titleRole: Role = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = glyphs
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            put(g.horizontal, width: 1, x: x, y: rect.y, role: role)
            put(g.horizontal, width: 1, x: x, y: rect.maxY - 1, role: role)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(g.vertical, width: 1, x: rect.x, y: y, role: role)
            put(g.vertical, width: 1, x: rect.maxX - 1, y: y, role: role)
        }
        put(g.topLeft, width: 1, x: rect.x, y: rect.y, role: role)
        put(g.topRight, width: 1, x: rect.maxX - 1, y: rect.y, role: role)
        put(g.bottomLeft, width: 1, x: rect.x, y: rect.maxY - 1, role: role)
        put(g.bottomRight, width: 1, x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        if let title, rect.width > 4 {
            write(" " + title + " ", x: rect.x + 1, y: rect.y, role: titleRole, maxWidth: rect.width - 2)
        }
    }
}

/// Splitting text into drawable cells: NFC, control characters made visible and inert.
public enum TextCells {
    /// Each grapheme cluster with its width; control characters (C0, DEL, C1) and bidi
    /// overrides from data become visible placeholders, so nothing from a snapshot can move
    /// the cursor or change the terminal.
    /// `cells(of:ascii:)` as cell codes; text made only of scalars that are each a grapheme
    /// of width 1 (ASCII, Vietnamese in NFC, box drawing and blocks) skips grapheme breaking.
    static func codes(of text: String, ascii: Bool, table: inout GraphemeTable) -> [(code: UInt32, width: UInt8)] {
        var out: [(code: UInt32, width: UInt8)] = []
        if !ascii || text.utf8.allSatisfy({ $0 < 0x80 }) {
            var simple = true
            out.reserveCapacity(text.utf8.count)
            for s in text.unicodeScalars {
                let v = s.value
                guard (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v) || (0x1E00..<0x1F00).contains(v)
                        || (0x2010..<0x2028).contains(v) || (0x2030..<0x2060).contains(v) || (0x2190..<0x2300).contains(v)
                        || (0x2500..<0x25FD).contains(v) else { simple = false; break }
                out.append((v, 1))
            }
            if simple { return out }
            out.removeAll(keepingCapacity: true)
        }
        for (ch, w) in cells(of: text, ascii: ascii) { out.append((table.code(of: ch), UInt8(w))) }
        return out
    }

    public static func cells(of text: String, ascii: Bool) -> [(Character, Int)] {
        // Plain ASCII needs neither normalising nor folding: the common case, made cheap.
        let isASCII = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if isASCII { return text.map { ($0, 1) } }
        let source = ascii ? text.asciiFolded : text.precomposedForm
        var out: [(Character, Int)] = []
        out.reserveCapacity(source.count)
        for ch in source {
            if let safe = placeholder(for: ch, ascii: ascii) { out.append((safe, 1)); continue }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue } // a lone combining mark or zero-width format char
            out.append((ch, w))
        }
        return out
    }

    static func placeholder(for ch: Character, ascii: Bool) -> Character? {
        for s in ch.unicodeScalars {
            let v = s.value
            if v < 0x20 { return ascii ? "?" : Character(Unicode.Scalar(0x2400 + v)!) }
            if v == 0x7F { return ascii ? "?" : "\u{2421}" }
            if v >= 0x80 && v < 0xA0 { return ascii ? "?" : "\u{FFFD}" }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                || v == 0x061C {
                return ascii ? "?" : "\u{FFFD}"
            }
        }
        return nil
    }
}

/// The characters used for frames, bars and marks, in Unicode or plain ASCII.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: Character, vertical: Character
    public var topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    public var ellipsis: Character
    public var barFull: Character, barEmpty: Character
    public var sparks: [Character]
    public var up: Character, down: Character, flat: Character
    public var good: Character, warn: Character, bad: Character
    public var separator: String
    public var pointer: Character
    public var star: Character = "★"
    /// Marks the worst value of a column.
    public var worst: Character = "◀"
    /// The sort direction in the table's header (not ▲▼, which mean a change).
    public var sortUp: Character = "↑"
    public var sortDown: Character = "↓"

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", ellipsis: "…", barFull: "█", barEmpty: "░",
                                       sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], up: "▲", down: "▼", flat: "=",
                                       good: "●", warn: "◆", bad: "✖", separator: " › ", pointer: "▶")
    /// The Linux console: its fonts hold box drawing, full and shaded blocks and ▲▼, but no
    /// eighth blocks, ● ✖ ★ or ◀ ▶; those become ASCII.
    public static let console = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", ellipsis: "~", barFull: "█", barEmpty: "░",
                                       sparks: ["_", ".", "-", "=", "+", "*", "#", "█"], up: "▲", down: "▼", flat: "=",
                                       good: "+", warn: "!", bad: "X", separator: " > ", pointer: ">",
                                       star: "*", worst: "<", sortUp: "^", sortDown: "v")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                     bottomRight: "+", ellipsis: "~", barFull: "#", barEmpty: ".",
                                     sparks: ["_", ".", "-", "=", "+", "*", "#", "@"], up: "^", down: "v", flat: "=",
                                     good: "o", warn: "!", bad: "X", separator: " > ", pointer: ">",
                                     star: "*", worst: "<", sortUp: "+", sortDown: "-")
}
