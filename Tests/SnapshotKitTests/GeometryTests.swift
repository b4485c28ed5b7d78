import DashboardTestSupport
import Foundation
@testable import SnapshotKit
import Testing

/// The optional `geometry.json`: outlines and centres, checked with the line of each entry.
@Suite struct GeometryTests {
    static let good = """
    {"units": [
      {"code": "026", "type": "Polygon", "coordinates": [[[105.2, 23.1], [105.4, 23.1], [105.4, 23.3], [105.2, 23.1]]]},
      {"code": "030", "type": "MultiPolygon", "coordinates": [[[[104.8, 22.7], [105.0, 22.7], [105.0, 22.9], [104.8, 22.7]]]]},
      {"code": "00715", "center": [105.3, 23.36], "area_km2": 32.5}
     ],
     "outlines": [{"name": "old", "type": "Polygon", "coordinates": [[[105, 22], [106, 22], [106, 23], [105, 22]]]}]}
    """

    static func units() throws -> UnitTree { try JSONFiles.units(data: Data(TinySnapshot.units.utf8)) }

    @Test func aGoodFileGivesShapesByUnit() throws {
        let units = try Self.units()
        let (g, problems) = GeometryFile.parse(data: Data(Self.good.utf8), units: units)
        #expect(problems.isEmpty)
        let geometry = try #require(g)
        #expect(geometry.shapes.count == 3)
        let dv = try #require(units.unit(code: "026")?.index)
        #expect(geometry.shape(unit: dv)?.rings.first?.count == 4)
        let lc = try #require(units.unit(code: "00715")?.index)
        #expect(geometry.shape(unit: lc)?.center == GeoPoint(lon: 105.3, lat: 23.36))
        #expect(geometry.shape(unit: lc)?.areaKm2 == 32.5)
        #expect(geometry.outlines.map(\.name) == ["old"])
    }

    @Test func errorsNameTheLineOfTheEntry() throws {
        let bad = Self.good
            .replacingOccurrences(of: "[105.4, 23.3], [105.2, 23.1]]]", with: "[105.4, 23.3], [105.2, 23.2]]]")  // not closed
            .replacingOccurrences(of: "\"030\"", with: "\"099\"")
            .replacingOccurrences(of: "[105.3, 23.36]", with: "[195.3, 23.36]")
            .replacingOccurrences(of: "[[105, 22], [106, 22], [106, 23], [105, 22]]", with: "[[105, 22], [106, 22], [105, 22]]")
        let (g, problems) = GeometryFile.parse(data: Data(bad.utf8), units: try Self.units())
        #expect(g == nil)
        #expect(problems.map(\.description) == [
            "geometry.json:2: unit 026: ring 1 is not closed (its last position is not its first)",
            "geometry.json:3: unit 099 is not in units.json",
            "geometry.json:4: unit 00715: \"center\" must be [lon, lat] in degrees (lon −180…180, lat −90…90)",
            "geometry.json:6: outline old: ring 1 has 3 positions; a ring needs at least 4",
        ])
    }

    @Test func outOfRangeCoordinatesAndRepeatsAreErrors() throws {
        let bad = """
        {"units": [{"code": "026", "type": "Polygon", "coordinates": [[[105.2, 93.1], [105.4, 23.1], [105.4, 23.3], [105.2, 93.1]]]},
        {"code": "026", "center": [105, 23]},
        {"code": "030"}, {"code": "00712", "center": [105, 23], "area_km2": -1}]}
        """
        let (_, problems) = GeometryFile.parse(data: Data(bad.utf8), units: try Self.units())
        #expect(problems.map(\.description) == [
            "geometry.json:1: unit 026: ring 1, position 1: not [lon, lat] in range (lon −180…180, lat −90…90)",
            "geometry.json:2: unit 026 is listed twice",
            "geometry.json:3: unit 030: neither an outline (type, coordinates) nor a \"center\"",
            "geometry.json:3: unit 00712: \"area_km2\" must be a positive number",
        ])
    }

    @Test func theDirectoryReaderTakesItOptionallyAndCheckReportsIt() throws {
        let dir = TinySnapshot.write()
        guard case .success(let without) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(without.geometry == nil)
        Fixtures.write(Self.good, to: dir + "/geometry.json")
        guard case .success(let with) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(with.geometry?.shapes.count == 3)
        Fixtures.write(Self.good.replacingOccurrences(of: "\"030\"", with: "\"031\""), to: dir + "/geometry.json")
        guard case .failure(let f) = SnapshotLoader.load(directory: dir) else { Issue.record("accepted"); return }
        #expect(f.first.description == "geometry.json:3: unit 031 is not in units.json")
    }

    @Test func theSampleCarriesItsElevenDistricts() throws {
        guard case .success(let s) = SnapshotLoader.load(directory: Fixtures.sampleDirectory) else { Issue.record("refused"); return }
        let g = try #require(s.geometry)
        #expect(g.shapes.count == 11)
        #expect(Set(g.shapes.map(\.unit)) == Set(s.units.districtIndexes))
    }
}
