import Foundation
import Testing
@testable import SnapshotKit

/// The duplicate-ID check of a file too large for the in-memory set (hashes spilled to
/// temporary files, checked a partition at a time), forced on small files by lowering the
/// set's limit: it must give exactly what the set gives, whatever the parts, the hash bits or
/// the temporary directory.
@Suite struct HashSpillTests {
    let files = ParallelReadTests()

    /// What `ParallelReadTests.read` gives, the hashes spilled past `setRows` estimated rows.
    func read(_ dir: String, parts: Int, setRows: Int = 100, expectedRows: Int? = nil, hashMask: UInt64 = .max,
              spillDirectory: String? = nil) -> ParallelReadTests.Outcome {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        DossierParsers.raw(dir, RowContext(units: ParallelReadTests.units, periodEnd: ParallelReadTests.periodEnd),
                           into: &acc, issues: &issues, reading: RawReading(parts: parts, minimumParallelBytes: 0, expectedRows: expectedRows,
                           hashMask: hashMask, idSetRows: setRows, spillDirectory: spillDirectory))
        var figures: [String: DossierTally] = [:]
        acc.forEach { k, t in figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
        return .init(figures: figures, issues: issues.errors.map(\.description) + issues.suppressedSummary)
    }

    /// A file with the line of row `i` repeated `times` before the end, for each `i`.
    func withRepeats(_ rows: [Int], times: Int = 1) throws -> (dir: String, ids: [String]) {
        var ids: [String] = []
        let dir = try files.directory(rows: 6_000) { lines in
            for i in rows {
                ids.append(String(lines[i].prefix { $0 != "," }))
                for _ in 0..<times { lines.insert(lines[i], at: lines.count - 1) }   // the last line is empty
            }
        }
        return (dir, ids)
    }

    @Test func aSpillPartitionsTheHashes() throws {
        let spill = try #require(HashSpill(rows: 5_000_000, rowsPerPartition: 700_000))
        #expect(spill.partitions == 8)
        #expect(HashSpill(rows: 100, rowsPerPartition: 700_000)?.partitions == 2)
        #expect(HashSpill(rows: 1 << 40, rowsPerPartition: 1)?.partitions == 256)
        #expect(HashSpill(rows: 100, rowsPerPartition: 10, directory: "/nonexistent/cdsboard") == nil)
    }

    @Test func aSpillFindsTheHashesWrittenTwice() throws {
        let spill = try #require(HashSpill(rows: 100_000, rowsPerPartition: 10_000))
        let buffers = HashSpill.Buffers(spill)
        for i in 0..<UInt64(100_000) { buffers.writer.append(i &* 0x9E37_79B9_7F4A_7C15 | 1) }
        for i in [UInt64(7), 99_999, 42] { buffers.writer.append(i &* 0x9E37_79B9_7F4A_7C15 | 1) }
        buffers.writer.flushAll()
        #expect(!buffers.writer.hasFailed)
        let found = try #require(spill.suspects(limit: 10, excluding: []))
        #expect(Set(found.hashes) == Set([UInt64(7), 99_999, 42].map { $0 &* 0x9E37_79B9_7F4A_7C15 | 1 }))
        #expect(!found.overflow)
        let rest = try #require(spill.suspects(limit: 10, excluding: [7 &* 0x9E37_79B9_7F4A_7C15 | 1]))
        #expect(rest.hashes.count == 2)
    }

    @Test(arguments: [1, 2, 3])
    func spilledGivesWhatTheSetGives(parts: Int) throws {
        let clean = try files.directory(rows: 6_000)
        let exact = files.read(clean, parts: 1)
        #expect(exact.issues.isEmpty)
        #expect(read(clean, parts: parts) == exact)
        let (dir, ids) = try withRepeats([1])
        let expected = ["dossiers.csv:6002:1: duplicate dossier_id \"\(ids[0])\" (first on line 2)"]
        #expect(files.read(dir, parts: parts).issues == expected)
        #expect(read(dir, parts: parts).issues == expected)
    }

    /// More duplicated IDs than a file's errors are shown: the spill's suspects come in hash
    /// order, yet the same first ones are reported, with the same count of those not shown.
    @Test func manyDuplicatesAreReportedAsOneCoreReportsThem() throws {
        let (dir, _) = try withRepeats(Array(stride(from: 5_900, to: 10, by: -70)), times: 2)   // 84 IDs
        let exact = files.read(dir, parts: 1)
        #expect(exact.issues.count == IssueCollector.perFileLimit + 1)
        #expect(exact.issues.last == "dossiers.csv: 50 more errors not shown")
        #expect(read(dir, parts: 1) == exact)
        #expect(read(dir, parts: 3) == exact)
    }

    @Test func aHashCollisionInTheSpillIsConfirmedAgainstTheIDs() throws {
        let clean = try files.directory(rows: 6_000)
        let exact = files.read(clean, parts: 1)
        let (dir, ids) = try withRepeats([1])
        let expected = ["dossiers.csv:6002:1: duplicate dossier_id \"\(ids[0])\" (first on line 2)"]
        // 0x1FFF: about 1,400 hashes shared, more suspects than a spill keeps: the search goes on.
        for mask: UInt64 in [0, 0xFF, 0x1FFF, 0xFFFF] {
            #expect(read(clean, parts: 1, hashMask: mask) == exact)
            #expect(read(clean, parts: 3, hashMask: mask) == exact)
            #expect(read(dir, parts: 1, hashMask: mask).issues == expected)
            #expect(read(dir, parts: 2, hashMask: mask).issues == expected)
        }
    }

    /// Line breaks in quotes at the cuts: the parts' spill is dropped and one core spills afresh.
    @Test func aSpillSurvivesTheFallBackToOneCore() throws {
        var id = ""
        let dir = try files.directory(rows: 3_000) { lines in
            for i in 1..<lines.count where !lines[i].isEmpty {
                lines[i] = lines[i].replacingOccurrences(of: "\"Thôn ", with: "\"Thôn\n\n\n\n\n\n\n\n\n\n")
                    .replacingOccurrences(of: "\"Tổ ", with: "\"Tổ\n\n\n\n\n\n\n\n\n\n")
            }
            id = String(lines[1].prefix { $0 != "," })
            lines.insert(lines[1], at: lines.count - 1)
        }
        let exact = files.read(dir, parts: 1)
        #expect(exact.issues.count == 1)
        #expect(exact.issues.first?.contains("duplicate dossier_id \"\(id)\" (first on line 2)") == true)
        for parts in [1, 3] { #expect(read(dir, parts: parts) == exact) }
    }

    /// An underestimated row count fills the set; the check that takes over spills as well.
    @Test func anUnderestimatedRowCountSpillsTheSlowCheck() throws {
        let clean = try files.directory(rows: 6_000)
        #expect(read(clean, parts: 2, expectedRows: 10) == files.read(clean, parts: 1))
        let (dir, _) = try withRepeats([5_000])
        let issues = read(dir, parts: 2, expectedRows: 10, hashMask: 0xFFFF).issues
        #expect(issues.count == 1)
        #expect(issues.first?.contains("(first on line 5001)") == true)
    }

    /// No temporary file can be made: the set is used as before, with the same results.
    @Test func withoutTemporaryFilesTheSetIsUsed() throws {
        let (dir, ids) = try withRepeats([1])
        let exact = files.read(dir, parts: 1)
        #expect(exact.issues == ["dossiers.csv:6002:1: duplicate dossier_id \"\(ids[0])\" (first on line 2)"])
        for parts in [1, 2] {
            #expect(read(dir, parts: parts, spillDirectory: "/nonexistent/cdsboard") == exact)
            #expect(read(dir, parts: parts, expectedRows: 10, spillDirectory: "/nonexistent/cdsboard") == exact)
        }
    }
}
