import CByteScan
import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// The fused `dossiers.csv` scanner must give exactly what the general path gives: the same
/// figures, the same `file:line:column` errors, on any bytes and wherever the parts are cut;
/// and it must actually take the rows of the usual shape (else the equality says nothing).
@Suite struct FusedScannerTests {
    typealias Outcome = ParallelReadTests.Outcome

    /// Generated dossiers as lines (header first, then a trailing empty line).
    static let generated: [String] = {
        let units = FileManager.default.contents(atPath: Fixtures.sampleDirectory + "/units.json")!
        let dir = Fixtures.temporaryDirectory("cdsboard-fused-source")
        var g = SampleGenerator(unitsJSON: units)
        g.form = .rows
        g.dossierRows = 3_000
        try! g.write(to: dir)
        return Fixtures.read(dir + "/dossiers.csv").components(separatedBy: "\n")
    }()

    func write(_ text: String) -> String {
        let dir = Fixtures.temporaryDirectory("cdsboard-fused")
        Fixtures.write(text, to: dir + "/dossiers.csv")
        return dir
    }

    func read(_ dir: String, parts: Int, fused: Bool) -> (Outcome, fusedRows: Int) {
        var acc = DossierAccumulator()
        var issues = IssueCollector()
        let n = DossierParsers.raw(dir, RowContext(units: ParallelReadTests.units, periodEnd: ParallelReadTests.periodEnd), into: &acc, issues: &issues,
                                   reading: RawReading(parts: parts, minimumParallelBytes: 0, fused: fused))
        var figures: [String: DossierTally] = [:]
        acc.forEach { k, t in figures["\(k.month) \(k.unit) \(k.level) \(acc.fields[k.field]) \(k.channel)"] = t }
        return (Outcome(figures: figures, issues: issues.errors.map(\.description) + issues.suppressedSummary), n)
    }

    /// The fused reads (one core and cut in parts) against the general path on one core;
    /// returns the general outcome and the rows the fused scanner took on one core.
    @discardableResult
    func expectSame(_ text: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> (Outcome, Int) {
        let dir = write(text)
        let (general, none) = read(dir, parts: 1, fused: false)
        #expect(none == 0, sourceLocation: sourceLocation)
        let (one, taken) = read(dir, parts: 1, fused: true)
        #expect(one.issues == general.issues, comment, sourceLocation: sourceLocation)
        if general.issues.isEmpty { #expect(one.figures == general.figures, comment, sourceLocation: sourceLocation) }
        for parts in [2, 3, 7] {
            let many = read(dir, parts: parts, fused: true).0
            #expect(many.issues == general.issues, comment, sourceLocation: sourceLocation)
            if general.issues.isEmpty { #expect(many.figures == general.figures, comment, sourceLocation: sourceLocation) }
        }
        return (general, taken)
    }

    @Test func takesEveryRowOfAGeneratedFileWithTheSameFigures() {
        let (general, taken) = expectSame(Self.generated.joined(separator: "\n"))
        #expect(general.issues.isEmpty)
        #expect(taken == 3_000)
        #expect(general.figures.values.reduce(0) { $0 + $1.received } == 3_000)
    }

    @Test func crlfAndAByteOrderMark() {
        let (general, taken) = expectSame("\u{FEFF}" + Self.generated.joined(separator: "\r\n"))
        #expect(general.issues.isEmpty)
        #expect(taken == 3_000)
    }

    @Test func quotesAnywhereGoTheGeneralWayWithTheSameResult() {
        var lines = Self.generated
        // A read column quoted (valid), a doubled quote and a line break in the address, a
        // quoted empty field, a lone CR ending a record, a blank line, no newline at the end.
        lines[5] = lines[5].replacingOccurrences(of: ",resolved,", with: ",\"resolved\",")
        lines[9] = lines[9].replacingOccurrences(of: "\"Thôn ", with: "\"Thôn \"\"Mới\"\" ")
        lines[12] = lines[12].replacingOccurrences(of: "\"Thôn ", with: "\"Thôn\n")
        lines[15] = lines[15].replacingOccurrences(of: ",online,", with: ",\"online\",")
        lines[20] = lines[20] + "\r" + lines[21]
        lines.remove(at: 21)
        lines.insert("", at: 30)
        lines.removeLast()
        let (general, taken) = expectSame(lines.joined(separator: "\n"))
        #expect(general.issues.isEmpty)
        #expect(taken > 2_900)
    }

    @Test func errorsAtKnownLinesAreTheGeneralPathsOwn() {
        var lines = Self.generated
        lines[1] = lines[1].replacingOccurrences(of: ",online,", with: ",fax,").replacingOccurrences(of: ",direct,", with: ",fax,")
            .replacingOccurrences(of: ",postal,", with: ",fax,")
        lines[100] = lines[100].replacingOccurrences(of: ",20", with: ",19", options: [], range: nil)   // dates outside the window
        lines[200] = lines[200] + "x"                                                                 // a bad flag
        lines[1_500] = lines[1_500].replacingOccurrences(of: ",commune,", with: ",hamlet,")
            .replacingOccurrences(of: ",district,", with: ",hamlet,").replacingOccurrences(of: ",province,", with: ",hamlet,")
        // A structural error ends the table: each of these is the last issue.
        for (line, structural) in [(2_000, "HG-X,,,"), (2_500, lines[2_500].replacingOccurrences(of: "\"Thôn ", with: "x\"Thôn "))] {
            var edited = lines
            edited[line] = structural
            let (general, _) = expectSame(edited.joined(separator: "\n"))
            #expect(general.issues.contains { $0.hasPrefix("dossiers.csv:2:") && $0.contains("unknown channel") })
            #expect(general.issues.contains { $0.hasPrefix("dossiers.csv:1501:") && $0.contains("unknown level") })
            #expect(general.issues.last?.hasPrefix("dossiers.csv:\(line + 1):") == true, "\(general.issues)")
        }
    }

    @Test func emptyAndMissingOptionalFields() {
        // Flags and procedure codes emptied; then a file without the optional columns at all.
        let emptied = Self.generated.map { $0.replacingOccurrences(of: ",no,", with: ",,").replacingOccurrences(of: ",1.00", with: ",") }
        #expect(expectSame(emptied.joined(separator: "\n")).0.issues.isEmpty)
        let header = Self.generated[0].components(separatedBy: ",")
        let keep = header.count - 7
        let cut = Self.generated.map { line -> String in
            guard !line.isEmpty else { return line }
            var fields = line.components(separatedBy: ",")   // the address holds one comma: drop from the end
            fields.removeLast(7)
            return fields.joined(separator: ",")
        }
        #expect(cut[0].components(separatedBy: ",").count == keep)
        let (general, taken) = expectSame(cut.joined(separator: "\n"))
        #expect(general.issues.isEmpty)
        #expect(taken == 3_000)
    }

    /// The seed of the random tests: `CDSBOARD_TEST_SEED` replays a failure (every message names its seed).
    static let seed = UInt64(ProcessInfo.processInfo.environment["CDSBOARD_TEST_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)

    /// Random edits of single bytes (quotes, commas, line breaks, digits, NUL and other control
    /// bytes, letters of the keywords) in random rows, seeded.
    @Test func randomByteEdits() {
        var rng = SeededRandom(seed: Self.seed)
        let alphabet = Array("\",\n\r0129-yesnoX \u{0}\u{1}\u{7}\t\u{7F}prsdlcimut".utf8)
        for round in 0..<12 {
            var bytes = Array(Self.generated.prefix(400).joined(separator: "\n").utf8)
            for _ in 0..<(1 + round * 3) {
                bytes[rng.int(200...(bytes.count - 1))] = rng.pick(alphabet)
            }
            expectSame(String(decoding: bytes, as: UTF8.self), "round \(round), seed \(Self.seed) (CDSBOARD_TEST_SEED)")
        }
    }

    @Test func theStructuralScanAgainstTheScalarMask() {
        var rng = SeededRandom(seed: Self.seed)
        let alphabet = Array("ab,\"\n\r1".utf8)
        for _ in 0..<200 {
            let block = (0..<64).map { _ in rng.pick(alphabet) }
            block.withUnsafeBufferPointer { b in
                #expect(cds_csv_special_mask64(b.baseAddress!) == cds_csv_special_mask64_scalar(b.baseAddress!))
            }
        }
        // Field ends of a record that straddles blocks, a quoted field with commas, CRLF.
        let text = Array(("a,\"b,c\"," + String(repeating: "x", count: 70) + ",d\r\ne,f,g,h\n").utf8)
        text.withUnsafeBufferPointer { b in
            var cursor = cds_csv_cursor()
            cds_csv_seek(&cursor, b.baseAddress!, 0, b.count)
            var ends = [UInt32](repeating: 0, count: 4)
            var quoted: UInt64 = 0
            let next = cds_csv_record(&cursor, 0, 4, &ends, &quoted)
            #expect(next == 82)
            #expect(ends == [1, 7, 78, 80])
            #expect(quoted == 0b10)
            #expect(cds_csv_record(&cursor, 82, 4, &ends, &quoted) == text.count)
            #expect(cds_csv_record(&cursor, text.count, 4, &ends, &quoted) == -1)
        }
    }
}
