import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// Dated catalogues: two-tier units, the old catalogue, the old→new mapping, re-basing by
/// share, and `check`'s errors at file:line.
@Suite struct CatalogueTests {
    /// A two-tier province (99) made on 2025-07-01 of one old district (901) of old province 98:
    /// old 00001 → 10001 whole; 00002 split 10001 (given share) / 10002; 00003 → 10002 whole.
    static func miniature(share: String = ", \"share\": 0.25", secondShare: String = ", \"share\": 0.75", extraRows: String = "",
                          extraBefore: String = "") -> String {
        let dir = Fixtures.temporaryDirectory("cdsboard-catalogue")
        Fixtures.write("""
        {"province_code": "99", "generated_at": "2025-10-05T08:00:00+07:00", "period_end": "2025-09-30"}
        """, to: dir + "/manifest.json")
        Fixtures.write("""
        {"province": {"code": "99", "name": "Thử", "full_name": "Tỉnh Thử", "valid_from": "2025-07-01",
          "communes": [
            {"code": "10001", "name": "Xã Một", "kind": "xã", "former_district_code": "901",
             "predecessors": [
               {"code": "00001", "part": "full"},
               {"code": "00002", "part": "partial"\(share)}
             ]},
            {"code": "10002", "name": "Phường Hai", "kind": "phường", "former_district_code": "901",
             "predecessors": [
               {"code": "00002", "part": "partial"\(secondShare)},
               {"code": "00003", "part": "full"}
             ]}
          ]}}
        """, to: dir + "/units.json")
        Fixtures.write("""
        {"valid_until": "2025-06-30", "provinces": [
          {"code": "98", "name": "Cũ", "districts": [
            {"code": "901", "name": "Huyện Cũ", "short_name": "Cũ", "communes": [
              {"code": "00001", "name": "Xã A"},
              {"code": "00002", "name": "Xã B"},
              {"code": "00003", "name": "Xã C"}\(extraBefore)
            ]}]}]}
        """, to: dir + "/units_before.json")
        Fixtures.write("""
        month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue
        2025-06,901,00001,commune,Hộ tịch,online,10,10,10,0,0,0,0
        2025-06,901,00002,commune,Hộ tịch,online,100,80,80,0,0,20,2
        2025-06,901,00003,commune,Hộ tịch,direct,7,7,7,0,0,0,0
        2025-06,901,,district,Đất đai,direct,5,5,5,0,0,0,0
        2025-07,,10001,commune,Hộ tịch,online,30,30,30,0,0,0,0
        2025-07,,10002,commune,Hộ tịch,online,40,40,40,0,0,0,0
        2025-07,,,province,Đất đai,direct,3,3,3,0,0,0,0
        \(extraRows)
        """, to: dir + "/dossier_stats.csv")
        Fixtures.write("""
        site_id,operator,district_code,commune_code,lat,lon,tech,status,commissioned_date
        S1,VNPT,,10001,22.1,105.1,4G,active,2020-01-01
        S2,VNPT,,10002,22.1,105.1,4G,active,2025-08-01
        """, to: dir + "/bts.csv")
        Fixtures.write("""
        village_code,name,district_code,commune_code,households,poor_households,mobile,broadband
        V1,Thôn 1,,10001,50,5,4G,yes
        V2,Thôn 2,,10002,50,5,none,no
        """, to: dir + "/villages.csv")
        Fixtures.write("""
        product_id,name,producer,district_code,category,stars,platforms,listed_date
        P1,Chè,HTX,901,Đồ uống,3,Postmart,2024-01-01
        P2,Mật ong,HTX,,Thực phẩm,3,,
        """, to: dir + "/ocop.csv")
        Fixtures.write("""
        month,district_code,domestic_visitors,international_visitors,revenue_million_vnd
        2025-06,901,100,10,500
        2025-07,,200,20,900
        """, to: dir + "/tourism.csv")
        return dir
    }

    static func load(_ dir: String) -> Result<Snapshot, SnapshotFailure> { SnapshotLoader.load(directory: dir) }

    @Test func twoTiersWithFormerDistrictsAsGroupings() throws {
        let s = try Self.load(Self.miniature()).get()
        #expect(s.units.twoTier)
        #expect(s.units.districtIndexes.count == 1)
        let g = s.units.units[s.units.districtIndexes[0]]
        #expect(g.isGrouping && g.name == "khu vực Cũ (cũ)")
        #expect(s.units.communeIndexes.count == 2)
        #expect(s.units.change?.date == Day(iso: "2025-07-01"))
        #expect(s.units.change?.before.first?.province.code == "98")
        #expect(!s.warnings.contains { $0.file.hasPrefix("units") })
    }

    @Test func preChangeFiguresAreRebasedWholeLinksExactlyPartialByShare() throws {
        let s = try Self.load(Self.miniature()).get()
        let one = s.units.unit(code: "10001")!.index, two = s.units.unit(code: "10002")!.index
        let june = Period.month(Month(year: 2025, month: 6))
        // 00001 whole (10) + a quarter of 00002 (25 of 100) / three quarters (75) + 00003 whole (7).
        #expect(s.dossiers.total(unit: one, period: june).received == 35)
        #expect(s.dossiers.total(unit: two, period: june).received == 82)
        #expect(s.dossiers.total(unit: one, period: june).pending == 5)
        #expect(s.dossiers.total(unit: two, period: june).pending == 15)
        // The province keeps every dossier, the district-level ones in the former district.
        #expect(s.dossiers.total(unit: 0, period: june).received == 122)
        #expect(s.dossiers.total(unit: s.units.districtIndexes[0], period: june).received == 122)
        #expect(s.dossiers.total(unit: 0, period: .month(Month(year: 2025, month: 7))).received == 73)
        // Historical: the old province as reported, in its own units.
        let h = try #require(s.history.first)
        #expect(h.units.province.code == "98")
        #expect(h.dossiers.total(unit: h.units.unit(code: "00002")!.index, period: june).received == 100)
        #expect(h.dossiers.total(unit: 0, period: june).received == 122)
        #expect(s.tourism.total(unit: 0, period: .month(Month(year: 2025, month: 7))).visitors == 220)
    }

    @Test func splitKeepsTheWholeAndFollowsTheShares() {
        var t = DossierTally()
        t.received = 101; t.online = 7; t.resolved = 3
        let parts = UnitChange.split(t, [0.25, 0.75])
        #expect(parts.map(\.received) == [25, 76])
        #expect(parts.map(\.online).reduce(0, +) == 7)
        #expect(parts.map(\.resolved) == [1, 2])
        #expect(UnitChange.split(t, [1]).first == t)
    }

    @Test func partialLinksWithoutAShareAreSplitEquallyWithAWarning() throws {
        let s = try Self.load(Self.miniature(share: "", secondShare: "")).get()
        let one = s.units.unit(code: "10001")!.index
        #expect(s.dossiers.total(unit: one, period: .month(Month(year: 2025, month: 6))).received == 60)
        #expect(s.warnings.contains { $0.file == "units.json" && $0.line == 6 && $0.message.contains("split equally") })
    }

    func errors(_ dir: String) -> [String] {
        guard case .failure(let f) = Self.load(dir) else { return [] }
        return f.errors.map(\.description)
    }

    @Test func sharesThatDoNotSumToOneAreRefusedAtTheirLine() {
        let e = errors(Self.miniature(secondShare: ", \"share\": 0.5"))
        #expect(e.contains("units.json:6: the shares of old commune 00002 (to 10001, 10002) sum to 0.75, not 1"), "\(e)")
    }

    @Test func anUnmappedOldCommuneIsRefusedAtItsLine() {
        let e = errors(Self.miniature(extraBefore: ",\n      {\"code\": \"00004\", \"name\": \"Xã D\"}"))
        #expect(e.contains("units_before.json:7: commune 00004 (Xã D) is not mapped: no commune of units.json lists it among its predecessors"), "\(e)")
    }

    @Test func aRowAfterTheChangeInAnOldCodeIsRefused() {
        let e = errors(Self.miniature(extraRows: "2025-08,,00002,commune,Hộ tịch,online,1,1,1,0,0,0,0"))
        #expect(e.contains { $0.hasPrefix("dossier_stats.csv:9:3: commune_code 00002 was merged on 2025-07-01 into 10001 and 10002") }, "\(e)")
    }

    @Test func aRowBeforeTheChangeInANewCodeIsRefused() {
        let e = errors(Self.miniature(extraRows: "2025-05,901,10002,commune,Hộ tịch,online,1,1,1,0,0,0,0"))
        #expect(e.contains { $0.hasPrefix("dossier_stats.csv:9:3: commune_code 10002 (Phường Hai) exists only from 2025-07-01") }, "\(e)")
    }

    @Test func aTwoTierProvinceWithoutHistoryLoadsWithCommunesUnderIt() throws {
        let dir = Self.miniature()
        try FileManager.default.removeItem(atPath: dir + "/units_before.json")
        Fixtures.write("""
        {"province": {"code": "99", "name": "Thử", "communes": [
          {"code": "10001", "name": "Xã Một"}, {"code": "10002", "name": "Phường Hai", "kind": "phường"}]}}
        """, to: dir + "/units.json")
        Fixtures.write("""
        month,district_code,commune_code,level,field,channel,received,resolved,resolved_on_time,returned,withdrawn,pending,pending_overdue
        2025-07,,10001,commune,Hộ tịch,online,30,30,30,0,0,0,0
        2025-07,,,province,Đất đai,direct,3,3,3,0,0,0,0
        """, to: dir + "/dossier_stats.csv")
        Fixtures.write("""
        month,district_code,domestic_visitors,international_visitors,revenue_million_vnd
        2025-07,,200,20,900
        """, to: dir + "/tourism.csv")
        Fixtures.write("""
        product_id,name,producer,district_code,category,stars,platforms,listed_date
        P2,Mật ong,HTX,,Thực phẩm,3,,
        """, to: dir + "/ocop.csv")
        let s = try Self.load(dir).get()
        #expect(s.units.districtIndexes.isEmpty)
        #expect(s.units.province.children.count == 2)
        #expect(s.units.parent(of: s.units.unit(code: "10002")!.index) == 0)
        #expect(s.dossiers.total(unit: 0, period: .month(Month(year: 2025, month: 7))).received == 33)
        #expect(s.bts[0].active == 2)
    }
}
