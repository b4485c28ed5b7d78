import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// What used to slip through the catalogue and the small files: decomposed names, a former
/// district that is none, an old catalogue valid after the change, targets out of range or
/// repeated, a runaway text field. Each refused at its `file:line:column`.
@Suite struct CatalogueRulesTests {
    static func errors(_ dir: String) -> [String] {
        switch SnapshotLoader.load(directory: dir) {
        case .success: return []
        case .failure(let f): return f.errors.map(\.description)
        }
    }

    static func combining(_ s: String) -> Bool { s.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } }

    // MARK: NFC

    @Test func unitNamesInNFDAreReadInNFC() throws {
        let nfd = TinySnapshot.units.decomposedStringWithCanonicalMapping
        #expect(Self.combining(nfd))
        let s = try SnapshotLoader.load(directory: TinySnapshot.write(["units.json": nfd])).get()
        for u in s.units.units {
            #expect(!Self.combining(u.name) && !Self.combining(u.shortName) && !Self.combining(u.kind), "\(u.code) \(u.name)")
        }
        #expect(s.units.unit(code: "00793")?.name.utf8.elementsEqual("Xã Đạo Đức".precomposedStringWithCanonicalMapping.utf8) == true)
        #expect(s.units.unit(code: "00712")?.kind == "thị trấn")
    }

    @Test func ocopPlatformsInNFDAreReadInNFC() throws {
        let ocop = TinySnapshot.ocop.replacingOccurrences(of: "Postmart|Shopee", with: "Chợ phiên|Shopee")
            .decomposedStringWithCanonicalMapping
        let s = try SnapshotLoader.load(directory: TinySnapshot.write(["ocop.csv": ocop])).get()
        let p = try #require(s.ocopProducts.first { $0.id == "P1" })
        #expect(p.platforms.first?.utf8.elementsEqual("Chợ phiên".precomposedStringWithCanonicalMapping.utf8) == true)
        #expect(!Self.combining(p.name))
    }

    // MARK: Former districts and the old catalogue's dates

    @Test func aFormerDistrictCodeThatIsNoFormerDistrictIsRefusedAtItsPlace() {
        let dir = CatalogueTests.miniature()
        let units = Fixtures.read(dir + "/units.json")
        // The second commune names 999, on line 8 of units.json.
        var lines = units.components(separatedBy: "\n")
        lines[7] = lines[7].replacingOccurrences(of: "\"former_district_code\": \"901\"", with: "\"former_district_code\": \"999\"")
        Fixtures.write(lines.joined(separator: "\n"), to: dir + "/units.json")
        let e = Self.errors(dir)
        let col = lines[7].distance(from: lines[7].startIndex, to: lines[7].range(of: "\"999\"")!.lowerBound) + 1
        #expect(e.contains("units.json:8:\(col): commune 10002: former_district_code \"999\" is not a district of units_before.json"), "\(e)")
    }

    @Test func aFormerDistrictWithoutTheOldCatalogueIsRefused() throws {
        let dir = CatalogueTests.miniature()
        Fixtures.write("""
        {"province": {"code": "99", "name": "Thử", "full_name": "Tỉnh Thử", "communes": [
          {"code": "10001", "name": "Xã Một", "former_district_code": "901"},
          {"code": "10002", "name": "Phường Hai", "kind": "phường"}]}}
        """, to: dir + "/units.json")
        try FileManager.default.removeItem(atPath: dir + "/units_before.json")
        let e = Self.errors(dir)
        #expect(e.contains("units.json:2:63: commune 10001: former_district_code \"901\" names a former district, "
                           + "but there is no units_before.json (the old catalogue of districts)"), "\(e)")
    }

    @Test(arguments: [("2025-07-15", "is not before the change"), ("2025-07-01", "is not before the change"),
                      ("2025-06-15", "leaves a gap before the change"), ("30/06/2025", "is not a YYYY-MM-DD date")])
    func anOldCatalogueValidAfterTheChangeIsRefused(_ until: String, _ why: String) {
        let dir = CatalogueTests.miniature()
        let before = Fixtures.read(dir + "/units_before.json")
        Fixtures.write(before.replacingOccurrences(of: "2025-06-30", with: until), to: dir + "/units_before.json")
        let e = Self.errors(dir)
        #expect(e.contains { $0.hasPrefix("units_before.json:1:17: valid_until \"\(until)\" \(why)") && $0.hasSuffix("2025-06-30") }, "\(e)")
    }

    @Test func theDayBeforeTheChangeIsTheOldCataloguesLastDay() throws {
        _ = try SnapshotLoader.load(directory: CatalogueTests.miniature()).get()
    }

    // MARK: targets.json

    static func targets(_ entries: String) -> [String] {
        errors(TinySnapshot.write(["targets.json": "{\"targets\": [\n" + entries + "\n]}"]))
    }

    @Test(arguments: [
        ("{\"indicator\": \"dossiers.online_share\", \"target\": 1e308, \"at_risk\": 0.5}",
         "targets.json:2:50: target dossiers.online_share: target 1e+308 is outside 0 … 1 (a share is a fraction: 0.85 for 85%)"),
        ("{\"indicator\": \"dossiers.online_share\", \"target\": 0.9, \"at_risk\": -5}",
         "targets.json:2:66: target dossiers.online_share: at_risk -5.0 is outside 0 … 1"),
        ("{\"indicator\": \"society.vneid_share\", \"target\": 85, \"at_risk\": 70}",
         "targets.json:2:48: target society.vneid_share: target 85.0 is outside 0 … 1 (a share is a fraction: 0.85 for 85%)"),
        ("{\"indicator\": \"index_766.total\", \"target\": 180, \"at_risk\": 70}",
         "target index_766.total: target 180.0 is outside 0 … 100 (points of 100)"),
        ("{\"indicator\": \"tourism.growth_yoy\", \"target\": 0.1, \"at_risk\": -3}",
         "target tourism.growth_yoy: at_risk -3.0 is outside -1 … 10 (a relative change: 0.1 for +10%)"),
        ("{\"indicator\": \"ocop.listed_share\", \"target\": true, \"at_risk\": 0.5}",
         "targets.json:2:46: target ocop.listed_share: \"target\" must be a number"),
        ("{\"indicator\": \"ocop.listed_share\", \"target\": \"0.9\", \"at_risk\": 0.5}", "\"target\" must be a number"),
        ("{\"indicator\": \"ocop.listed_share\", \"target\": 0.9, \"at_risk\": 0.5},\n {\"indicator\": \"ocop.listed_share\", \"target\": 0.8, \"at_risk\": 0.1}",
         "targets.json:3:16: indicator ocop.listed_share is repeated (first on line 2)"),
        ("{\"indicator\": \"ocop.listed_share\", \"target\": 0.5, \"at_risk\": 0.9}",
         "targets.json:2:62: target ocop.listed_share: at_risk (0.9) is above target (0.5)"),
    ])
    func targetsOutOfRangeOrRepeatedAreRefused(_ entries: String, _ expected: String) {
        let e = Self.targets(entries)
        #expect(e.contains { $0.contains(expected) }, "\(e)")
    }

    @Test func everyBadTargetIsReportedNotOnlyTheFirst() {
        let e = Self.targets("""
        {"indicator": "dossiers.online_share", "target": 1e308, "at_risk": 0.5},
        {"indicator": "dossiers.on_time_share", "target": 0.9, "at_risk": -5}
        """)
        #expect(e.filter { $0.hasPrefix("targets.json:") }.count == 2, "\(e)")
    }

    @Test func sensibleTargetsStillLoad() throws {
        let text = """
        {"targets": [{"indicator": "tourism.growth_yoy", "target": 0.1, "at_risk": -0.05},
                     {"indicator": "index_766.total", "target": 80, "at_risk": 70},
                     {"indicator": "dossiers.online_share", "target": 1, "at_risk": 0}]}
        """
        let s = try SnapshotLoader.load(directory: TinySnapshot.write(["targets.json": text])).get()
        #expect(s.targets.targets["index_766.total"]?.target == 80 && s.targets.targets["tourism.growth_yoy"]?.atRisk == -0.05)
    }

    // MARK: Text fields

    @Test func aTenMegabyteProductNameIsRefusedAtItsField() {
        let long = String(repeating: "Mật ong ", count: 1_250_000)
        let e = Self.errors(TinySnapshot.write(["ocop.csv": TinySnapshot.ocop.replacingOccurrences(of: "Ớt gió", with: long)]))
        #expect(e.contains { $0.hasPrefix("ocop.csv:3:2: name is too long (") && $0.contains("at most 500 characters") }, "\(e)")
    }

    @Test func aNameJustOverTheLimitIsRefusedAndOneAtItIsKept() throws {
        let at = String(repeating: "ệ", count: TableRow.maximumTextLength)
        let nfdAt = at.decomposedStringWithCanonicalMapping
        let ok = try SnapshotLoader.load(directory: TinySnapshot.write(["ocop.csv": TinySnapshot.ocop.replacingOccurrences(of: "Ớt gió", with: nfdAt)])).get()
        #expect(ok.ocopProducts.contains { $0.name == at })
        let e = Self.errors(TinySnapshot.write(["villages.csv": TinySnapshot.villages.replacingOccurrences(of: "Thôn Séo Lủng", with: at + "x")]))
        #expect(e.contains("villages.csv:3:2: name is too long (501 characters; at most 500 characters): a shifted column or an unclosed quote?"), "\(e)")
    }
}
