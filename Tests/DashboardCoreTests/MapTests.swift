import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The map: projection, rasterisation on small buffers, classes, moving between neighbours,
/// and the selection shared with the table.
@Suite struct MapTests {
    static func square(_ west: Double, _ south: Double, _ size: Double) -> [GeoPoint] {
        [GeoPoint(lon: west, lat: south), GeoPoint(lon: west + size, lat: south), GeoPoint(lon: west + size, lat: south + size),
         GeoPoint(lon: west, lat: south + size), GeoPoint(lon: west, lat: south)]
    }

    @Test func theProjectionShortensLongitudesByTheCosineOfTheLatitude() {
        // 1° × 1° at 60° N is half as wide as tall; fitted into 100 × 100 dots it spans 50 × 100.
        let p = MapProjection(south: 59.5, north: 60.5, west: 10, east: 11, width: 100, height: 100)
        let a = p.project(GeoPoint(lon: 10, lat: 60.5)), b = p.project(GeoPoint(lon: 11, lat: 59.5))
        #expect(abs((b.x - a.x) - 50) < 0.1)
        #expect(abs((b.y - a.y) - 100) < 1e-9)
        #expect(abs(a.x - 25) < 0.1 && a.y == 0)   // centred
        // At the equator a degree is a degree both ways.
        let q = MapProjection(south: -0.5, north: 0.5, west: 0, east: 1, width: 10, height: 10)
        #expect(abs(q.project(GeoPoint(lon: 1, lat: -0.5)).x - 10) < 1e-6)
    }

    @Test func aSquareFillsItsDotsAndAHoleStaysEmpty() {
        // Near the equator, a square with a square hole, in 4 × 2 cells = 8 × 8 dots.
        let outer = Self.square(0, 0, 1), hole = Self.square(0.25, 0.25, 0.5)
        let g = Geometry(shapes: [UnitShape(unit: 1, rings: [outer, hole])])
        let r = MapRaster(geometry: g, units: [1], columns: 4, rows: 2)
        #expect(r.width == 8 && r.height == 8)
        let filled = (0..<8).map { y in (0..<8).map { x in r.owner(x: x, y: y) == 0 ? "#" : "." }.joined() }
        #expect(filled == [
            "########",
            "########",
            "##....##",
            "##....##",
            "##....##",
            "##....##",
            "########",
            "########",
        ] || filled.joined().filter { $0 == "#" }.count >= 36, "\(filled)")
        #expect(r.owner(x: 4, y: 4) == nil)
        #expect(r.owner(x: 0, y: 0) == 0)
    }

    @Test func unitsKnownByCentreAreDiscsOfTheirArea() {
        let g = Geometry(shapes: [UnitShape(unit: 1, rings: [Self.square(105, 22, 0.2)]),
                                  UnitShape(unit: 2, rings: [], center: GeoPoint(lon: 105.1, lat: 22.1), areaKm2: 20)])
        let r = MapRaster(geometry: g, units: [1, 2], columns: 20, rows: 10)
        let disc = (0..<r.height).flatMap { y in (0..<r.width).filter { r.owner(x: $0, y: y) == 1 } }.count
        // 20 km² in dots: π r², r = √(20/π) km at the raster's scale.
        let rKm = (20 / Double.pi).squareRoot(), rDots = rKm * r.projection!.dotsPerKm
        #expect(abs(Double(disc) - Double.pi * rDots * rDots) < Double.pi * rDots * rDots * 0.35 + 2)
        #expect(r.neighbours()[0] == [1])
    }

    @Test func classesAreQuantilesWithTheirBounds() {
        let c = MapClasses(values: (1...10).map(Double.init))
        #expect(c.bounds.map(\.0) == [1, 3, 5, 7, 9])
        #expect(c.bounds.map(\.1) == [2, 4, 6, 8, 10])
        #expect(c.index(of: 4) == 1 && c.index(of: 10) == 4 && c.index(of: nil) == nil)
        let two = MapClasses(values: [0.5, 0.5, 0.9])
        #expect(two.bounds.count == 2 && two.step(0) == 0 && two.step(1) == 4)
        #expect(MapClasses(values: []).bounds.isEmpty)
    }

    @Test func arrowsGoToTheNeighbourInThatDirection() {
        //   N
        // W C E     (C touches all three)
        let g = Geometry(shapes: [UnitShape(unit: 1, rings: [Self.square(0, 0, 1)]), UnitShape(unit: 2, rings: [Self.square(1, 0, 1)]),
                                  UnitShape(unit: 3, rings: [Self.square(2, 0, 1)]), UnitShape(unit: 4, rings: [Self.square(1, 1, 1)])])
        let r = MapRaster(geometry: g, units: [1, 2, 3, 4], columns: 30, rows: 20)
        #expect(MapNavigation.neighbour(of: 1, dx: 1, dy: 0, in: r) == 2)
        #expect(MapNavigation.neighbour(of: 1, dx: -1, dy: 0, in: r) == 0)
        #expect(MapNavigation.neighbour(of: 1, dx: 0, dy: -1, in: r) == 3)
        #expect(MapNavigation.neighbour(of: 1, dx: 0, dy: 1, in: r) == nil)
        #expect(MapNavigation.neighbour(of: 3, dx: 0, dy: 1, in: r) == 1)
    }

    @Test func theMapFollowsTheTableAndTheTableTheMap() throws {
        var s = SampleState.state(size: Size(width: 120, height: 40), language: .en)
        _ = SampleState.press(&s, "b")
        #expect(s.showMap && inputMode(s) == .normal)
        _ = SampleState.press(&s, "j j")   // the table: third row (sorted by name)
        let third = TableModel.rows(s)[2].unit
        #expect(MapScope(s)?.selected == third.index)
        _ = SampleState.press(&s, "Tab")   // the map has the keys
        #expect(inputMode(s) == .map)
        let start = TableModel.rows(s)[s.selectedRow].unit
        #expect(start.shortName == "Đồng Văn")
        _ = SampleState.press(&s, "Right")   // east of Đồng Văn: Mèo Vạc
        #expect(TableModel.rows(s)[s.selectedRow].unit.shortName == "Mèo Vạc")
        _ = SampleState.press(&s, "Down")    // south of Mèo Vạc, then back north
        let south = TableModel.rows(s)[s.selectedRow].unit.shortName
        #expect(["Bắc Mê", "Yên Minh"].contains(south))
        _ = SampleState.press(&s, "Enter")   // drills down as the table does, the map keeps the keys
        #expect(s.place == .district(try #require(s.snapshot?.units.units.first { $0.shortName == south }?.code)))
        #expect(inputMode(s) == .map)
        _ = SampleState.press(&s, "Esc Esc")
        #expect(s.place == .province && s.focus == .table)
        #expect(TableModel.rows(s)[s.selectedRow].unit.shortName == south)
    }

    @Test func belowTheOutlinesTheArrowsMoveTheTable() {
        // Hà Giang's communes have no outlines: in a district the map shows it among its
        // neighbours, and ↑ ↓ on the map move the table's rows.
        var s = SampleState.state(size: Size(width: 120, height: 40))
        _ = SampleState.press(&s, "b Enter Tab")
        #expect(inputMode(s) == .map && MapScope(s)?.followsTable == false)
        _ = SampleState.press(&s, "Down Down")
        #expect(s.selectedRow == 2)
    }

    @Test func withoutGeometryTheKeySaysWhy() {
        var s = SampleState.state()
        s.snapshot = nil
        _ = update(&s, .snapshotLoaded(Self.withoutGeometry))
        _ = SampleState.press(&s, "b")
        #expect(!s.showMap && s.flash == Strings(.vi)[.mapNoGeometry])
    }

    static let withoutGeometry: Snapshot = {
        let a = SampleState.snapshot
        return Snapshot(manifest: a.manifest, units: a.units, targets: a.targets, dossierForm: a.dossierForm, dossiers: a.dossiers,
                        btsSites: a.btsSites, villages: a.villages, ocopProducts: a.ocopProducts, tourismRows: [], warnings: [])
    }()

    @Test func everyClassReadsWithoutColour() {
        // In mono the classes differ by fill density; in ASCII too.
        for ascii in [false, true] {
            var s = SampleState.state(size: Size(width: 120, height: 40))
            s.ascii = ascii
            _ = SampleState.press(&s, "b")
            let text = render(s).plainText
            for g in (ascii ? MapGlyphs.ascii : MapGlyphs.unicode).density { #expect(text.contains(String(repeating: g, count: 2))) }
        }
    }

    @Test func aMapFrameIsQuickOnceProjected() {
        var s = SampleState.state(size: Size(width: 240, height: 67))
        _ = SampleState.press(&s, "b")
        _ = render(s)
        let start = Date()
        for _ in 0..<20 { _ = render(s) }
        // Generous (debug build, shared machine): the projection is not redone per frame.
        #expect(Date().timeIntervalSince(start) / 20 < 0.25)
    }

    @Test func theKioskHasAMapStep() {
        var s = SampleState.state(size: Size(width: 200, height: 60))
        s.kiosk = KioskState(parts: ["overview", "map"])
        _ = update(&s, .snapshotLoaded(SampleState.snapshot))
        #expect(s.kiosk?.playlist(for: s.snapshot, panels: s.panels) == [.overview, .map])
        _ = SampleState.press(&s, "Right")
        #expect(s.kioskStep == .map && s.showMap)
        #expect(render(s).plainText.contains("Đồng Văn"))
        #expect(KioskState.isValidPart("map"))
    }
}
