import DashboardTestSupport
import Foundation
import SnapshotKit
import Testing

/// `SnapshotBuilder` from outside the module (plain `import`): another source hands it tables
/// of text and gets the same snapshot and the same `source:line` errors as the directory reader.
@Suite struct BuilderTests {
    /// A plain splitter for the tiny files (quotes hold commas; no line breaks in fields).
    static func rows(_ text: String) -> (header: [String], rows: [TextRow]) {
        var lines = text.components(separatedBy: "\n").map { line -> [String] in
            var fields: [String] = [], field = "", quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { fields.append(field); field = "" } else { field.append(ch) }
            }
            return fields + [field]
        }
        let header = lines.removeFirst()
        return (header, lines.enumerated().map { TextRow($1, line: $0 + 2) })
    }

    static func table(_ kind: TableKind, _ text: String, source: String? = nil) throws -> TextTable<[TextRow]> {
        let (header, rows) = rows(text)
        return try TextTable(kind, source: source, header: header, rows: rows)
    }

    static func build(dossiers: String = TinySnapshot.dossiers, bts: String = TinySnapshot.bts,
                      units: String = TinySnapshot.units) throws -> Result<Snapshot, SnapshotFailure> {
        var b = SnapshotBuilder()
        b.setManifest(json: Data(TinySnapshot.manifest.utf8))
        b.setUnits(json: Data(units.utf8))
        var d = try table(.dossiers, dossiers, source: "db:dossiers")
        b.addDossiers(&d)
        var s = try table(.bts, bts)
        b.addBTS(&s)
        var v = try table(.villages, TinySnapshot.villages)
        b.addVillages(&v)
        var o = try table(.ocop, TinySnapshot.ocop)
        b.addOCOP(&o)
        var t = try table(.tourism, TinySnapshot.tourism)
        b.addTourism(&t)
        var society = try table(.society, TinySnapshot.society)
        b.addSociety(&society)
        return b.build()
    }

    @Test func tablesOfTextGiveTheSnapshotTheDirectoryGives() throws {
        guard case .success(let fromTables) = try Self.build() else { Issue.record("refused"); return }
        guard case .success(let fromFiles) = SnapshotLoader.load(directory: TinySnapshot.write()) else { Issue.record("refused"); return }
        #expect(fromTables == fromFiles)
        #expect(fromTables.dossierForm == .rows)
    }

    @Test func errorsNameTheSourceAndRow() throws {
        let bad = TinySnapshot.dossiers.replacingOccurrences(of: "D2,026", with: "D2,099")
            .replacingOccurrences(of: "D5,", with: "D1,")
        guard case .failure(let f) = try Self.build(dossiers: bad) else { Issue.record("accepted"); return }
        #expect(f.errors.map(\.description) == [
            "db:dossiers:3:3: unknown district_code \"099\" (not in units.json)",
            "db:dossiers:6:2: duplicate dossier_id \"D1\" (first on line 2)",
        ])
    }

    @Test func aMissingColumnIsReportedAtTheHeader() {
        #expect(throws: SnapshotIssue(file: "sheet BTS", line: 1, message: "missing required column tech")) {
            _ = try TextTable(.bts, source: "sheet BTS", header: ["site_id", "operator", "district_code", "commune_code", "lat", "lon",
                                                                 "status", "commissioned_date"], rows: [TextRow]())
        }
    }

    @Test func withoutTablesTheBuilderSaysWhatIsMissing() {
        var b = SnapshotBuilder()
        b.setManifest(json: Data(TinySnapshot.manifest.utf8))
        b.setUnits(json: Data(TinySnapshot.units.utf8))
        guard case .failure(let f) = b.build() else { Issue.record("accepted"); return }
        #expect(f.first.message.hasPrefix("no dossier table"))
    }

    /// The bounding box comes from the snapshot (`province.bounds` in units.json), not from code.
    @Test func theBoundingBoxComesFromTheUnits() throws {
        let paris = TinySnapshot.bts.replacingOccurrences(of: "23.36,105.32", with: "48.85,2.35")
        let saigon = TinySnapshot.bts.replacingOccurrences(of: "23.36,105.32", with: "10.77,106.70")
        let boxed = TinySnapshot.units.replacingOccurrences(
            of: "\"full_name\": \"Tỉnh Hà Giang\",",
            with: "\"full_name\": \"Tỉnh Hà Giang\", \"bounds\": {\"south\": 20.5, \"north\": 23.5, \"west\": 104, \"east\": 106},")
        guard case .success(let a) = try Self.build(bts: saigon) else { Issue.record("refused"); return }
        #expect(a.warnings.isEmpty)   // inside Vietnam: no box given
        guard case .success(let b) = try Self.build(bts: paris) else { Issue.record("refused"); return }
        #expect(b.warnings.map(\.description) == ["bts.csv:2: warning: site S1 lies outside Vietnam's extent (48.85, 2.35)"])
        guard case .success(let c) = try Self.build(bts: saigon, units: boxed) else { Issue.record("refused"); return }
        #expect(c.warnings.map(\.description) == ["bts.csv:2: warning: site S1 lies outside Hà Giang's bounding box (10.77, 106.7)"])
        let broken = boxed.replacingOccurrences(of: "\"south\": 20.5", with: "\"south\": 30")
        guard case .failure(let f) = try Self.build(units: broken) else { Issue.record("accepted"); return }
        #expect(f.first.description.hasPrefix("units.json: province: \"bounds\" must be"))
    }
}
