import Foundation
import SnapshotKit

/// Longitude/latitude to dots: equirectangular, longitudes shortened by the cosine of the
/// middle latitude, fitted and centred in a grid of square dots.
public struct MapProjection: Equatable, Sendable {
    public let west: Double, north: Double
    /// Dots per degree of latitude; a degree of longitude is `scale × cos(latitude)`.
    public let scale: Double
    public let cosLat: Double
    public let offsetX: Double, offsetY: Double

    /// Fits the box `south…north × west…east` into `width × height` dots.
    public init(south: Double, north: Double, west: Double, east: Double, width: Int, height: Int) {
        let c = cos((south + north) / 2 * .pi / 180)
        let spanX = max(1e-9, (east - west) * c), spanY = max(1e-9, north - south)
        let s = min(Double(width) / spanX, Double(height) / spanY)
        self.west = west; self.north = north; scale = s; cosLat = c
        offsetX = (Double(width) - spanX * s) / 2
        offsetY = (Double(height) - spanY * s) / 2
    }

    public func project(_ p: GeoPoint) -> (x: Double, y: Double) {
        (offsetX + (p.lon - west) * cosLat * scale, offsetY + (north - p.lat) * scale)
    }

    /// Dots per kilometre (a degree of latitude is 111.2 km).
    public var dotsPerKm: Double { scale / 111.2 }
}

/// Units' shapes rasterised into dots, 2 across and 4 down per cell (Braille's grid: a cell is
/// about twice as tall as wide, so the dots are square). Made once per geometry, set of units
/// and size, then read by every frame.
public struct MapRaster: Sendable {
    public static let dotsAcross = 2, dotsDown = 4
    public let columns: Int, rows: Int
    public var width: Int { columns * Self.dotsAcross }
    public var height: Int { rows * Self.dotsDown }
    /// The units drawn (AdminUnit indexes); `owner` holds positions in this list.
    public let units: [Int]
    /// Dot → position in `units`, −1 outside every unit.
    public private(set) var owner: [Int32]
    /// Dots on the edges of the backdrop outlines (`Geometry.outlines`, and the outlined units
    /// not drawn when the units drawn are marks only).
    public private(set) var outline: [Bool]
    /// Per unit: the mean of its dots (x, y), nil when it has none.
    public private(set) var centroids: [(x: Double, y: Double)?]
    public let projection: MapProjection?
    /// The last column holding a dot of a unit, nil when none does.
    public private(set) var lastColumn: Int?

    /// Rasterises `units` (those with a shape in `geometry`) into `columns × rows` cells.
    public init(geometry: Geometry, units wanted: [Int], columns: Int, rows: Int) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        let shapes = wanted.compactMap { geometry.shape(unit: $0) }
        units = shapes.map(\.unit)
        let w = self.columns * Self.dotsAcross, h = self.rows * Self.dotsDown
        owner = Array(repeating: -1, count: w * h)
        outline = Array(repeating: false, count: w * h)
        centroids = Array(repeating: nil, count: shapes.count)
        // The box: the units' rings, their marks, and the backdrop.
        var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity
        func include(_ p: GeoPoint, _ r: Double = 0) {
            south = min(south, p.lat - r); north = max(north, p.lat + r)
            west = min(west, p.lon - r); east = max(east, p.lon + r)
        }
        for s in shapes {
            for ring in s.rings { ring.forEach { include($0) } }
            if s.rings.isEmpty, let c = s.center { include(c, Self.markRadiusKm(s.areaKm2) / 111.2) }
        }
        if shapes.isEmpty { for o in geometry.outlines { for ring in o.rings { ring.forEach { include($0) } } } }
        guard w > 0, h > 0, south <= north, west <= east else { projection = nil; return }
        let pad = max(north - south, east - west) * 0.02
        let proj = MapProjection(south: south - pad, north: north + pad, west: west - pad, east: east + pad, width: w, height: h)
        projection = proj
        // Under units known only by their centres: the outlines around them (the former
        // districts of a two-tier province), whether backdrop outlines or other units' rings.
        for o in geometry.outlines { strokeOutline(o.rings.map { $0.map(proj.project) }) }
        if shapes.allSatisfy({ $0.rings.isEmpty }) {
            let drawn = Set(units)
            for s in geometry.shapes where !s.rings.isEmpty && !drawn.contains(s.unit) { strokeOutline(s.rings.map { $0.map(proj.project) }) }
        }
        for (k, s) in shapes.enumerated() where !s.rings.isEmpty {
            fill(s.rings.map { $0.map(proj.project) }, as: Int32(k))
        }
        // Units known only by centre and area: a disc of the same area, over the outlines.
        for (k, s) in shapes.enumerated() where s.rings.isEmpty {
            guard let c = s.center else { continue }
            let (cx, cy) = proj.project(c)
            let r = max(0.8, Self.markRadiusKm(s.areaKm2) * proj.dotsPerKm)
            for y in stride(from: max(0, Int(cy - r)), through: min(h - 1, Int(cy + r)), by: 1) {
                for x in stride(from: max(0, Int(cx - r)), through: min(w - 1, Int(cx + r)), by: 1) {
                    let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                    if dx * dx + dy * dy <= r * r { owner[y * w + x] = Int32(k) }
                }
            }
            if let i = Self.dot(cx, cy, w, h), owner[i] < 0 { owner[i] = Int32(k) }   // never invisible
        }
        var sums = Array(repeating: (x: 0.0, y: 0.0, n: 0), count: shapes.count)
        for y in 0..<h {
            for x in 0..<w {
                let o = Int(owner[y * w + x])
                if o >= 0 { sums[o].x += Double(x) + 0.5; sums[o].y += Double(y) + 0.5; sums[o].n += 1 }
            }
        }
        for x in stride(from: w - 1, through: 0, by: -1) where (0..<h).contains(where: { owner[$0 * w + x] >= 0 }) {
            lastColumn = x / Self.dotsAcross
            break
        }
        centroids = sums.map { $0.n > 0 ? ($0.x / Double($0.n), $0.y / Double($0.n)) : nil }
    }

    /// A circle of the unit's area (1 km² when unknown).
    static func markRadiusKm(_ area: Double?) -> Double { (max(area ?? 1, 0.01) / .pi).squareRoot() }

    static func dot(_ x: Double, _ y: Double, _ w: Int, _ h: Int) -> Int? {
        let xi = Int(x.rounded(.down)), yi = Int(y.rounded(.down))
        return xi >= 0 && xi < w && yi >= 0 && yi < h ? yi * w + xi : nil
    }

    /// Scanline fill, even–odd: a dot belongs to the unit when its centre is inside.
    mutating func fill(_ rings: [[(x: Double, y: Double)]], as k: Int32) {
        let w = width, h = height
        var minY = Double.infinity, maxY = -Double.infinity
        for r in rings { for p in r { minY = min(minY, p.y); maxY = max(maxY, p.y) } }
        guard minY < maxY else { return }
        var xs: [Double] = []
        for y in stride(from: max(0, Int(minY)), through: min(h - 1, Int(maxY)), by: 1) {
            let yc = Double(y) + 0.5
            xs.removeAll(keepingCapacity: true)
            for r in rings {
                var p = r[r.count - 1]
                for q in r {
                    if (p.y <= yc) != (q.y <= yc) { xs.append(p.x + (yc - p.y) * (q.x - p.x) / (q.y - p.y)) }
                    p = q
                }
            }
            xs.sort()
            var i = 0
            while i + 1 < xs.count {
                let a = max(0, Int((xs[i] - 0.5).rounded(.up))), b = min(w - 1, Int((xs[i + 1] - 0.5).rounded(.down)))
                if a <= b { for x in a...b { owner[y * w + x] = k } }
                i += 2
            }
        }
    }

    /// The rings' edges as dots.
    mutating func strokeOutline(_ rings: [[(x: Double, y: Double)]]) {
        for r in rings {
            for (p, q) in zip(r, r.dropFirst()) {
                let steps = max(1, Int(max(abs(q.x - p.x), abs(q.y - p.y)).rounded(.up)))
                for s in 0...steps {
                    let t = Double(s) / Double(steps)
                    if let i = Self.dot(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t, width, height) { outline[i] = true }
                }
            }
        }
    }

    /// The position in `units` of the unit owning dot (x, y), if any.
    public func owner(x: Int, y: Int) -> Int? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        let o = owner[y * width + x]
        return o >= 0 ? Int(o) : nil
    }

    /// Units that touch (dots side by side), as positions in `units`.
    public func neighbours() -> [Set<Int>] {
        var out = Array(repeating: Set<Int>(), count: units.count)
        let w = width
        for y in 0..<height {
            for x in 0..<w {
                let a = owner[y * w + x]
                guard a >= 0 else { continue }
                if x + 1 < w { let b = owner[y * w + x + 1]; if b >= 0, b != a { out[Int(a)].insert(Int(b)); out[Int(b)].insert(Int(a)) } }
                if y + 1 < height { let b = owner[(y + 1) * w + x]; if b >= 0, b != a { out[Int(a)].insert(Int(b)); out[Int(b)].insert(Int(a)) } }
            }
        }
        return out
    }
}

/// Rasters kept between frames by the snapshot's geometry, per units and size. The render stays
/// a function of the state; this only saves it the projection.
extension MapRaster {
    /// The raster of `units` at a size, drawn once per snapshot's geometry and size (kept by the
    /// geometry: see `DrawingMemo`).
    static func of(_ geometry: Geometry, units: [Int], columns: Int, rows: Int) -> MapRaster {
        struct Key: Hashable { let units: [Int]; let columns: Int; let rows: Int }
        return geometry.drawings.value(for: Key(units: units, columns: columns, rows: rows)) {
            MapRaster(geometry: geometry, units: units, columns: columns, rows: rows)
        }
    }
}
