import CByteScan
import Foundation

/// One field of the current record, as a byte range of the file.
public struct FieldSpan: Sendable {
    public var start: Int
    public var end: Int
    /// The field was quoted and contains a doubled quote that must be unescaped.
    public var hasEscapedQuote: Bool
}

/// Why a record could not be read, and where: a typed error, so that a caller decides by its
/// case (a window that ended inside a quoted field is read on), never by its wording.
public enum CSVSyntaxError: Error, Equatable, Sendable {
    /// A quoted field still open at the end of the input; `line` is the line its record starts on.
    case unterminatedQuote(line: Int, column: Int)
    /// A closing quote followed by something other than a comma or a line break.
    case textAfterClosingQuote(line: Int, column: Int)
    /// A quote inside a field that does not start with one; `line` is the line its record starts on.
    case quoteInUnquotedField(line: Int, column: Int)

    public var line: Int {
        switch self {
        case .unterminatedQuote(let line, _), .textAfterClosingQuote(let line, _), .quoteInUnquotedField(let line, _): return line
        }
    }

    public var column: Int {
        switch self {
        case .unterminatedQuote(_, let column), .textAfterClosingQuote(_, let column), .quoteInUnquotedField(_, let column): return column
        }
    }

    public var message: String {
        switch self {
        case .unterminatedQuote: return "unterminated quoted field (opened here, never closed)"
        case .textAfterClosingQuote: return "unexpected character after closing quote"
        case .quoteInUnquotedField: return "quote inside an unquoted field"
        }
    }

    /// The error as a `file:line:column` issue.
    public func issue(file: String) -> SnapshotIssue {
        SnapshotIssue(file: file, line: line, column: column, message: message)
    }
}

/// An RFC 4180 reader that works on bytes.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a UTF-8 byte-order mark is
/// skipped; CRLF and LF both end a record. A record is a reusable array of `FieldSpan`s, so
/// reading a row allocates nothing; a field becomes a `String` only when a parser keeps it.
public struct CSVReader: Sendable {
    public let buffer: ByteBuffer
    public let file: String
    /// The name again, as an object rows can point to without reference counting.
    private let name: FileName
    private var position: Int
    private var nextLine: Int
    /// Byte offset of the next record, and its line number.
    public var offset: Int { position }
    public var upcomingLine: Int { nextLine }
    public var endOffset: Int { end }

    /// Physical line (1-based) on which the current record starts.
    public private(set) var recordLine: Int = 0
    private let end: Int

    public init(buffer: ByteBuffer, file: String, range: Range<Int>? = nil, firstLine: Int = 1, skipBOM: Bool = true) {
        self.buffer = buffer
        self.file = file
        name = FileName(file)
        let r = range ?? 0..<buffer.count
        position = r.lowerBound
        end = r.upperBound
        nextLine = firstLine
        if skipBOM, position == 0, end >= 3, buffer.base[0] == 0xEF, buffer.base[1] == 0xBB, buffer.base[2] == 0xBF {
            position = 3
        }
    }

    /// Reads the next record into `fields`. Returns false at the end of the input.
    /// Blank lines are skipped.
    public mutating func next(into fields: inout [FieldSpan]) throws(CSVSyntaxError) -> Bool {
        try read(into: &fields, scalar: false)
    }

    /// `next(into:)` scanning with the portable byte-at-a-time code instead of SIMD (what
    /// runs where neither SSE2 nor NEON is available), so that tests can compare the two.
    public mutating func nextScalar(into fields: inout [FieldSpan]) throws(CSVSyntaxError) -> Bool {
        try read(into: &fields, scalar: true)
    }

    /// Inlined into both entry points with `scalar` a constant, so the SIMD one has no branch on it.
    @inline(__always)
    private mutating func read(into fields: inout [FieldSpan], scalar: Bool) throws(CSVSyntaxError) -> Bool {
        let p = buffer.base
        while true {
            fields.removeAll(keepingCapacity: true)
            guard position < end else { return false }
            recordLine = nextLine
            // Blank line?
            if p[position] == 0x0A { position += 1; nextLine += 1; continue }
            if p[position] == 0x0D {
                position += 1
                if position < end, p[position] == 0x0A { position += 1 }
                nextLine += 1
                continue
            }
            var i = position
            while true {
                if i < end, p[i] == 0x22 { // quoted field
                    let start = i + 1
                    var j = start
                    var escaped = false
                    var closed = false
                    while j < end {
                        if j + 16 <= end {
                            // Sixteen bytes at a time to the next quote, counting line breaks.
                            let m = scalar ? cds_quote_newline_mask16_scalar(p + j) : cds_quote_newline_mask16(p + j)
                            let quotes = m & 0xFFFF
                            if quotes == 0 { nextLine += (m >> 16).nonzeroBitCount; j += 16; continue }
                            let k = quotes.trailingZeroBitCount
                            nextLine += ((m >> 16) & ((1 << k) - 1)).nonzeroBitCount
                            j += k
                        } else if p[j] != 0x22 {
                            if p[j] == 0x0A { nextLine += 1 }
                            j += 1
                            continue
                        }
                        // p[j] is a quote: doubled, or the closing one.
                        if j + 1 < end, p[j + 1] == 0x22 { escaped = true; j += 2; continue }
                        closed = true
                        break
                    }
                    guard closed else {
                        throw .unterminatedQuote(line: recordLine, column: fields.count + 1)
                    }
                    fields.append(FieldSpan(start: start, end: j, hasEscapedQuote: escaped))
                    i = j + 1
                    guard i < end else { position = end; nextLine += 1; return true }
                    let b = p[i]
                    if b == 0x2C { i += 1; continue }
                    if b == 0x0A { position = i + 1; nextLine += 1; return true }
                    if b == 0x0D {
                        position = i + 1
                        if position < end, p[position] == 0x0A { position += 1 }
                        nextLine += 1
                        return true
                    }
                    throw .textAfterClosingQuote(line: nextLine, column: fields.count)
                }
                let start = i
                i = CSVReader.nextSpecial(p, from: i, end: end, scalar: scalar)
                if i < end, p[i] == 0x22 {
                    throw .quoteInUnquotedField(line: recordLine, column: fields.count + 1)
                }
                fields.append(FieldSpan(start: start, end: i, hasEscapedQuote: false))
                if i >= end { position = end; nextLine += 1; return true }
                let b = p[i]
                if b == 0x2C { i += 1; if i >= end { fields.append(FieldSpan(start: i, end: i, hasEscapedQuote: false)); position = end; nextLine += 1; return true }; continue }
                if b == 0x0A { position = i + 1; nextLine += 1; return true }
                // CR
                position = i + 1
                if position < end, p[position] == 0x0A { position += 1 }
                nextLine += 1
                return true
            }
        }
    }

    /// Moves past records read elsewhere (a `RecordScanner`): to `offset`, `lines` lines on.
    public mutating func skip(to offset: Int, lines: Int) {
        position = offset
        nextLine += lines
    }

    /// Index of the first `,` `"` LF or CR at or after `i`, or `end`. Sixteen bytes at a time
    /// (SSE2/NEON), which more than halves the time of reading a million-row export; with
    /// `scalar`, with the portable fallback.
    @inline(__always)
    static func nextSpecial(_ p: UnsafeMutablePointer<UInt8>, from start: Int, end: Int, scalar: Bool = false) -> Int {
        var i = start
        while i + 16 <= end {
            let m = scalar ? cds_csv_special_mask16_scalar(p + i) : cds_csv_special_mask16(p + i)
            if m != 0 { return i + m.trailingZeroBitCount }
            i += 16
        }
        while i < end {
            let b = p[i]
            if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return i }
            i += 1
        }
        return end
    }

    /// Reads fields of the current record without holding a reference to the buffer, so
    /// that rows handed to parsers cost no reference counting (which two cores would fight
    /// over).
    public var fieldReader: FieldReader { FieldReader(base: buffer.base, name: name, recordLine: recordLine) }

    public func string(_ f: FieldSpan, column: Int) throws(SnapshotIssue) -> String { try fieldReader.string(f, column: column) }
    public func isEmpty(_ f: FieldSpan) -> Bool { f.end == f.start }
    public func equals(_ f: FieldSpan, _ ascii: StaticString) -> Bool { fieldReader.equals(f, ascii) }
    public func integer(_ f: FieldSpan) -> Int? { fieldReader.integer(f) }
    public func decimal(_ f: FieldSpan) -> Double? { fieldReader.decimal(f) }
    public func date(_ f: FieldSpan) -> Day? { fieldReader.date(f) }
    public func month(_ f: FieldSpan) -> Month? { fieldReader.month(f) }
    public func hash(_ f: FieldSpan) -> UInt64 { fieldReader.hash(f) }
}

/// A file name held by reference, so that passing it with every row costs nothing.
final class FileName: Sendable {
    let value: String
    init(_ value: String) { self.value = value }
}

/// Typed access to the fields of one record, by byte range. Valid while the file's
/// `ByteBuffer` lives (its owner, the `CSVReader`, outlives every row it hands out).
public struct FieldReader {
    public let base: UnsafeMutablePointer<UInt8>
    /// Not retained: a row is read a million times and its file name only used on errors.
    unowned(unsafe) let name: FileName
    public let recordLine: Int
    public var file: String { name.value }

    /// The field as text; throws on invalid UTF-8.
    public func string(_ f: FieldSpan, column: Int) throws(SnapshotIssue) -> String {
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard let s = String(validating: raw, as: UTF8.self) else {
            throw SnapshotIssue(file: file, line: recordLine, column: column, message: "invalid UTF-8")
        }
        guard f.hasEscapedQuote else { return s }
        // Undouble the quotes byte by byte: as Characters, a quote followed by a combining mark
        // (text in NFD, say) is one cluster, and `""` would not be found (fuzz finding).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            bytes.append(raw[k])
            k += raw[k] == 0x22 && k + 1 < raw.count && raw[k + 1] == 0x22 ? 2 : 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func isEmpty(_ f: FieldSpan) -> Bool { f.end == f.start }

    /// Compares the field with ASCII text without making a String.
    public func equals(_ f: FieldSpan, _ ascii: StaticString) -> Bool {
        let n = ascii.utf8CodeUnitCount
        guard f.end - f.start == n else { return false }
        let a = ascii.utf8Start
        for k in 0..<n where base[f.start + k] != a[k] { return false }
        return true
    }

    /// A non-negative decimal integer, or nil.
    public func integer(_ f: FieldSpan) -> Int? {
        var i = f.start
        let e = f.end
        guard i < e, e - i <= 18 else { return nil }
        var v = 0
        let p = base
        while i < e {
            let d = Int(p[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v &* 10 &+ d
            i += 1
        }
        return v
    }

    /// A signed decimal number (`-3`, `22.8231`), or nil.
    public func decimal(_ f: FieldSpan) -> Double? {
        guard f.end > f.start, f.end - f.start < 40 else { return nil }
        // Up to 15 digits: the digits as an integer, divided once by a power of ten, both
        // exact in a Double, so the result is correctly rounded (strtod's own fast path).
        var i = f.start
        let negative = base[i] == 0x2D
        if negative { i += 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = -1
        while i < f.end {
            let b = base[i]
            if b == 0x2E, fraction < 0 { fraction = 0 }
            else if b >= 0x30, b <= 0x39 {
                mantissa = mantissa &* 10 &+ Int64(b - 0x30)   // wraps past 18 digits: unused then
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else { return nil }
            i += 1
        }
        if digits == 0 { return nil }
        if digits <= 15 {
            let v = Double(mantissa) / FieldReader.powersOfTen[max(fraction, 0)]
            return negative ? -v : v
        }
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard let s = String(validating: raw, as: UTF8.self) else { return nil }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(s)
    }

    private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }

    /// A `YYYY-MM-DD` date as a day number, or nil.
    @inline(__always)
    public func date(_ f: FieldSpan) -> Day? {
        guard f.end - f.start == 10 else { return nil }
        let p = base + f.start
        guard p[4] == 0x2D, p[7] == 0x2D else { return nil }
        guard let y = digits(p, 0, 4), let m = digits(p, 5, 2), let d = digits(p, 8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// A `YYYY-MM` month, or nil.
    public func month(_ f: FieldSpan) -> Month? {
        guard f.end - f.start == 7 else { return nil }
        let p = base + f.start
        guard p[4] == 0x2D, let y = digits(p, 0, 4), let m = digits(p, 5, 2), (1...12).contains(m) else { return nil }
        return Month(year: y, month: m)
    }

    /// A 64-bit hash of the field's bytes, eight at a time (multiply and xor-shift mixing,
    /// as in SplitMix64), for finding duplicate IDs without making Strings.
    public func hash(_ f: FieldSpan) -> UInt64 { FieldReader.hash(base + f.start, f.end - f.start) }

    /// `hash` of the bytes `p[0..<n]`.
    @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: n &+ 1)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(p[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The field's bytes as a little-endian integer when it is 1 to 8 bytes long, else 0:
    /// short keywords (`online`, `pending`) are then told apart by one comparison.
    @inline(__always)
    public func word(_ f: FieldSpan) -> UInt64 {
        let n = f.end - f.start
        guard n >= 1, n <= 8, !f.hasEscapedQuote else { return 0 }
        return FieldReader.word(base + f.start, n)
    }

    /// `word` of the bytes `p[0..<n]` (1 to 8 of them): 0 when the last is NUL, since
    /// `pending\0` would otherwise read as `pending` (the high bytes of a shorter word are 0).
    @inline(__always)
    public static func word(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        guard p[n - 1] != 0 else { return 0 }
        var w: UInt64 = 0
        for k in 0..<n { w |= UInt64(p[k]) << (8 * UInt64(k)) }
        return w
    }

    /// The integer `word` gives for `text` (1 to 8 ASCII bytes).
    public static func word(_ text: StaticString) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<min(text.utf8CodeUnitCount, 8) { w |= UInt64(text.utf8Start[k]) << (8 * UInt64(k)) }
        return w
    }

    @inline(__always)
    private func digits(_ p: UnsafeMutablePointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        var v = 0
        for k in 0..<n {
            let d = Int(p[at + k]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
