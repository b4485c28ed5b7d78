import Foundation
import SnapshotKit

/// What the map shows at the current place: the units of the table (those with a shape), else
/// the place among its siblings; their figures; the unit selected.
public struct MapScope {
    /// Figures of the units on the map, in unit-index order (the raster does not change with the sort).
    public let rows: [UnitFigures]
    public var units: [Int] { rows.map(\.unit.index) }
    /// AdminUnit index of the unit highlighted.
    public let selected: Int?
    /// Whether the units are the table's rows (so that moving on the map moves the table).
    public let followsTable: Bool

    public init?(_ state: AppState) {
        guard let s = state.snapshot, let g = s.geometry, let period = state.period, let here = state.placeIndex else { return nil }
        let table = TableModel.rows(state)
        let drawn = table.filter { g.shape(unit: $0.unit.index) != nil }
        if !drawn.isEmpty {
            rows = drawn.sorted { $0.unit.index < $1.unit.index }
            selected = table.indices.contains(state.selectedRow) ? table[state.selectedRow].unit.index : nil
            followsTable = true
            return
        }
        // No shapes below this place (a district without commune outlines, a commune): the
        // place among its siblings, climbing until a level has shapes.
        var unit = here
        while let parent = s.units.units[unit].parent {
            let siblings = s.units.units[parent].children.filter { g.shape(unit: $0) != nil }
            if !siblings.isEmpty {
                rows = siblings.map { UnitFigures(snapshot: s, unit: $0, period: period) }
                selected = unit
                followsTable = false
                return
            }
            unit = parent
        }
        return nil
    }
}

/// The classes of a choropleth: up to five groups of (about) equal counts, lowest first.
public struct MapClasses: Equatable, Sendable {
    /// Lower and upper value of each class.
    public let bounds: [(Double, Double)]

    /// `shown` writes a value as the legend does: values written alike count as tied, so the
    /// classes are disjoint as displayed (never `78,9%–79,5%` then `79,5%–80,6%`).
    public init(values: [Double], shown: ((Double) -> String)? = nil) {
        let v = values.filter(\.isFinite).sorted()
        var out: [(Double, Double)] = []
        let k = min(5, Set(v.map { shown?($0) ?? String($0) }).count)
        for i in 0..<k {
            // A value tied across a boundary (as written) stays in the lower class.
            var start = i * v.count / k
            while start < v.count, let last = out.last, v[start] <= last.1 || shown.map({ $0(v[start]) == $0(last.1) }) == true {
                out[out.count - 1].1 = max(last.1, v[start])
                start += 1
            }
            guard start < v.count else { continue }
            out.append((v[start], v[max(start, (i + 1) * v.count / k - 1)]))
        }
        bounds = out
    }

    public static func == (a: MapClasses, b: MapClasses) -> Bool {
        a.bounds.map(\.0) == b.bounds.map(\.0) && a.bounds.map(\.1) == b.bounds.map(\.1)
    }

    /// The class of a value (0-based), nil for none.
    public func index(of value: Double?) -> Int? {
        guard let value, value.isFinite, !bounds.isEmpty else { return nil }
        return bounds.lastIndex { value >= $0.0 } ?? 0
    }

    /// The step of the five-step ramp (role and density) a class is drawn with: spread out
    /// when there are fewer classes.
    public func step(_ k: Int) -> Int {
        bounds.count <= 1 ? 2 : (k * 4 + (bounds.count - 1) / 2) / (bounds.count - 1)
    }

    public static let roles: [Role] = [.map1, .map2, .map3, .map4, .map5]
}

/// The glyphs of the map for what the terminal has: density steps (so that the classes read
/// without colour), dots for outlines at Braille resolution (not on the Linux console nor in ASCII).
struct MapGlyphs {
    let density: [Character]
    let noData: Character
    let braille: Bool

    static let unicode = MapGlyphs(density: ["·", "░", "▒", "▓", "█"], noData: "╳", braille: true)
    static let console = MapGlyphs(density: ["·", "░", "▒", "▓", "█"], noData: "x", braille: false)
    static let ascii = MapGlyphs(density: [".", ":", "+", "*", "#"], noData: "x", braille: false)

    static func of(_ state: AppState) -> MapGlyphs { state.ascii ? .ascii : (state.consoleGlyphs ? .console : .unicode) }

    /// The Braille character with the given dots (bit k: dot k of Unicode's numbering).
    static func braille(_ bits: Int) -> Character { Character(Unicode.Scalar(0x2800 + UInt32(bits))!) }
    /// Bit of the dot at (x, y) in a 2×4 cell.
    static let dotBits = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
}

public enum MapView {
    /// Columns the legend takes beside the map (below it on a narrow one).
    static let legendWidth = 24

    /// The map frame: the focused panel's indicator by unit, a legend, the selection.
    public static func draw(_ state: AppState, _ rect: Rect, into c: inout Canvas, focused: Bool? = nil, selection: Bool = true) {
        let s = state.strings
        let panel = state.panels[state.focusedPanelOrFirst] ?? state.shownPanels.first
        let mapValue = panel?.map
        let isFocused = focused ?? (state.showMap && state.focus != .table)
        let title = s[.mapTitle] + (mapValue.map { ": " + $0.title(s) } ?? "")
        c.box(rect, role: isFocused ? .accent : .border, title: title, titleRole: isFocused ? .accent : .title)
        let inner = rect.inset(by: 1)
        guard inner.width >= 8, inner.height >= 3 else { return }
        guard let snap = state.snapshot, let geometry = snap.geometry, let scope = MapScope(state) else {
            c.write(s[.mapNoGeometry], x: inner.x, y: inner.y + inner.height / 2, width: inner.width, align: .center, role: .muted)
            return
        }
        let values = scope.rows.map { mapValue?.value($0) ?? nil }
        let known = values.compactMap { $0 }
        let classes = MapClasses(values: known, shown: boundText(mapValue, isShare: known.allSatisfy { (0...1).contains($0) }, state.format))
        let beside = inner.width >= 56
        let (area, legendRect): (Rect, Rect)
        if beside {
            let cols = inner.columns([inner.width - legendWidth - 1, legendWidth + 1])
            (area, legendRect) = (cols[0], Rect(x: cols[1].x + 1, y: cols[1].y, width: legendWidth, height: cols[1].height))
        } else {
            let h = min(2, max(0, inner.height - 3))
            (area, legendRect) = inner.splitBottom(h)
        }
        let raster = MapRaster.of(geometry, units: scope.units, columns: area.width, rows: area.height)
        var legend = legendRect
        if beside, let last = raster.lastColumn, last + 3 + legendWidth <= inner.width {
            legend.x = area.x + last + 3   // beside the land, not at the frame's far side
        }
        let glyphs = MapGlyphs.of(state)
        let steps = values.map { classes.index(of: $0).map(classes.step) }
        let selected = selection ? scope.selected.flatMap { scope.units.firstIndex(of: $0) } : nil
        drawCells(raster, area, steps: steps, selected: selected, glyphs: glyphs, into: &c)
        if state.showSites { drawSites(snap, scope, raster, area, into: &c) }
        drawLabels(scope, raster, area, selected: selected, ascii: state.ascii, into: &c)
        // Beside the legend, the units of each class by name (lowest value first): the map is
        // read by its names where they do not fit on the land (a province at 80×24 or 120×40).
        var names = [[String]](repeating: [], count: classes.bounds.count + 1)
        for i in values.indices.sorted(by: { (values[$0] ?? -.infinity, scope.rows[$0].unit.shortName) < (values[$1] ?? -.infinity, scope.rows[$1].unit.shortName) }) {
            names[classes.index(of: values[i]) ?? classes.bounds.count].append(UnitNames.base(scope.rows[i].unit))
        }
        // And which is selected, with its figure.
        let selectedName = selected.map { k in
            UnitNames.base(scope.rows[k].unit) + " " + (values[k].map(boundText(mapValue, isShare: known.allSatisfy { (0...1).contains($0) }, state.format)) ?? "—")
        }
        if beside { legend.width = inner.maxX - legend.x }
        drawLegend(state, mapValue, classes, hasNoData: values.contains(nil), glyphs: glyphs, legend, beside: beside,
                   selection: selected != nil, names: beside ? names : [], selectedName: beside ? selectedName : nil, into: &c)
    }

    static func drawCells(_ r: MapRaster, _ area: Rect, steps: [Int?], selected: Int?, glyphs: MapGlyphs, into c: inout Canvas) {
        let w = r.width
        var counts = [Int](repeating: 0, count: 8), owners = [Int](repeating: -1, count: 8)
        for cy in 0..<r.rows {
            for cx in 0..<r.columns {
                var distinct = 0, outlineBits = 0
                for dy in 0..<4 {
                    for dx in 0..<2 {
                        let i = (cy * 4 + dy) * w + cx * 2 + dx
                        let o = Int(r.owner[i])
                        if r.outline[i] { outlineBits |= MapGlyphs.dotBits[dy][dx] }
                        guard o >= 0 else { continue }
                        if let k = owners[0..<distinct].firstIndex(of: o) { counts[k] += 1 } else {
                            owners[distinct] = o; counts[distinct] = 1; distinct += 1
                        }
                    }
                }
                let x = area.x + cx, y = area.y + cy
                guard distinct > 0 else {
                    if glyphs.braille, outlineBits != 0 { c.put(MapGlyphs.braille(outlineBits), width: 1, x: x, y: y, role: .border) }
                    continue
                }
                var best = 0
                for k in 1..<distinct where counts[k] > counts[best] { best = k }
                let unit = owners[best], n = counts[best]
                let step = steps[unit]
                let role: Role = unit == selected ? .selection : (step.map { MapClasses.roles[$0] } ?? .muted)
                let full = step.map { glyphs.density[$0] } ?? glyphs.noData
                let inside = counts.prefix(distinct).reduce(0, +)
                if inside == 8 && (n >= 5 || glyphs.braille || distinct == 1) || n >= 6 {
                    // Inside the province: the majority's fill (seams between units follow the classes).
                    c.put(full, width: 1, x: x, y: y, role: role)
                } else if glyphs.braille {
                    // On the province's edge: the unit's own dots, so the outline keeps the dots' resolution.
                    var bits = 0
                    for dy in 0..<4 {
                        for dx in 0..<2 where Int(r.owner[(cy * 4 + dy) * w + cx * 2 + dx]) == unit { bits |= MapGlyphs.dotBits[dy][dx] }
                    }
                    c.put(MapGlyphs.braille(bits), width: 1, x: x, y: y, role: role)
                } else if n >= 4 && inside < 8 {
                    c.put(full, width: 1, x: x, y: y, role: role)   // mostly one unit; a seam between two stays blank
                }
            }
        }
    }

    /// Each unit's short name at its centre, where it fits inside the unit (never over another label).
    static func drawLabels(_ scope: MapScope, _ r: MapRaster, _ area: Rect, selected: Int?, ascii: Bool, into c: inout Canvas) {
        var taken = Set<Int>()
        // Larger units first: they have the room.
        let order = scope.rows.indices.sorted { a, b in
            (r.centroids[a] == nil ? 0 : 1, scope.rows[a].unit.index) > (r.centroids[b] == nil ? 0 : 1, scope.rows[b].unit.index)
        }
        for k in order {
            guard let (px, py) = r.centroids[k] else { continue }
            let name = scope.rows[k].unit.shortName
            let w = TextCells.cells(of: name, ascii: ascii).reduce(0) { $0 + $1.1 }
            let cx = Int(px) / MapRaster.dotsAcross, cy = Int(py) / MapRaster.dotsDown
            for row in [cy, cy - 1, cy + 1] where row >= 0 && row < r.rows {
                let x0 = max(0, min(r.columns - w, cx - w / 2))
                guard x0 >= 0, w <= r.columns else { break }
                let cells = (x0..<(x0 + w))
                let inside = cells.filter { owns(r, k, $0, row) }.count
                guard inside >= w - 1, !cells.contains(where: { taken.contains(row * r.columns + $0) }) else { continue }
                c.write(name, x: area.x + x0, y: area.y + row, role: k == selected ? .selection : .title)
                for x in max(0, x0 - 1)..<min(r.columns, x0 + w + 1) { taken.insert(row * r.columns + x) }
                break
            }
        }
    }

    /// Whether most of a cell's dots belong to unit `k`.
    static func owns(_ r: MapRaster, _ k: Int, _ cx: Int, _ cy: Int) -> Bool {
        var n = 0
        for dy in 0..<4 { for dx in 0..<2 where r.owner(x: cx * 2 + dx, y: cy * 4 + dy) == k { n += 1 } }
        return n >= 4
    }

    /// Active BTS sites of the units shown, one digit per cell: the best technology there.
    static func drawSites(_ snap: Snapshot, _ scope: MapScope, _ r: MapRaster, _ area: Rect, into c: inout Canvas) {
        guard let proj = r.projection else { return }
        let shown = Set(scope.units)
        var best = [Int](repeating: -1, count: r.columns * r.rows)
        for site in snap.btsSites where site.status == .active && (shown.contains(site.district) || site.commune.map(shown.contains) == true) {
            let (x, y) = proj.project(GeoPoint(lon: site.longitude, lat: site.latitude))
            let cx = Int(x) / MapRaster.dotsAcross, cy = Int(y) / MapRaster.dotsDown
            guard x >= 0, y >= 0, cx < r.columns, cy < r.rows else { continue }
            let tech = (0..<4).last { site.supports($0) } ?? 0
            best[cy * r.columns + cx] = max(best[cy * r.columns + cx], tech)
        }
        for (i, tech) in best.enumerated() where tech >= 0 {
            c.put(Character(BTSSite.technologies[tech].prefix(1).description), width: 1, x: area.x + i % r.columns,
                  y: area.y + i / r.columns, role: siteRoles[tech])
        }
    }

    static let siteRoles: [Role] = [.muted, .chart4, .chart1, .accent]

    /// Names joined by ", " in lines of at most `width` columns (a name wider than a line alone).
    static func wrap(_ names: [String], _ width: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for n in names {
            let next = line.isEmpty ? n : line + ", " + n
            if DisplayWidth.of(next) <= width || line.isEmpty { line = next } else { out.append(line + ","); line = n }
        }
        if !line.isEmpty { out.append(line) }
        return out
    }

    /// Names that do not all fit on one line: as many whole names as fit, and `+N` for the
    /// rest (`Bắc Mê, Mèo Vạc +2`).
    static func fitCounting(_ names: [String], _ width: Int) -> String {
        var k = names.count
        while k > 0 {
            let text = names.prefix(k).joined(separator: ", ") + (k == names.count ? "" : " +\(names.count - k)")
            if DisplayWidth.of(text) <= width { return text }
            k -= 1
        }
        return "+\(names.count)"
    }

    /// How the legend writes a class bound: by the indicator's own format, else as a
    /// percentage for shares and a whole number for counts.
    static func boundText(_ value: MapValue?, isShare: Bool, _ f: NumberFormat) -> (Double) -> String {
        if let text = value?.text { return { text($0, f) } }
        return { isShare ? f.percent($0) : f.integer(Int($0.rounded())) }
    }

    static func drawLegend(_ state: AppState, _ value: MapValue?, _ classes: MapClasses, hasNoData: Bool, glyphs: MapGlyphs,
                           _ rect: Rect, beside: Bool, selection: Bool, names: [[String]] = [], selectedName: String? = nil,
                           into c: inout Canvas) {
        let s = state.strings, f = state.format
        let isShare = classes.bounds.allSatisfy { (0...1).contains($0.0) && (0...1).contains($0.1) }
        let write = boundText(value, isShare: isShare, f)
        var items: [(String, Role, String)] = []
        var itemNames: [[String]] = []
        for (k, b) in classes.bounds.enumerated() {
            let step = classes.step(k)
            let lo = write(b.0), hi = write(b.1)
            let text = lo == hi ? lo : lo + "–" + hi
            items.append((String(repeating: glyphs.density[step], count: 2), MapClasses.roles[step], text))
            itemNames.append(names.indices.contains(k) ? names[k] : [])
        }
        if hasNoData {
            items.append((String(repeating: glyphs.noData, count: 2), .muted, s[.noData]))
            itemNames.append(names.last ?? [])
        }
        if selection { items.append(("  ", .selection, s[.mapSelected] + (selectedName.map { ": " + $0 } ?? ""))) }
        if state.showSites {
            items.append(("", .title, s[.mapSites]))
            for (k, t) in BTSSite.technologies.enumerated() { items.append((String(t.prefix(1)), siteRoles[k], t)) }
        }
        if beside {
            // Each class's units after its bounds (the bounds in one column), on as many rows as
            // the legend has to spare, the rest counted (`+2`).
            let boundsWidth = items.prefix(itemNames.count).map { DisplayWidth.of($0.2) }.max() ?? 0
            let namesX = rect.x + 3 + boundsWidth + 2
            let room = rect.maxX - 1 - namesX
            let wrapped: [[String]] = items.indices.map { i in
                i < itemNames.count && room >= 12 && !names.isEmpty ? wrap(itemNames[i], room) : []
            }
            // The rows to spare go round the classes one at a time, lowest first.
            var extra = wrapped.map { _ in 0 }
            var spare = rect.height - items.count
            while spare > 0, let i = wrapped.indices.first(where: { k in extra[k] + 1 < wrapped[k].count && !wrapped.indices.contains { extra[$0] < extra[k] && extra[$0] + 1 < wrapped[$0].count } }) {
                extra[i] += 1
                spare -= 1
            }
            let lines: [[String]] = wrapped.indices.map { i in
                let out = wrapped[i]
                guard out.count > extra[i] + 1 else { return out }
                let before = out.prefix(extra[i]).map { $0.split(separator: ",").count }.reduce(0, +)
                return Array(out.prefix(extra[i])) + [fitCounting(Array(itemNames[i].dropFirst(before)), room)]
            }
            let used = min(rect.height, zip(items, lines).map { max(1, $0.1.count) }.reduce(0, +))
            // Clear of the outlines the legend stands over.
            let width = lines.contains { !$0.isEmpty } ? rect.width : min(rect.width, legendWidth)
            c.fill(Rect(x: rect.x - 1, y: rect.y, width: width + 1, height: used), role: .background)
            var y = rect.y
            for (i, ((glyph, role, text), rows)) in zip(items, lines).enumerated() where y < rect.maxY {
                let w = c.write(glyph, x: rect.x, y: y, role: role)
                // A class's bounds keep to their column; the selection's name may run on.
                c.write(text, x: rect.x + w + (w > 0 ? 1 : 0), y: y, role: glyph.isEmpty ? .title : .text,
                        maxWidth: (i < itemNames.count ? min(legendWidth, rect.width) : rect.width - 1) - w - 1)
                for (k, line) in rows.enumerated() where y + k < rect.maxY {
                    c.write(line, x: namesX, y: y + k, role: .muted, maxWidth: room)
                }
                y += max(1, rows.count)
            }
        } else {
            var x = rect.x, y = rect.y
            for (glyph, role, text) in items {
                let need = TextCells.cells(of: glyph + " " + text, ascii: state.ascii).count + 2
                if x + need > rect.maxX, x > rect.x { x = rect.x; y += 1 }
                guard y < rect.maxY else { break }
                x += c.write(glyph, x: x, y: y, role: role)
                x += c.write(" " + text, x: x, y: y, role: .text, maxWidth: rect.maxX - x) + 2
            }
        }
    }
}
