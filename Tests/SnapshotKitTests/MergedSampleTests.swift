import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// The bundled merged sample: the real catalogues, and one story with the `ha-giang` sample.
@Suite struct MergedSampleTests {
    static let directory = Fixtures.repositoryRoot() + "/SampleData/tuyen-quang"
    static let sample: Snapshot? = try? SnapshotLoader.load(directory: directory).get()
    static let hagiang: Snapshot? = try? SnapshotLoader.load(directory: Fixtures.sampleDirectory).get()

    @Test func carriesTheRealCatalogues() throws {
        let s = try #require(Self.sample)
        #expect(s.units.communeIndexes.count == 124)
        #expect(s.units.communeIndexes.filter { s.units.units[$0].kind == "phường" }.count == 7)
        #expect(s.units.districtIndexes.count == 18)
        #expect(s.units.unit(code: "00691")?.name == "Phường Hà Giang 2")
        #expect(s.units.unit(code: "026")?.name == "khu vực Đồng Văn (cũ)")
        let change = try #require(s.units.change)
        #expect(change.before.map(\.communeIndexes.count) == [193, 137])
        #expect(change.before[0].unit(code: "00691")?.name == "Phường Trần Phú")
        #expect(s.units.communeIndexes.filter { s.units.units[$0].straddles }.count == 8)
        #expect(s.warnings.isEmpty)
        #expect(s.latestMonth == Month(year: 2026, month: 10))
        #expect(s.dossiers.firstMonth == Month(year: 2023, month: 1))
    }

    /// The former Hà Giang: the groups of its old districts, re-based, and the old province as reported.
    @Test func theFormerHaGiangBeforeTheChangeIsTheHaGiangSample() throws {
        let s = try #require(Self.sample), h = try #require(Self.hagiang)
        let q2 = Period.quarter(year: 2024, quarter: 2)
        let hgGroups = h.units.districts.map { s.units.unit(code: $0.code)!.index }
        var area = DossierTally()
        for g in hgGroups { area.add(s.dossiers.total(unit: g, period: q2)) }
        let original = h.dossiers.total(unit: 0, period: q2)
        #expect(area == original)
        #expect(original.received == 143_218 && original.online == 125_029)
        #expect(s.history[0].dossiers.total(unit: 0, period: q2) == original)
        for d in h.units.districtIndexes {
            #expect(s.history[0].dossiers.total(unit: d, period: q2) == h.dossiers.total(unit: d, period: q2))
        }
        let end = Day(iso: "2024-06-30")!
        let sites = hgGroups.map { Snapshot.count(s.activeSiteDays[$0], onOrBefore: end) }.reduce(0, +)
        #expect(sites == 2_942)
        let villages = hgGroups.reduce(VillageTotals()) { var v = $0; v.villages += s.villageTotals[$1].villages; v.covered += s.villageTotals[$1].covered; return v }
        #expect(villages.villages == 2_071 && villages.villages - villages.covered == 23)
    }

    @Test func villagesWithoutSignalInJanuary2026() throws {
        let s = try #require(Self.sample)
        #expect(s.villageTotals[0].villages == 3_802)
        #expect(s.villageTotals[0].villages - s.villageTotals[0].covered == 91)
        #expect(String(format: "%.1f", (s.villageTotals[0].coverageShare ?? 0) * 100) == "97.6")
    }

    /// Society: about 1.833 teams after the reform; before it, the former Hà Giang's rows of the
    /// `ha-giang` sample, re-based onto the new communes with the same province totals.
    @Test func societyAfterAndBeforeTheReform() throws {
        let cube = try #require(Self.sample?.society)
        let oct2026 = Month(year: 2026, month: 10).index, jun2024 = Month(year: 2024, month: 6).index
        let now = cube.figures(unit: 0, first: oct2026, last: oct2026)
        #expect(now[.teams] == 1_833)
        #expect(now[.teamMembers]! <= 124 * 10 + 1_709 * 5)
        #expect(now[.appAccounts] == nil && now[.emailAccounts] == nil)   // not reported after the change
        let hg = try #require(Self.hagiang?.society).figures(unit: 0, first: jun2024 - 2, last: jun2024)
        let before = cube.figures(unit: 0, first: jun2024 - 2, last: jun2024)
        for m in [SocietyMeasure.vneidActivated, .adults, .teams, .teamMembers, .benefitPayments] { #expect(before[m] == hg[m], "\(m)") }
    }

    @Test func genReproducesTheCommittedSample() throws {
        let out = Fixtures.temporaryDirectory("cdsboard-gen-tq")
        let units = try #require(FileManager.default.contents(atPath: Self.directory + "/units.json"))
        let before = try #require(FileManager.default.contents(atPath: Self.directory + "/units_before.json"))
        var g = MergedSampleGenerator(unitsJSON: units, beforeJSONs: [before])
        g.geometryJSON = FileManager.default.contents(atPath: Self.directory + "/geometry.json")
        try g.write(to: out)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let same = FileManager.default.contentsEqual(atPath: out + "/" + name, andPath: Self.directory + "/" + name)
            #expect(same, "\(name) differs from the committed sample")
        }
    }
}
