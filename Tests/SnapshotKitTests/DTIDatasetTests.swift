import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit

/// `dti.csv` (issue 28): the provincial DTI, its rank, the indices' places and the top-10 count.
@Suite struct DTIDatasetTests {
    static func load(_ text: String?) -> Result<Snapshot, SnapshotFailure> {
        SnapshotLoader.load(directory: CommitteeFixtures.sample(with: text.map { ["dti.csv": $0] } ?? [:]))
    }

    @Test func rankTop10CountMeanBestAndTheYearBefore() throws {
        let t = try #require(try Self.load(CommitteeFixtures.dti).get().dti)
        let r = try #require(t.latest("02"))
        #expect(r.year == 2023 && r.dti == 0.745 && r.rank == 7 && t.ranked(2023) == 12)
        #expect((0..<8).map { t.indexRank(r, $0) } == [1, 2, 3, 8, 9, 10, 11, 12])
        #expect(t.top10Count(r) == 6)
        #expect(abs((t.mean(2023, 0) ?? 0) - (8.25 + 0.805) / 12) < 1e-9 && t.best(2023, 0) == 0.805 && t.best(2023, 7) == 0.8)
        let p = try #require(t.previous(r))
        #expect(p.year == 2022 && p.rank == 37 && t.ranked(2022) == 63)
        #expect(r.published == Day(year: 2024, month: 5, day: 20) && r.note == "bịa cho bài kiểm thử")
        #expect(try Self.load(nil).get().dti == nil)
    }

    /// A file that lists fewer provinces than were ranked: the rank is the file's, the places
    /// on the indices, the mean and the best are unknown (not computed among the few listed).
    @Test func aPartialYearGivesNoTop10CountNorMean() throws {
        let partial = CommitteeFixtures.dti.replacingOccurrences(of: "2024-05-20,,bịa", with: "2024-05-20,34,bịa")
        let t = try #require(try Self.load(partial).get().dti)
        let r = try #require(t.latest("02"))
        #expect(t.ranked(2023) == 34 && !t.isComplete(2023))
        #expect(t.top10Count(r) == nil && t.indexRank(r, 0) == nil && t.mean(2023, 0) == nil && t.bestDTI(2023) == nil)
    }

    @Test func everyColumnIsCheckedAtItsFileLineAndColumn() throws {
        let header = "year,province_code,province_name," + DTIRow.indexColumns.joined(separator: ",") + ",dti,rank,published,ranked\n"
        let eight = Array(repeating: "0.5", count: 8).joined(separator: ",")
        let rows = [
            "23,01,A,\(eight),0.5,1,2024-05-20,",                         // 2
            "2023,1,A,\(eight),0.5,1,2024-05-20,",                        // 3
            "2023,01,,\(eight),0.5,1,2024-05-20,",                        // 4
            "2023,01,A,1.5," + Array(repeating: "0.5", count: 7).joined(separator: ",") + ",0.5,1,2024-05-20,",   // 5
            "2023,01,A,\(eight),69,1,2024-05-20,",                        // 6
            "2023,01,A,\(eight),0.5,0,2024-05-20,",                       // 7
            "2023,01,A,\(eight),0.5,1,20/05/2024,",                       // 8
            "2023,01,A,\(eight),0.5,1,2023-05-20,",                       // 9
            "2023,01,A,\(eight),0.5,40,2024-05-20,34",                    // 10
            "2023,04,B,\(eight),0.5,2,2024-05-20,",                       // 11
            "2023,04,B,\(eight),0.5,3,2024-05-20,",                       // 12
            "2023,06,C,\(eight),0.5,2,2024-05-20,",                       // 13
        ]
        guard case .failure(let f) = Self.load(header + rows.joined(separator: "\n") + "\n") else { Issue.record("loaded"); return }
        let lines = f.errors.map(\.description)
        for expected in ["dti.csv:2:1: year \"23\" is not a year", "dti.csv:3:2: province_code \"1\" is not a province's two-digit code",
                         "dti.csv:4:3: province_name is empty", "dti.csv:5:4: awareness \"1.5\" is not an index value from 0 to 1",
                         "dti.csv:6:12: dti \"69\" is not an index value from 0 to 1", "dti.csv:7:13: rank 0 is not from 1 to 63",
                         "dti.csv:8:14: published \"20/05/2024\" is not YYYY-MM-DD",
                         "dti.csv:9:14: published 2023-05-20 is not after the year measured (2023)",
                         "dti.csv:10:13: rank 40 is more than ranked (34)",
                         "dti.csv:12:2: province 04 given twice for 2023 (first on line 11)",
                         "dti.csv:13:13: rank 2 given twice for 2023 (first on line 11)"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) not in \(lines)")
        }
        #expect(lines.count == 11, "\(lines)")
    }
}
