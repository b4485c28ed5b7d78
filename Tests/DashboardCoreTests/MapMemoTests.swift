import Foundation
import SnapshotKit
import Testing
@testable import DashboardCore

/// The map's rasters are kept by the snapshot's geometry, not by a global: a snapshot that is
/// gone takes its outlines and rasters with it.
@Suite struct MapMemoTests {
    static func geometry() -> Geometry {
        Geometry(shapes: [UnitShape(unit: 1, rings: [MapTests.square(0, 0, 1)]), UnitShape(unit: 2, rings: [MapTests.square(1, 0, 1)])])
    }

    @Test func aRasterIsDrawnOnceAGeometryAndSize() {
        let memo = DrawingMemo(limit: 2)
        var made = 0
        for key in [1, 1, 2, 1, 3, 1] { _ = memo.value(for: key) { made += 1; return key } }
        // 1, 2, (1 kept), 3 drops 1, so the last 1 is drawn again.
        #expect(made == 4)
        let g = Self.geometry()
        let a = MapRaster.of(g, units: [1, 2], columns: 20, rows: 10)
        let b = MapRaster.of(g, units: [1, 2], columns: 20, rows: 10)
        #expect(a.owner == b.owner)
        #expect(a.owner == MapRaster(geometry: g, units: [1, 2], columns: 20, rows: 10).owner)
    }

    @Test func aGeometryNoLongerShownIsFreedWithItsRasters() {
        weak var gone: Geometry?
        do {
            let g = Self.geometry()
            _ = MapRaster.of(g, units: [1, 2], columns: 20, rows: 10)
            gone = g
        }
        #expect(gone == nil)
    }
}
