import Foundation

/// A position in degrees (WGS 84).
public struct GeoPoint: Equatable, Sendable {
    public var lon: Double
    public var lat: Double
    public init(lon: Double, lat: Double) { self.lon = lon; self.lat = lat }
}

/// What the map knows of one unit: its outline (rings, filled even–odd, so holes work), and/or
/// its administrative centre and area (drawn as a mark sized by area when there is no outline).
public struct UnitShape: Equatable, Sendable {
    /// Index in `UnitTree.units`.
    public var unit: Int
    public var rings: [[GeoPoint]]
    public var center: GeoPoint?
    public var areaKm2: Double?
    public init(unit: Int, rings: [[GeoPoint]], center: GeoPoint? = nil, areaKm2: Double? = nil) {
        self.unit = unit; self.rings = rings; self.center = center; self.areaKm2 = areaKm2
    }
}

/// An outline drawn under the units that is not a unit of the catalogue (the former districts
/// of a province without a district level).
public struct Outline: Equatable, Sendable {
    public var name: String
    public var rings: [[GeoPoint]]
    public init(name: String, rings: [[GeoPoint]]) { self.name = name; self.rings = rings }
}

/// The optional `geometry.json` of a snapshot. A class so that a map can cache what it
/// projected from it by identity: one snapshot, one geometry, projected once per size.
public final class Geometry: Equatable, Sendable {
    public let shapes: [UnitShape]
    public let outlines: [Outline]
    /// Unit index → position in `shapes`.
    private let byUnit: [Int: Int]
    /// What views drew from these outlines (the map's rasters), kept as long as they are.
    public let drawings = DrawingMemo()

    public init(shapes: [UnitShape], outlines: [Outline] = []) {
        self.shapes = shapes
        self.outlines = outlines
        var map: [Int: Int] = [:]
        for (k, s) in shapes.enumerated() { map[s.unit] = k }
        byUnit = map
    }

    public func shape(unit: Int) -> UnitShape? { byUnit[unit].map { shapes[$0] } }

    public static func == (a: Geometry, b: Geometry) -> Bool {
        a === b || (a.shapes == b.shapes && a.outlines == b.outlines)
    }
}

/// Reads and checks `geometry.json`:
///
/// ```json
/// {"units": [
///   {"code": "024", "type": "Polygon", "coordinates": [[[104.97, 22.85], …]]},
///   {"code": "00688", "center": [104.98, 22.82], "area_km2": 12.5}
///  ],
///  "outlines": [{"name": "Huyện Na Hang", "type": "MultiPolygon", "coordinates": […]}]}
/// ```
///
/// Errors name the line where the offending entry opens.
public enum GeometryFile {
    public static let name = "geometry.json"

    public static func parse(data input: Data, units: UnitTree, name f: String = name) -> (Geometry?, [SnapshotIssue]) {
        let o: [String: Any]
        do { o = try JSONFiles.object(data: input, name: f) } catch { return (nil, [error]) }
        let lines = elementLines(input)
        var issues: [SnapshotIssue] = []
        func issue(_ key: String, _ k: Int, _ message: String) {
            issues.append(SnapshotIssue(file: f, line: lines[key].flatMap { $0.indices.contains(k) ? $0[k] : nil }, message: message))
        }
        guard let list = o["units"] as? [Any] else {
            return (nil, [SnapshotIssue(file: f, line: 1, message: "missing \"units\" list")])
        }
        var shapes: [UnitShape] = []
        var seen = Set<String>()
        for (k, item) in list.enumerated() {
            guard let d = item as? [String: Any], let code = d["code"] as? String, !code.isEmpty else {
                issue("units", k, "unit #\(k + 1): missing \"code\""); continue
            }
            guard let unit = units.unit(code: code) else {
                issue("units", k, "unit \(code) is not in units.json"); continue
            }
            guard seen.insert(code).inserted else { issue("units", k, "unit \(code) is listed twice"); continue }
            var shape = UnitShape(unit: unit.index, rings: [])
            if d["type"] != nil || d["coordinates"] != nil {
                switch rings(d) {
                case .success(let r): shape.rings = r
                case .failure(let p): issue("units", k, "unit \(code): \(p.message)"); continue
                }
            }
            if let c = d["center"] {
                guard let p = point(c) else {
                    issue("units", k, "unit \(code): \"center\" must be [lon, lat] in degrees (lon −180…180, lat −90…90)"); continue
                }
                shape.center = p
            }
            if let a = d["area_km2"] {
                guard let v = (a as? NSNumber)?.doubleValue, v.isFinite, v > 0 else {
                    issue("units", k, "unit \(code): \"area_km2\" must be a positive number"); continue
                }
                shape.areaKm2 = v
            }
            if shape.rings.isEmpty && shape.center == nil {
                issue("units", k, "unit \(code): neither an outline (type, coordinates) nor a \"center\""); continue
            }
            shapes.append(shape)
        }
        var outlines: [Outline] = []
        for (k, item) in ((o["outlines"] as? [Any]) ?? []).enumerated() {
            guard let d = item as? [String: Any] else { issue("outlines", k, "outline #\(k + 1): not an object"); continue }
            let label = JSONFiles.text(d, "name") ?? "#\(k + 1)"
            switch rings(d) {
            case .success(let r): outlines.append(Outline(name: label, rings: r))
            case .failure(let p): issue("outlines", k, "outline \(label): \(p.message)")
            }
        }
        if o["outlines"] != nil, !(o["outlines"] is [Any]) {
            issues.append(SnapshotIssue(file: f, line: 1, message: "\"outlines\" must be a list"))
        }
        return issues.isEmpty ? (Geometry(shapes: shapes, outlines: outlines), []) : (nil, issues)
    }

    struct Problem: Error { let message: String }

    /// The rings of a GeoJSON `Polygon` or `MultiPolygon` (`type` + `coordinates`).
    static func rings(_ d: [String: Any]) -> Result<[[GeoPoint]], Problem> {
        let type = d["type"] as? String
        let polygons: [Any]
        switch (type, d["coordinates"]) {
        case ("Polygon", let c as [Any]): polygons = [c]
        case ("MultiPolygon", let c as [Any]): polygons = c
        default: return .failure(Problem(message: "\"type\" must be Polygon or MultiPolygon, with \"coordinates\""))
        }
        var out: [[GeoPoint]] = []
        for (p, polygon) in polygons.enumerated() {
            guard let ringList = polygon as? [Any], !ringList.isEmpty else {
                return .failure(Problem(message: "polygon \(p + 1) has no rings"))
            }
            for (r, ringAny) in ringList.enumerated() {
                let at = polygons.count > 1 ? "polygon \(p + 1), ring \(r + 1)" : "ring \(r + 1)"
                guard let ring = ringAny as? [Any] else { return .failure(Problem(message: "\(at) is not a list of positions")) }
                var pts: [GeoPoint] = []
                pts.reserveCapacity(ring.count)
                for (i, pos) in ring.enumerated() {
                    guard let pt = point(pos) else {
                        return .failure(Problem(message: "\(at), position \(i + 1): not [lon, lat] in range (lon −180…180, lat −90…90)"))
                    }
                    pts.append(pt)
                }
                guard pts.count >= 4 else { return .failure(Problem(message: "\(at) has \(pts.count) positions; a ring needs at least 4")) }
                guard pts.first == pts.last else { return .failure(Problem(message: "\(at) is not closed (its last position is not its first)")) }
                out.append(pts)
            }
        }
        return .success(out)
    }

    static func point(_ any: Any) -> GeoPoint? {
        guard let a = any as? [Any], a.count >= 2, let lon = (a[0] as? NSNumber)?.doubleValue,
              let lat = (a[1] as? NSNumber)?.doubleValue, (-180...180).contains(lon), (-90...90).contains(lat) else { return nil }
        return GeoPoint(lon: lon, lat: lat)
    }

    /// For each top-level key holding a list, the line where each of its elements opens.
    static func elementLines(_ data: Data) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        var line = 1, depth = 0
        var inString = false, escaped = false
        var stringStart = 0
        var lastString = "", key = ""
        var expectValue = false, arrayAt2 = false
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 {
                    inString = false
                    lastString = String(decoding: bytes[stringStart..<i], as: UTF8.self)
                }
                if b == 0x0A { line += 1 }
                continue
            }
            switch b {
            case 0x0A: line += 1
            case 0x22:
                if depth == 2, expectValue { out[key, default: []].append(line); expectValue = false }
                inString = true; stringStart = i + 1
            case 0x3A: if depth == 1 { key = lastString }
            case 0x7B, 0x5B:
                if depth == 2, expectValue { out[key, default: []].append(line); expectValue = false }
                depth += 1
                if depth == 2 { arrayAt2 = b == 0x5B; expectValue = arrayAt2 }
            case 0x7D, 0x5D: depth -= 1
            case 0x2C: if depth == 2 { expectValue = arrayAt2 }
            case 0x20, 0x09, 0x0D: break
            default:
                if depth == 2, expectValue { out[key, default: []].append(line); expectValue = false }
            }
        }
        return out
    }
}
