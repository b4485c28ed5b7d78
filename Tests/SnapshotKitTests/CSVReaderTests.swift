import Foundation
import DashboardTestSupport
import Testing
@testable import SnapshotKit

@Suite struct CSVReaderTests {
    func records(_ text: String, file: String = "t.csv") throws -> [[String]] {
        try records(bytes: Array(text.utf8), file: file)
    }

    func records(bytes: [UInt8], file: String = "t.csv") throws -> [[String]] {
        var reader = CSVReader(buffer: ByteBuffer(bytes: bytes), file: file)
        var fields: [FieldSpan] = []
        var out: [[String]] = []
        while try reader.next(into: &fields) {
            out.append(try fields.enumerated().map { try reader.string($1, column: $0 + 1) })
        }
        return out
    }

    @Test func readsPlainFieldsWithLFAndCRLF() throws {
        #expect(try records("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
    }

    /// A doubled quote followed by a combining mark (NFD text: `""` then U+0300) is undoubled
    /// byte by byte; as Characters the second quote and the mark are one cluster.
    @Test func aDoubledQuoteBeforeACombiningMarkIsUndoubled() throws {
        let rows = try records(bytes: Array("a,\"x\"\"\u{0300}y\"\n".utf8))
        #expect(rows == [["a", "x\"\u{0300}y"]])
        #expect(Array(rows[0][1].utf8) == Array("x\"\u{0300}y".utf8))
    }

    @Test func skipsTheByteOrderMark() throws {
        #expect(try records(bytes: [0xEF, 0xBB, 0xBF] + Array("x,y\n".utf8)) == [["x", "y"]])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "id,note\n1,\"Thôn Nà Lầu, xã Đạo Đức\"\n2,\"he said \"\"hi\"\"\"\n3,\"two\nlines\"\n"
        #expect(try records(text) == [["id", "note"], ["1", "Thôn Nà Lầu, xã Đạo Đức"], ["2", "he said \"hi\""],
                                      ["3", "two\nlines"]])
    }

    @Test func emptyFieldsAndTrailingComma() throws {
        #expect(try records("a,,c\n,\n") == [["a", "", "c"], ["", ""]])
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try records("a\n\n\nb\n") == [["a"], ["b"]])
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        #expect(throws: CSVSyntaxError.unterminatedQuote(line: 2, column: 2)) {
            try records("a,b\n1,\"open\n2,3\n")
        }
        #expect(CSVSyntaxError.unterminatedQuote(line: 2, column: 2).issue(file: "t.csv")
                == SnapshotIssue(file: "t.csv", line: 2, column: 2, message: "unterminated quoted field (opened here, never closed)"))
    }

    @Test func quoteInsideUnquotedFieldIsAnError() {
        #expect(throws: CSVSyntaxError.quoteInUnquotedField(line: 2, column: 2)) { try records("a,b\n1,x\"y\n") }
        #expect(throws: CSVSyntaxError.textAfterClosingQuote(line: 3, column: 2)) { try records("a,b\n1,\"x\ny\"z\n") }
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        let bytes = Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: SnapshotIssue(file: "t.csv", line: 2, column: 2, message: "invalid UTF-8")) {
            try records(bytes: bytes)
        }
    }

    @Test func lineNumbersCountLineBreaksInsideQuotes() throws {
        var reader = CSVReader(buffer: ByteBuffer(bytes: Array("h\n\"a\nb\"\nc\n".utf8)), file: "t.csv")
        var f: [FieldSpan] = []
        var lines: [Int] = []
        while try reader.next(into: &f) { lines.append(reader.recordLine) }
        #expect(lines == [1, 2, 4])
    }

    @Test func parsesIntegersDatesAndMonthsWithoutStrings() throws {
        let reader = CSVReader(buffer: ByteBuffer(bytes: Array("123,2024-02-29,2024-13,2023-02-29,-4".utf8)), file: "t")
        var r = reader
        var f: [FieldSpan] = []
        _ = try r.next(into: &f)
        #expect(r.integer(f[0]) == 123)
        #expect(r.date(f[1]) == Day(year: 2024, month: 2, day: 29))
        #expect(r.month(f[2]) == nil)
        #expect(r.date(f[3]) == nil)
        #expect(r.integer(f[4]) == nil)
        // Found by the fuzzer: a long run of digits overflowed the fast decimal path.
        var long = CSVReader(buffer: ByteBuffer(bytes: Array("1234567890123456789012345678901234567,-0.5,5.,.25,1.2.3,-,22.8231".utf8)), file: "t")
        _ = try long.next(into: &f)
        #expect(long.decimal(f[0]) == 1234567890123456789012345678901234567.0)
        #expect(long.decimal(f[1]) == -0.5)
        #expect(long.decimal(f[2]) == 5)
        #expect(long.decimal(f[3]) == 0.25)
        #expect(long.decimal(f[4]) == nil)
        #expect(long.decimal(f[5]) == nil)
        #expect(long.decimal(f[6]) == 22.8231)
    }
}

@Suite struct CalendarTests {
    @Test func dayRoundTrips() {
        // Both sides of the table of month starts (1970-01 to 2099-12) and the formula beyond.
        for text in ["1969-12-31", "1970-01-01", "2000-02-29", "2024-06-30", "2099-12-31", "2100-01-01", "2400-02-29", "1900-03-01"] {
            #expect(Day(iso: text)?.description == text)
        }
        #expect(Day(iso: "2024-02-30") == nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-00-10") == nil)
        #expect(Day(year: 2099, month: 12, day: 31)!.number + 1 == Day(year: 2100, month: 1, day: 1)!.number)
        #expect(Day(year: 1970, month: 1, day: 2)?.number == 1)
    }

    @Test func periodsStepAndCompare() {
        let q2 = Period.quarter(year: 2024, quarter: 2)
        #expect(q2.previous == .quarter(year: 2024, quarter: 1))
        #expect(Period.quarter(year: 2024, quarter: 1).previous == .quarter(year: 2023, quarter: 4))
        #expect(q2.sameLastYear == .quarter(year: 2023, quarter: 2))
        #expect(q2.months == Month(year: 2024, month: 4).index...Month(year: 2024, month: 6).index)
        #expect(Period(parsing: "2024-Q2") == q2)
        #expect(Period(parsing: "2024-06") == .month(Month(year: 2024, month: 6)))
        #expect(Period(parsing: "2024") == .year(2024))
        #expect(Period(parsing: "2024-Q5") == nil)
        #expect(Period.month(Month(year: 2024, month: 1)).previous == .month(Month(year: 2023, month: 12)))
    }
}

@Suite struct StreamingTests {
    /// A file read in small windows gives exactly the rows, lines and errors of a whole read.
    func rowsAndLines(_ dir: String, threshold: Int) throws -> [String] {
        var table = try CSVTable(directory: dir, name: "t.csv", columns: ["id", "note"], streamingThreshold: threshold, window: 4096)
        var out: [String] = []
        try table.forEachRow { (row: inout CSVTable.Row) throws(SnapshotIssue) in
            out.append("\(row.line):\(try row.string(0))=\(try row.string(1))")
        }
        return out
    }

    @Test func smallWindowsGiveTheSameRowsAsAWholeRead() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-stream")
        var text = "id,note\n"
        for k in 0..<30_000 {
            let note = k % 7 == 0 ? "\"multi\nline, \"\"quoted\"\" \(k)\"" : "plain \(k)"
            text += "\(k),\(note)\n"
        }
        text += "last,\"" + String(repeating: "x", count: 3 << 20) + "\""   // a 3 MB field, no final newline
        Fixtures.write(text, to: dir + "/t.csv")
        let whole = try rowsAndLines(dir, threshold: Int.max)
        let streamed = try rowsAndLines(dir, threshold: 0)   // 4 KB windows: refilled hundreds of times, grown for the big field
        #expect(whole.count == 30_001)
        #expect(whole == streamed)
        #expect(streamed[7].hasPrefix("10:7=multi\nline"))  // row 0 spans lines 2–3
    }

    @Test func aFileTruncatedWhileItIsReadIsRefused() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-stream")
        var text = "id,note\n"
        for k in 0..<5_000 { text += "\(k),plain \(k)\n" }
        Fixtures.write(text, to: dir + "/t.csv")
        var table = try CSVTable(directory: dir, name: "t.csv", columns: ["id", "note"], streamingThreshold: 0, window: 4096)
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/t.csv"))
        try handle.truncate(atOffset: 10_000)   // after the first window was read, before the rest
        try handle.close()
        var rows = 0
        var message = ""
        do {
            try table.forEachRow { (_: inout CSVTable.Row) throws(SnapshotIssue) in rows += 1 }
        } catch {
            message = error.message
        }
        #expect(message.hasPrefix("the file shrank while it was being read"), "\(message)")
        #expect(rows < 5_000)
    }

    @Test func errorsKeepTheirLinesWhenStreamed() throws {
        let dir = Fixtures.temporaryDirectory("cdsboard-stream")
        var text = "id,note\n"
        for k in 0..<200_000 { text += "\(k),\"a\nb\"\n" }
        text += "bad,\"never closed\n"
        Fixtures.write(text, to: dir + "/t.csv")
        #expect(throws: SnapshotIssue(file: "t.csv", line: 400_002, column: 2,
                                      message: "unterminated quoted field (opened here, never closed)")) {
            try rowsAndLines(dir, threshold: 0)
        }
    }
}
