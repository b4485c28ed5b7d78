import CByteScan
import DashboardTestSupport
import Foundation
import Testing
@testable import SnapshotKit
@testable import SampleGeneration

/// The fast CSV path checked against things simpler than itself: the naive reader
/// (`NaiveCSV`) on tricky and generated inputs, and the SIMD byte scan against the scalar one.
@Suite struct CSVOracleTests {
    /// A seeded generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes that matter to a CSV reader, often, among plain and non-UTF-8 ones.
    static let alphabet: [UInt8] = Array("aaaabbb1,,,\"\"\"\n\n\r".utf8) + [0x00, 0xFF, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF]

    static func randomBytes(_ count: Int, _ rng: inout SplitMix) -> [UInt8] {
        (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    static let tricky: [[UInt8]] = {
        var inputs: [String] = [
            "", "\n", "\r\n\r\n", "\r\r\n\n", "a", "a,", ",", ",,\n", "a,b\n1,2\n", "a,b\r\n1,2", "a\rb\rc",
            "\"\"", "\"\"\n", "\"a\"\"b\",c", "\"a\"\"\"\"b\"", "\"x\ny\",z\n", "\"x\r\ny\"\r\nz", "\"a\",", "\"a\",\"\"",
            "\"unterminated", "\"open\nline\n", "\"a\"\"", "a\"b", "a,b\"c\n", "\"a\"b", "\"a\" ,b", "\"a\"\rb",
            "h\n\n\n\"a\nb\"\nc\n", "a,\"b\nc\nd\"x", "\u{FEFF}", "\u{FEFF}a,b\n", "\u{FEFF}\"a\",b", "a\u{0}b,\u{0}\n\"\u{0}\"",
        ]
        // Fields and quoted runs ending on both sides of the 16- and 32-byte blocks.
        for n in [14, 15, 16, 17, 31, 32, 33, 47, 48] {
            let run = String(repeating: "x", count: n)
            inputs += [run + ",y\n", "\"" + run + "\",y\n", "\"" + run + "\n" + run + "\"", "\"" + run + "\"\"" + run + "\"",
                       run + "\"", "\"" + run, "\"" + String(repeating: "\n", count: n) + "\"z"]
        }
        return inputs.map { Array($0.utf8) } + [
            [0xEF, 0xBB], [0xFF, 0xFE, 0x61, 0x00], [0x61, 0x2C, 0xC3, 0x28, 0x0A], [0x22, 0xFF, 0x0A, 0xC3, 0x22, 0x2C, 0x80],
            [0x00, 0x00, 0x2C, 0x0A, 0x22, 0x00, 0x22],
        ]
    }()

    @Test func theNaiveReaderReadsTheDialect() {
        let r = NaiveCSV.read(Array("\u{FEFF}a,\"b\"\"c\"\r\n\r\n\"d\ne\",\nf\rg,".utf8))
        #expect(r.error == nil)
        #expect(r.records == [
            NaiveCSV.Record(line: 1, fields: [Array("a".utf8), Array("b\"c".utf8)]),
            NaiveCSV.Record(line: 3, fields: [Array("d\ne".utf8), []]),
            NaiveCSV.Record(line: 5, fields: [Array("f".utf8)]),
            NaiveCSV.Record(line: 6, fields: [Array("g".utf8), []]),
        ])
        #expect(NaiveCSV.read(Array("a\n\"b\nc".utf8)).error == .unterminatedQuote(line: 2, column: 1))
        #expect(NaiveCSV.read(Array("a,x\"".utf8)).error == .quoteInUnquotedField(line: 1, column: 2))
        #expect(NaiveCSV.read(Array("a,\"x\ny\"z".utf8)).error == .textAfterClosingQuote(line: 2, column: 2))
    }

    /// Records written the RFC 4180 way (quoted when needed, LF or CRLF) read back as written.
    @Test func theNaiveReaderReadsBackWhatWasWritten() {
        var rng = SplitMix(state: 7)
        let pieces: [[UInt8]] = [[], Array("a".utf8), Array("b c".utf8), Array(",".utf8), Array("\"".utf8), Array("\n".utf8),
                                 Array("\r\n".utf8), [0x00], [0xFF], Array("đ".utf8)]
        for _ in 0..<500 {
            var records: [[[UInt8]]] = []
            var text: [UInt8] = []
            for _ in 0..<Int(rng.next() % 6) {
                let fields = (0...Int(rng.next() % 4)).map { _ in
                    (0..<Int(rng.next() % 4)).flatMap { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                }
                records.append(fields)
                text += fields.map { f -> [UInt8] in
                    let quote = f.isEmpty && fields.count == 1 || f.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                    return quote ? [0x22] + f.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22] : f
                }.joined(separator: [0x2C]) + (rng.next() % 2 == 0 ? [0x0A] : [0x0D, 0x0A])
            }
            let r = NaiveCSV.read(text)
            #expect(r.error == nil)
            #expect(r.records.map(\.fields) == records, "\(text)")
        }
    }

    @Test func theFastReaderIsTheNaiveOneOnTrickyInputs() {
        let dir = Fixtures.temporaryDirectory("cdsboard-oracle")
        for input in Self.tricky {
            #expect(ParserExercise.csv(input, in: dir) == nil, "\(String(decoding: input, as: UTF8.self).debugDescription)")
        }
    }

    /// Random bytes of every length up to 100 (both sides of the 16- and 32-byte blocks), read
    /// whole and in 64-byte windows, with SIMD and scalar scanning.
    @Test func theFastReaderIsTheNaiveOneOnRandomInputs() {
        let dir = Fixtures.temporaryDirectory("cdsboard-oracle")
        var rng = SplitMix(state: 11)
        for k in 0..<3_000 {
            var input = Self.randomBytes(k % 101, &rng)
            if k % 17 == 0 { input = [0xEF, 0xBB, 0xBF] + input }
            if k % 5 == 0 { input.removeAll { $0 == 0x22 } }   // fewer errors, longer reads
            #expect(ParserExercise.csv(input, in: dir) == nil, "\(input)")
        }
    }

    @Test func simdAndScalarMasksAgree() {
        var rng = SplitMix(state: 3)
        for _ in 0..<20_000 {
            let block = Self.randomBytes(16, &rng)
            block.withUnsafeBufferPointer { p in
                let b = p.baseAddress!
                #expect(cds_csv_special_mask16(b) == cds_csv_special_mask16_scalar(b))
                #expect(cds_quote_newline_mask16(b) == cds_quote_newline_mask16_scalar(b))
            }
        }
    }

    /// `nextSpecial` from every start to every end of random buffers: the SIMD blocks, the
    /// scalar blocks and the byte-at-a-time tail find the same byte.
    @Test func simdAndScalarScansAgreeAcrossBlocks() {
        var rng = SplitMix(state: 5)
        for _ in 0..<200 {
            var bytes = Self.randomBytes(80, &rng)
            // Sparse specials, so that the scan runs over several blocks.
            for k in bytes.indices where rng.next() % 4 != 0 { bytes[k] = 0x61 }
            let buffer = ByteBuffer(bytes: bytes)
            for start in 0..<bytes.count {
                for end in start...bytes.count {
                    let simd = CSVReader.nextSpecial(buffer.base, from: start, end: end)
                    let scalar = CSVReader.nextSpecial(buffer.base, from: start, end: end, scalar: true)
                    let plain = bytes[start..<end].firstIndex { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } ?? end
                    if simd != plain || scalar != plain { Issue.record("\(start)..<\(end): \(simd) \(scalar) \(plain)"); return }
                }
            }
        }
    }
}
