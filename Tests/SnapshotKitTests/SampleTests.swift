import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// The bundled sample against the article's province totals, and its reproducibility.
@Suite struct SampleTests {
    static let sample: Snapshot? = {
        if case .success(let s) = SnapshotLoader.load(directory: Fixtures.sampleDirectory) { return s }
        return nil
    }()

    @Test func coversTheRealUnits() throws {
        let s = try #require(Self.sample)
        #expect(s.units.districtIndexes.count == 11)
        #expect(s.units.communeIndexes.count == 193)
        #expect(s.units.unit(code: "030")?.name == "Huyện Vị Xuyên")
        #expect(s.units.unit(code: "00793")?.name == "Xã Sơn Vĩ")
        #expect(s.warnings.isEmpty)
    }

    @Test func dossiersOfQ2Of2024MatchTheArticle() throws {
        let s = try #require(Self.sample)
        let t = s.dossiers.total(unit: 0, period: .quarter(year: 2024, quarter: 2))
        #expect(t.received > 143_000 && t.received < 144_000)
        #expect(t.resolved > 143_000)
        #expect(t.online > 125_000 && t.online < 126_000)
        #expect(String(format: "%.1f", (t.onlineShare ?? 0) * 100) == "87.3")
        #expect(s.dossiers.firstMonth <= Month(year: 2023, month: 1))
        #expect(s.dossiers.lastMonth == Month(year: 2024, month: 6))
    }

    @Test func infrastructureAndOCOPMatchTheArticle() throws {
        let s = try #require(Self.sample)
        #expect(s.bts[0].active == 2_942)
        #expect(s.bts[0].byTech[3] == 3)
        #expect(s.villages.count == 2_071)
        #expect(String(format: "%.2f", (s.villageTotals[0].coverageShare ?? 0) * 100) == "98.89")
        #expect(s.ocop[0].products == 157)
        #expect(s.ocop[0].byStars == [153, 2, 2])
        #expect(s.ocop[0].listedShare == 1.0)
    }

    @Test func tourismMatchesTheArticle() throws {
        let s = try #require(Self.sample)
        let y2022 = s.tourism.total(unit: 0, period: .year(2022))
        let y2023 = s.tourism.total(unit: 0, period: .year(2023))
        #expect(y2022.visitors > 2_200_000 && y2022.visitors < 2_300_000)
        #expect(y2023.visitors > 3_000_000 && y2023.visitors < 3_100_000)
        #expect(String(format: "%.0f", (Double(y2023.visitors) / Double(y2022.visitors) - 1) * 100) == "33")
        #expect(String(format: "%.1f", Double(y2023.revenueMillionVND) / 1_000_000) == "7.1")
        #expect(String(format: "%.1f", (Double(y2023.revenueMillionVND) / Double(y2022.revenueMillionVND) - 1) * 100) == "56.3")
    }

    /// June 2024, the article's time: its digital-society figures, province totals.
    @Test func societyMatchesTheArticle() throws {
        let cube = try #require(Self.sample?.society)
        let june = Month(year: 2024, month: 6).index
        let t = cube.figures(unit: 0, first: june - 2, last: june)
        #expect(t[.teams] == 2_071 && t[.teamMembers] == 12_131)
        #expect(t[.vneidActivated]! > 431_000 && t[.vneidActivated]! < 432_000)
        #expect(String(format: "%.1f", t.share(.vneidActivated, of: .adults)! * 100) == "65.1")
        #expect(t[.appDownloads] == 18_157 && t[.appAccounts] == 15_624)
        #expect(t[.emailAccounts] == 25_468 && t.share(.emailAccounts, of: .officials) == 1.0)
        #expect(t[.trained] == nil)   // "Bình dân học vụ số" began in 2025
        #expect(cube.firstMonth == Month(year: 2023, month: 1) && cube.lastMonth == Month(year: 2024, month: 6))
        // Before the app's trial (October 2023) it has no figure, not zero.
        #expect(cube.month(Month(year: 2023, month: 9), unit: 0)[.appDownloads] == nil)
    }

    @Test func highlandDistrictsPeakInTheBuckwheatSeason() throws {
        let s = try #require(Self.sample)
        for code in ["026", "027"] {
            let u = s.units.unit(code: code)!.index
            let q4 = s.tourism.total(unit: u, period: .quarter(year: 2023, quarter: 4)).visitors
            let q3 = s.tourism.total(unit: u, period: .quarter(year: 2023, quarter: 3)).visitors
            #expect(q4 > q3 * 3 / 2, "\(code): Q4 \(q4) vs Q3 \(q3)")
        }
        // The villages without signal are in highland districts.
        let uncovered = Set(s.villages.filter { $0.mobile == 0 }.map { s.units.units[$0.district].code })
        #expect(uncovered.isSubset(of: ["026", "027", "028", "031", "032", "033"]))
    }

    @Test func genWithItsDefaultsReproducesTheCommittedSample() throws {
        let out = Fixtures.temporaryDirectory("cdsboard-gen")
        let units = try #require(FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/units.json"))
        var g = SampleGenerator(unitsJSON: units)
        g.geometryJSON = FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/geometry.json")
        try g.write(to: out)
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleDirectory).filter { !$0.hasPrefix(".") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == names)
        for name in names {
            let same = FileManager.default.contentsEqual(atPath: out + "/" + name, andPath: Fixtures.sampleDirectory + "/" + name)
            #expect(same, "\(name) differs from the committed sample")
        }
    }

    @Test func rawRowsCarryPersonalDataThatNeverReachesTheSnapshot() throws {
        let units = try #require(FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/units.json"))
        let dir = Fixtures.temporaryDirectory("cdsboard-rows")
        var g = SampleGenerator(unitsJSON: units)
        g.form = .rows
        g.dossierRows = 500
        try g.write(to: dir)
        let text = Fixtures.read(dir + "/dossiers.csv")
        #expect(text.hasPrefix("dossier_id,applicant_name,applicant_id,phone,address,"))
        guard case .success(let s) = SnapshotLoader.load(directory: dir) else { Issue.record("refused"); return }
        #expect(s.dossiers.total(unit: 0, period: .year(2023)).received + s.dossiers.total(unit: 0, period: .year(2024)).received == 500)
        // The manifest lists the files written (so `check` has no warning).
        #expect(s.manifest.files?.contains { $0.name == "dossiers.csv" } == true)
        #expect(s.warnings.isEmpty)
        let secondRow = text.split(separator: "\n")[1].split(separator: ",")
        let name = String(secondRow[1]), id = String(secondRow[2]), phone = String(secondRow[3])
        let dump = String(describing: s)
        for secret in [name, id, phone] { #expect(!dump.contains(secret)) }
    }
}
