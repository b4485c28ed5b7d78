import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// `society.csv`: optional, validated at `file:line:column`, aggregated by hand-checked rules
/// (stocks as of a span's last month, flows added up, a commune in its district and province).
@Suite struct SocietyTests {
    func load(_ dir: String) -> Result<Snapshot, SnapshotFailure> { SnapshotLoader.load(directory: dir) }

    func errors(_ society: String) -> [String] {
        guard case .failure(let f) = load(TinySnapshot.write(["society.csv": society])) else { return ["accepted"] }
        return f.errors.map(\.description)
    }

    /// A tally holds one inline count per measure: as many as there are measures.
    @Test func aTallyHasRoomForEveryMeasure() {
        #expect(SocietyTally.Counts.count == SocietyMeasure.allCases.count)
        var t = SocietyTally()
        for m in SocietyMeasure.allCases { t[m] = m.rawValue + 1 }
        for m in SocietyMeasure.allCases { #expect(t[m] == m.rawValue + 1) }
    }

    @Test func figuresMatchHandComputedValues() throws {
        guard case .success(let s) = load(TinySnapshot.write()) else { Issue.record("refused"); return }
        let cube = try #require(s.society)
        let apr = Month(year: 2024, month: 4).index, jun = Month(year: 2024, month: 6).index
        let p = cube.figures(unit: 0, first: apr, last: jun)
        #expect(p[.vneidActivated] == 600 + 1400 + 200)
        #expect(p[.adults] == 1000 + 2000 + 500)
        #expect(p.share(.vneidActivated, of: .adults) == 2200.0 / 3500.0)
        #expect(p[.teams] == 4)
        #expect(p[.teamMembers] == 10 + 5 + 4)
        // Payments are made in a month: April (none), May 40 and June 50 + 60 + 20.
        #expect(p[.benefitPayments] == 170)
        #expect(p[.cashlessPayments] == 10 + 20 + 30 + 5)
        #expect(p[.officials] == 300 && p[.emailAccounts] == 300)
        #expect(p[.trained] == nil && p[.certified] == nil)   // not reported: absent, not zero
        let dongVan = s.units.unit(code: "026")!.index, lungCu = s.units.unit(code: "00715")!.index
        #expect(cube.figures(unit: dongVan, first: apr, last: jun)[.vneidActivated] == 2000)
        #expect(cube.figures(unit: dongVan, first: apr, last: jun)[.officials] == 300)
        #expect(cube.figures(unit: lungCu, first: apr, last: jun)[.officials] == nil)
        // The same quarter a year earlier: June 2023 only.
        let y = cube.figures(unit: 0, first: apr - 12, last: jun - 12)
        #expect(y[.vneidActivated] == 300 && y[.benefitPayments] == 30)
        // A span whose last month holds no rows knows nothing; one after the data neither.
        #expect(cube.figures(unit: 0, first: apr - 3, last: jun - 3).isEmpty)
        #expect(cube.figures(unit: 0, first: jun + 1, last: jun + 3).isEmpty)
    }

    @Test func anAbsentFileHidesThePanelWithAWarning() {
        guard case .success(let s) = load(TinySnapshot.write(["society.csv": String?.none])) else { Issue.record("refused"); return }
        #expect(s.society == nil)
        #expect(s.warnings.filter { $0.file == "society.csv" }.map(\.description)
                == ["society.csv: warning: not present: the digital society panel is hidden"])
    }

    @Test func badRowsAreRefusedAtFileLineColumn() {
        let h = TinySnapshot.society.components(separatedBy: "\n")[0]
        #expect(errors(h + "\n2024-06,026,00715,1000,1200,2,10,,,,,,,,,,") == [
            "society.csv:2:5: vneid_activated (1200) is greater than adults (1000)"])
        #expect(errors(h + "\n2024-06,026,00715,1000,500,,,10,12,,,,,,,,") == [
            "society.csv:2:9: certified (12) is greater than trained (10)"])
        #expect(errors(h + "\n2024-06,026,00715,,,3,2,,,,,,,,,,") == [
            "society.csv:2:7: team_members (2) is fewer than digital_teams (3): a team has members"])
        #expect(errors(h + "\n2024-06,026,00793,1000,500,,,,,,,,,,,,") == ["society.csv:2:3: commune 00793 is not in district 026"])
        #expect(errors(h + "\n2024-06,026,00715,\"1.000\",500,,,,,,,,,,,,") == [
            "society.csv:2:4: adults must be a whole number without thousands separators (found \"1.000\")"])
        #expect(errors(h + "\n2024-06,026,00715,1000,-5,,,,,,,,,,,,") == ["society.csv:2:5: vneid_activated is negative (-5)"])
        #expect(errors(h + "\n06/2024,026,00715,,,,,,,,,,,,,,") == ["society.csv:2:1: month \"06/2024\" is not YYYY-MM"])
        #expect(errors(h + "\n2024-06,026,00715,,,,,,,,,,,,,,\n2024-06,026,00715,,,,,,,,,,,,,,") == [
            "society.csv:3: duplicate row for 2024-06 / 00715 (first on line 2)"])
        let noAdults = h.replacingOccurrences(of: "adults,", with: "")
        #expect(errors(noAdults + "\n2024-06,026,00715,500,,,,,,,,,,,,") == ["society.csv:1: missing required column adults"])
    }

    @Test func anotherSourceNamesItsSheet() throws {
        let h = TinySnapshot.society.components(separatedBy: "\n")[0].components(separatedBy: ",")
        var t = try TextTable(.society, source: "sheet XHS", header: h,
                              rows: [TextRow(["2024-06", "026", "00715", "10", "11"] + Array(repeating: "", count: 12), line: 7)])
        var b = SnapshotBuilder()
        b.setManifest(json: Data(TinySnapshot.manifest.utf8))
        b.setUnits(json: Data(TinySnapshot.units.utf8))
        b.addSociety(&t)
        guard case .failure(let f) = b.build() else { Issue.record("accepted"); return }
        #expect(f.errors.map(\.description).contains("sheet XHS:7:5: vneid_activated (11) is greater than adults (10)"))
    }
}
