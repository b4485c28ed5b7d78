#if !CDSBOARD_FUZZ   // the fuzz build compiles this file into SnapshotKit itself
import SnapshotKit
#endif

/// A deliberately naive RFC 4180 reader, the oracle `CSVReader` is checked against (in the
/// tests and in the fuzz `csv` target): one byte at a time through a five-state machine, no
/// SIMD, no windows, no spans. It follows the dialect of `CSVReader`: a leading UTF-8
/// byte-order mark is skipped; LF, CR and CRLF end a record; blank lines are skipped; a line
/// break inside quotes counts as a line only when it is an LF. Never used to read a snapshot.
public enum NaiveCSV {
    public struct Record: Equatable, Sendable {
        /// The physical line the record starts on.
        public var line: Int
        /// Each field's bytes, quotes removed and doubled quotes undone.
        public var fields: [[UInt8]]
        public init(line: Int, fields: [[UInt8]]) {
            self.line = line
            self.fields = fields
        }
    }

    /// Every record up to the first syntax error, and that error.
    public static func read(_ bytes: [UInt8]) -> (records: [Record], error: CSVSyntaxError?) {
        enum State { case recordStart, fieldStart, unquoted, quoted, quoteInQuoted }
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var records: [Record] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var state = State.recordStart
        var line = 1, recordLine = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = []
        }
        /// Past the line break at `i` (CR LF counts as one) and back to the start of a record.
        func endLine() {
            if bytes[i] == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
            line += 1
            state = .recordStart
        }
        while i < bytes.count {
            let b = bytes[i]
            switch state {
            case .recordStart:
                if b == lf || b == cr { endLine(); break }   // a blank line
                recordLine = line
                state = .fieldStart
                continue   // the same byte again, as the start of a field
            case .fieldStart:
                if b == quote { state = .quoted; break }
                state = .unquoted
                continue
            case .unquoted:
                if b == comma { fields.append(field); field = []; state = .fieldStart }
                else if b == lf || b == cr { endRecord(); endLine() }
                else if b == quote { return (records, .quoteInUnquotedField(line: recordLine, column: fields.count + 1)) }
                else { field.append(b) }
            case .quoted:
                if b == quote { state = .quoteInQuoted; break }
                if b == lf { line += 1 }
                field.append(b)
            case .quoteInQuoted:
                if b == quote { field.append(quote); state = .quoted }
                else if b == comma { fields.append(field); field = []; state = .fieldStart }
                else if b == lf || b == cr { endRecord(); endLine() }
                else { return (records, .textAfterClosingQuote(line: line, column: fields.count + 1)) }
            }
            i += 1
        }
        switch state {
        case .recordStart: break
        case .fieldStart, .unquoted, .quoteInQuoted: endRecord()
        case .quoted: return (records, .unterminatedQuote(line: recordLine, column: fields.count + 1))
        }
        return (records, nil)
    }
}

extension NaiveCSV {
    /// The fields of one generated line, split at commas outside quotes; the quotes are kept
    /// (the generators quote only free text, which the tests that edit lines leave alone).
    public static func fields(ofLine line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() }
            if ch == ",", !quoted { fields.append(current); current = "" } else { current.append(ch) }
        }
        fields.append(current)
        return fields
    }
}
