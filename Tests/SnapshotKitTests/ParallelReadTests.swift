import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// `dossiers.csv` read in parts on several cores must give exactly what one core gives:
/// the same figures, the same errors on the same `file:line`, wherever the cuts fall.
@Suite struct ParallelReadTests {
    struct Outcome: Equatable {
        var figures: [String: DossierTally]
        var issues: [String]
    }

    static let units: UnitTree = try! JSONFiles.units(data: JSONFiles.read(Fixtures.sampleDirectory, "units.json"))
    static let periodEnd = Day(year: 2024, month: 6, day: 30)!

    /// A snapshot directory with `rows` generated dossiers; `edit` may rewrite the file's lines.
    func directory(rows: Int, _ edit: ((inout [String]) -> Void)? = nil) throws -> String {
        let units = try #require(FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/units.json"))
        let dir = Fixtures.temporaryDirectory("cdsboard-parts")
        var g = SampleGenerator(unitsJSON: units)
        g.form = .rows
        g.dossierRows = rows
        try g.write(to: dir)
        if let edit {
            var lines = Fixtures.read(dir + "/dossiers.csv").components(separatedBy: "\n")
            edit(&lines)
            Fixtures.write(lines.joined(separator: "\n"), to: dir + "/dossiers.csv")
        }
        return dir
    }

    func read(_ dir: String, parts: Int, expectedRows: Int? = nil, hashMask: UInt64 = .max) -> Outcome {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        DossierParsers.raw(dir, RowContext(units: Self.units, periodEnd: Self.periodEnd), into: &acc, issues: &issues,
                           reading: RawReading(parts: parts, minimumParallelBytes: 0, expectedRows: expectedRows, hashMask: hashMask))
        var figures: [String: DossierTally] = [:]
        acc.forEach { k, t in figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
        return Outcome(figures: figures, issues: issues.errors.map(\.description) + issues.suppressedSummary)
    }

    @Test(arguments: [2, 3, 7])
    func partsGiveTheFiguresOfOneCore(parts: Int) throws {
        let dir = try directory(rows: 6_000)
        let one = read(dir, parts: 1)
        #expect(one.issues.isEmpty)
        #expect(one.figures.values.reduce(0) { $0 + $1.received } == 6_000)
        let many = read(dir, parts: parts)
        #expect(many == one)
    }

    @Test func errorsInEveryPartKeepTheirFileLines() throws {
        // Lines 2, 3001 and 5999 (file lines, header = 1) get an unknown status.
        let dir = try directory(rows: 6_000) { lines in
            for i in [1, 3_000, 5_998] { lines[i] = lines[i].replacingOccurrences(of: ",resolved", with: ",lost")
                .replacingOccurrences(of: ",pending", with: ",lost").replacingOccurrences(of: ",returned", with: ",lost")
                .replacingOccurrences(of: ",withdrawn", with: ",lost") }
        }
        let one = read(dir, parts: 1)
        #expect(one.issues.map { $0.prefix(18) } == ["dossiers.csv:2:14:", "dossiers.csv:3001:", "dossiers.csv:5999:"])
        #expect(read(dir, parts: 2).issues == one.issues)
        #expect(read(dir, parts: 5).issues == one.issues)
    }

    @Test func lineBreaksInsideQuotesAtTheCutsFallBackToOneCore() throws {
        // Every address holds line breaks, so a cut after "the next line break" almost always
        // lands inside a quoted field; an error far down shows the line count stayed right.
        let dir = try directory(rows: 3_000) { lines in
            for i in 1..<lines.count where !lines[i].isEmpty {
                lines[i] = lines[i].replacingOccurrences(of: "\"Thôn ", with: "\"Thôn\n\n\n\n\n\n\n\n\n\n")
                    .replacingOccurrences(of: "\"Tổ ", with: "\"Tổ\n\n\n\n\n\n\n\n\n\n")
            }
            lines[2_990] = lines[2_990].replacingOccurrences(of: ",online,", with: ",fax,")
                .replacingOccurrences(of: ",direct,", with: ",fax,").replacingOccurrences(of: ",postal,", with: ",fax,")
        }
        let text = Fixtures.read(dir + "/dossiers.csv")
        #expect(text.components(separatedBy: "\n").count > 20_000)
        let one = read(dir, parts: 1)
        #expect(one.issues.count == 1)
        #expect(one.issues.first?.contains("unknown channel \"fax\"") == true)
        for parts in [2, 3, 4] { #expect(read(dir, parts: parts) == one) }
    }

    @Test func duplicatesAcrossPartsNameTheFirstLine() throws {
        var id = ""
        let dir = try directory(rows: 6_000) { lines in
            id = String(lines[1].prefix { $0 != "," })
            lines.insert(lines[1], at: lines.count - 1)       // the last line is empty
        }
        let expected = "dossiers.csv:6002:1: duplicate dossier_id \"\(id)\" (first on line 2)"
        #expect(read(dir, parts: 1).issues == [expected])
        #expect(read(dir, parts: 2).issues == [expected])
        #expect(read(dir, parts: 4).issues == [expected])
    }

    @Test func anUnderestimatedRowCountStillFindsEveryDuplicate() throws {
        // Room for ~1,400 IDs and 6,000 rows: the shared set fills, the exact check takes over.
        let clean = try directory(rows: 6_000)
        #expect(read(clean, parts: 2, expectedRows: 10) == read(clean, parts: 1))
        #expect(read(clean, parts: 2, expectedRows: 10).issues.isEmpty)
        let dir = try directory(rows: 6_000) { lines in lines.insert(lines[5_000], at: lines.count - 1) }
        let issues = read(dir, parts: 2, expectedRows: 10).issues
        #expect(issues.count == 1)
        #expect(issues.first?.contains("(first on line 5001)") == true)
    }

    /// IDs that only share a hash are not duplicates: with the hash cut to a few bits (or none),
    /// a valid export is accepted with all its figures, and a real duplicate is still named.
    @Test func aHashCollisionIsConfirmedAgainstTheIDs() throws {
        let clean = try directory(rows: 6_000)
        let exact = read(clean, parts: 1)
        #expect(exact.issues.isEmpty)
        #expect(read(clean, parts: 1, hashMask: 0) == exact)                       // every row a suspect
        #expect(read(clean, parts: 3, hashMask: 0xFF) == exact)
        #expect(read(clean, parts: 2, expectedRows: 10, hashMask: 0xFFFF) == exact)  // the set fills: the slow check
        var id = ""
        let dir = try directory(rows: 6_000) { lines in
            id = String(lines[1].prefix { $0 != "," })
            lines.insert(lines[1], at: lines.count - 1)
        }
        let expected = ["dossiers.csv:6002:1: duplicate dossier_id \"\(id)\" (first on line 2)"]
        #expect(read(dir, parts: 1, hashMask: 0).issues == expected)
        #expect(read(dir, parts: 3, hashMask: 0xFF).issues == expected)
        #expect(read(dir, parts: 2, expectedRows: 10, hashMask: 0xFFFF).issues == expected)
    }
}
